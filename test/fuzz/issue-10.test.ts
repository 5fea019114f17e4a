import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/engine';
import { findLesson, loadAllLessons } from '../../src/lessons';
import * as sandboxChecks from '../../src/store/sandbox-scenario';
import { parseScenarioText } from '../../src/store/sandbox-scenario';
import { backupKeyOf, SANDBOX_STORAGE_KEY, STORAGE_KEY } from '../../src/store/storage';
import { initialState, useAppStore } from '../../src/store/store';
import { parseUrlState } from '../../src/store/url-state';
import { progressV1 } from '../fixtures/progress-v1';
import * as hostile from './scenarios';

/** Issue 10's twelve reproductions, one test each (#6 and #7 run in the browser: app.spec.ts). */

/** "No hang": the bound. The worker stops a check at 2 s; this runs one in-thread. */
const HANG_MS = 10_000;

const state = () => useAppStore.getState();
const refusal = (text: string): string => {
  const result = parseScenarioText(text);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.error;
};
const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
};
async function openWith(values: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
  await useAppStore.persist.rehydrate();
}

beforeAll(async () => {
  await loadAllLessons();
});
beforeEach(() => useAppStore.getState().setSandboxTools(sandboxChecks));
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  useAppStore.setState(initialState, true);
});

describe('Issue 10 regressions', () => {
  it.each([0, 2, 3, 999, null])(
    '#1 progress stored with version %s is never wiped silently',
    async (version) => {
      const error = vi.spyOn(console, 'error');
      const raw = JSON.stringify({ ...progressV1, version });
      await openWith({ [STORAGE_KEY]: raw });
      state().next();
      expect(error).not.toHaveBeenCalled();
      const kept = [STORAGE_KEY, backupKeyOf(STORAGE_KEY)].map((k) => localStorage.getItem(k));
      if (version === 0 || version === 2) {
        // Read (0 is upgraded; 2 is the current format, which keeps unknown top-level fields): every answer, the theme, speed and practice history are there.
        expect(state()).toMatchObject({ theme: 'dark', speed: 1.5 });
        expect(state().practiceHistory).toHaveLength(3);
      } else {
        // Kept untouched (newer) or backed up (unreadable), and the learner is told.
        expect(kept).toContain(raw);
        expect(state().notices).toHaveLength(1);
      }
    },
  );

  it('#2 a saved scenario that fails the check, or is blank or oversized, is kept', async () => {
    const newer = JSON.stringify({ ...hostile.example(), theme: 'dark' });
    await openWith({ [SANDBOX_STORAGE_KEY]: newer });
    await state().restoreSandbox();
    expect(localStorage.getItem(backupKeyOf(SANDBOX_STORAGE_KEY))).toBe(newer);
    for (const raw of ['', '   ', 'x'.repeat(1_000_001)]) {
      localStorage.clear();
      useAppStore.setState(initialState, true);
      await openWith({ [SANDBOX_STORAGE_KEY]: raw });
      state().next();
      const kept = [SANDBOX_STORAGE_KEY, backupKeyOf(SANDBOX_STORAGE_KEY)].map((k) =>
        localStorage.getItem(k),
      );
      expect(kept).toContain(raw);
      expect(state().notices).toHaveLength(1);
    }
  });

  it('#3 the notice from stored data survives the URL’s notices', async () => {
    await openWith({ [STORAGE_KEY]: '{oops' });
    state().applyUrl(parseUrlState('?lesson=nope'));
    expect(state().notices).toHaveLength(2);
    expect(state().notices[0]).toMatch(/^Saved progress could not be read/);
  });

  it(
    '#4 scenarios inside the limits never freeze: recursion, a quantifier, a huge cache',
    { timeout: 30_000 },
    () => {
      const recursion = timed(() => parseScenarioText(hostile.recursiveReceiver()));
      expect(recursion.ms).toBeLessThan(HANG_MS);
      expect(recursion.value.ok).toBe(true);
      if (recursion.value.ok) {
        const outcomes = run(recursion.value.lesson).frames.flatMap((f) => f.outcomes);
        expect(outcomes).toContainEqual(
          expect.objectContaining({
            kind: 'error',
            message: expect.stringMatching(/^RecursionError/),
          }),
        );
      }
      const quantifier = timed(() => refusal(hostile.quantifierBinding()));
      expect(quantifier.ms).toBeLessThan(HANG_MS);
      expect(quantifier.value).toMatch(
        /^Field "setup\.bindings\[0\]\.key": placeholder "\{1,40\}"/,
      );
      const huge = timed(() => refusal(hostile.hugeCache()));
      expect(huge.ms).toBeLessThan(HANG_MS);
      expect(huge.value).toMatch(/the normal path went over the work limit at step \d+/);
    },
  );

  it('#5 a loaded scenario cannot fail a panel when a what-if step is skipped', () => {
    expect(refusal(hostile.duplicatePlaceholder())).toMatch(
      /^Field "setup\.bindings\[0\]\.key": placeholder \{pk\} is used twice/,
    );
    const lesson = parseScenarioText(JSON.stringify(hostile.example()));
    expect(lesson.ok).toBe(true);
    if (lesson.ok) {
      const skippable = lesson.lesson.steps.flatMap((s, i) => (s.skippable ? [i + 1] : []));
      for (const n of skippable) expect(() => run(lesson.lesson, { skip: [n] })).not.toThrow();
    }
  });

  it('#8 a refusal quotes at most ~60 characters of the bad value', () => {
    const message = refusal(hostile.hugeGroup());
    expect(message.length).toBeLessThan(200);
    expect(message).toMatch(/^Field "group": /);
  });

  it('#9 located messages, never internal error text', () => {
    const deep = refusal(hostile.deepLiteral());
    expect(deep).toMatch(/^Field "setup\.vars\.v(\[0\])+…?.*": nested more than 32 levels deep$/);
    for (const message of [deep, refusal(hostile.quantifierBinding())]) {
      expect(message).not.toMatch(/call stack|Invalid regular expression|RangeError|SyntaxError/);
    }
  });

  it('#10 ?lesson=on-commit&remedy=1&skip=3 checks skips against the remedy', () => {
    const remedy = findLesson('on-commit')?.remedy?.patch.steps ?? [];
    expect(remedy[2]?.skippable).toBeFalsy();
    expect(parseUrlState('?lesson=on-commit&remedy=1&skip=3').skip).toEqual([]);
  });

  it('#11 schema gaps: far key moments, long lists, inherited properties', () => {
    expect(refusal(hostile.farKeyMoment())).toMatch(/^Key moment 1, field "step": step 99999/);
    expect(refusal(hostile.longList())).toMatch(/a list of 1001 items; at most 1000/);
    const result = parseScenarioText(hostile.constructorKey());
    expect(result.ok).toBe(true);
    if (result.ok) {
      const set = run(result.lesson).frames[1].outcomes[0];
      expect(set).toMatchObject({ kind: 'set', key: 'k_{constructor}' });
    }
  });

  it('#12 unreadable progress too large for its backup is left as it is', async () => {
    const raw = `{"state":${'['.repeat(50)}`;
    const setItem = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (
      this: Storage,
      key: string,
      value: string,
    ) {
      if (key.includes('unreadable-backup')) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    });
    await openWith({ [STORAGE_KEY]: raw });
    state().setTheme('dark');
    state().next();
    expect(localStorage.getItem(STORAGE_KEY)).toBe(raw);
    expect(state().storedCopies).toMatchObject([{ text: raw, backupKey: null }]);
  });
});
