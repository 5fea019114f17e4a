import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressV1 } from '../../fixtures/progress-v1';
import { parseUrlState } from '../../../src/store/url-state';
import * as sandboxChecks from '../../../src/store/sandbox-scenario';
import { exampleScenarioText } from '../../../src/store/sandbox-slice';
import {
  backupKeyOf,
  PROGRESS_VERSION,
  SANDBOX_STORAGE_KEY,
  STORAGE_KEY,
} from '../../../src/store/storage';
import { initialState, useAppStore } from '../../../src/store/store';

const state = () => useAppStore.getState();
const BACKUP = backupKeyOf(STORAGE_KEY);
const SANDBOX_BACKUP = backupKeyOf(SANDBOX_STORAGE_KEY);

async function openWith(values: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
  await useAppStore.persist.rehydrate();
}

/** Make every write to `key` fail as a full quota does. */
function fillQuotaFor(key: string): void {
  const setItem = Storage.prototype.setItem;
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (
    this: Storage,
    name: string,
    value: string,
  ) {
    if (name === key) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    setItem.call(this, name, value);
  });
}

beforeEach(() => useAppStore.getState().setSandboxTools(sandboxChecks));
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  useAppStore.setState(initialState, true);
});

describe('Upgrading stored progress', () => {
  it('opens progress written by version 1 with every answer, theme, speed and practice history', async () => {
    const v1 = progressV1.state;
    await openWith({ [STORAGE_KEY]: JSON.stringify(progressV1) });
    const s = state();
    expect(s.answers).toEqual({
      'delete-on-update': {
        0: { selected: 1, checked: 1 },
        1: { selected: 2, checked: 2 },
        2: { selected: 0, checked: null },
      },
      'ttl-expiry': { 0: { selected: 3, checked: 3 } },
    });
    expect(s.theme).toBe('dark');
    expect(s.speed).toBe(1.5);
    expect(s.isShowingAllSteps).toBe(true);
    expect(s.practiceSeed).toBe(v1.practiceSeed);
    expect(s.practiceCursor).toBe(v1.practiceCursor);
    expect(s.practiceHistory).toEqual(v1.practiceHistory);
    expect(s.notices).toEqual([]);
    // The next save writes the current layout, with nothing lost.
    s.next();
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '') as {
      version: number;
      state: Record<string, unknown>;
    };
    expect(stored.version).toBe(PROGRESS_VERSION);
    expect(stored.state).toEqual({
      answers: v1.answers,
      preferences: { theme: 'dark', speed: 1.5, isShowingAllSteps: true },
      practice: { seed: 4021, cursor: 9876, history: v1.practiceHistory },
    });
    // And that layout opens again as it was.
    const written = localStorage.getItem(STORAGE_KEY) ?? '';
    useAppStore.setState(initialState, true);
    await openWith({ [STORAGE_KEY]: written });
    expect(state().practiceHistory).toEqual(v1.practiceHistory);
    expect(state().theme).toBe('dark');
  });

  it('reads version 0 (persist without a version) as the flat layout', async () => {
    await openWith({ [STORAGE_KEY]: JSON.stringify({ ...progressV1, version: 0 }) });
    expect(state().theme).toBe('dark');
    expect(state().practiceHistory).toHaveLength(3);
  });
});

describe('Progress from a newer version (issue 10 #1)', () => {
  it.each([3, 999])(
    'version %i is kept untouched, read as far as it can be, with a notice',
    async (version) => {
      const raw = JSON.stringify({
        state: { answers: progressV1.state.answers, preferences: { theme: 'dark' }, badges: [1] },
        version,
      });
      await openWith({ [STORAGE_KEY]: raw });
      expect(state().theme).toBe('dark');
      expect(state().notices).toEqual([
        `Saved progress was written by a newer version of Django Cache Lab (format ${version}; this one reads up to 2). It is kept as it is: this tab shows what it can and saves no progress over it.`,
      ]);
      state().setTheme('light');
      state().next();
      expect(localStorage.getItem(STORAGE_KEY)).toBe(raw);
    },
  );
});

describe('Unreadable progress', () => {
  it.each([
    ['not JSON', '{not json', 'it is not valid JSON'],
    [
      'a null version',
      JSON.stringify({ ...progressV1, version: null }),
      'it has no state and version',
    ],
    ['no state', JSON.stringify({ version: 1 }), 'it has no state and version'],
    [
      'a negative version',
      JSON.stringify({ ...progressV1, version: -1 }),
      'it has no state and version',
    ],
  ])(
    '(%s) is backed up before anything is written, with a notice and a download',
    async (_, raw, reason) => {
      await openWith({ [STORAGE_KEY]: raw });
      expect(localStorage.getItem(BACKUP)).toBe(raw);
      expect(state().notices).toEqual([
        `Saved progress could not be read (${reason}) and was skipped: a copy is kept under "${BACKUP}" (use Download below).`,
      ]);
      expect(state().storedCopies).toEqual([
        {
          key: STORAGE_KEY,
          what: 'progress',
          fileName: 'django-cache-lab-progress.json',
          text: raw,
          backupKey: BACKUP,
        },
      ]);
      state().next();
      expect(localStorage.getItem(BACKUP)).toBe(raw);
    },
  );

  it('never overwrites an earlier backup: a second one goes to the next key', async () => {
    await openWith({ [BACKUP]: 'first', [STORAGE_KEY]: '{second' });
    expect(localStorage.getItem(BACKUP)).toBe('first');
    expect(localStorage.getItem(backupKeyOf(STORAGE_KEY, 2))).toBe('{second');
  });

  it('partly unreadable: the whole original is backed up, the good fields are kept', async () => {
    const raw = JSON.stringify({ state: { ...progressV1.state, speed: 'warp' }, version: 1 });
    await openWith({ [STORAGE_KEY]: raw });
    expect(state().theme).toBe('dark');
    expect(state().speed).toBe(1);
    expect(localStorage.getItem(BACKUP)).toBe(raw);
    expect(state().notices[0]).toMatch(
      /^Saved progress was partly unreadable and was skipped: speed\./,
    );
  });

  it('too large for its backup is left alone and never written over (issue 10 #12)', async () => {
    const raw = `{"state": "${'x'.repeat(10_000)}`;
    fillQuotaFor(BACKUP);
    await openWith({ [STORAGE_KEY]: raw });
    expect(state().notices).toEqual([
      'Saved progress could not be read (it is not valid JSON) and was skipped: it could not be copied, so it was left as it is and this tab saves nothing over it (use Download below).',
    ]);
    state().setTheme('light');
    state().next();
    expect(localStorage.getItem(STORAGE_KEY)).toBe(raw);
    expect(state().storedCopies[0]).toMatchObject({ text: raw, backupKey: null });
  });
});

describe('The saved sandbox scenario (issue 10 #2)', () => {
  const scenario = exampleScenarioText();

  it('reads version 1 (the bare text) and writes version 2 only when it changes', async () => {
    await openWith({ [SANDBOX_STORAGE_KEY]: scenario });
    expect(state().sandboxText).toBe(scenario);
    state().next();
    expect(localStorage.getItem(SANDBOX_STORAGE_KEY)).toBe(scenario);
    await state().restoreSandbox();
    expect(state().sandboxLesson).not.toBeNull();
  });

  it('is not touched on views that never open the sandbox, whatever it holds', async () => {
    const oversized = 'x'.repeat(1_000_001);
    fillQuotaFor(SANDBOX_BACKUP);
    await openWith({ [SANDBOX_STORAGE_KEY]: oversized });
    state().next();
    expect(localStorage.getItem(SANDBOX_STORAGE_KEY)).toBe(oversized);
    expect(state().notices[0]).toMatch(
      /^The saved sandbox scenario is empty or too large and was skipped: it could not be copied/,
    );
  });

  it('one that fails the check (a newer field) is backed up, not deleted', async () => {
    const newer = JSON.stringify({ ...JSON.parse(scenario), theme: 'dark' });
    await openWith({ [SANDBOX_STORAGE_KEY]: newer });
    await state().restoreSandbox();
    expect(state().sandboxLesson).toBeNull();
    expect(localStorage.getItem(SANDBOX_BACKUP)).toBe(newer);
    expect(state().notices[0]).toMatch(
      /^The saved sandbox scenario could not be read and was skipped: a copy is kept under/,
    );
    expect(state().storedCopies).toMatchObject([{ what: 'sandbox scenario', text: newer }]);
  });

  it('from a newer version is kept untouched, and nothing is saved over it', async () => {
    const raw = JSON.stringify({ version: 7, text: scenario });
    await openWith({ [SANDBOX_STORAGE_KEY]: raw });
    expect(state().notices[0]).toMatch(
      /written by a newer version of Django Cache Lab \(format 7\)/,
    );
    state().loadSandboxExample();
    state().setSandboxDraft('{}');
    expect(localStorage.getItem(SANDBOX_STORAGE_KEY)).toBe(raw);
  });
});

describe('Notices from storage (issue 10 #3)', () => {
  it('stay on screen after the URL is applied, beside the URL’s own', async () => {
    await openWith({ [STORAGE_KEY]: '{not json' });
    state().applyUrl(parseUrlState('?step=banana'));
    expect(state().notices).toHaveLength(2);
    expect(state().notices[0]).toMatch(/^Saved progress could not be read/);
    expect(state().notices[1]).toMatch(/^Step "banana" is not a number/);
  });
});
