import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/engine';
import { findLesson, lessonIndex, loadAllLessons } from '../../src/lessons';
import * as sandboxChecks from '../../src/store/sandbox-scenario';
import { parseScenarioText } from '../../src/store/sandbox-scenario';
import { backupKeyOf, SANDBOX_STORAGE_KEY, STORAGE_KEY } from '../../src/store/storage';
import { initialState, useAppStore } from '../../src/store/store';
import { effectiveLesson } from '../../src/store/trace-cache';
import { parseUrlState } from '../../src/store/url-state';
import { progressV1 } from '../fixtures/progress-v1';
import { example } from './scenarios';

/**
 * Seeded fuzzing of everything the app reads from outside: stored values, URLs and scenario
 * files. Fixed seeds, so a failure reproduces; a few hundred cases, a few seconds.
 */
const SEED = 20261201;
/** A whole property's runs, on a slow shared CI machine. */
const FUZZ_TIMEOUT_MS = 120_000;
const state = () => useAppStore.getState();

beforeAll(async () => {
  await loadAllLessons();
  useAppStore.getState().setSandboxTools(sandboxChecks);
});
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  useAppStore.setState(initialState, true);
});

/** The kinds of value found in storage: JSON of any shape, broken text, damaged progress. */
const anyValue = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 2.5, 999, '', 'dark', [], {}),
  fc.string({ maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const storedProgress = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc
    .record({
      field: fc.constantFrom(...Object.keys(progressV1.state), 'preferences', 'practice', 'x'),
      value: anyValue,
      version: fc.oneof(fc.constantFrom(0, 1, 2, 3, 999, -1, null, '1', 1.5), anyValue),
    })
    .map(({ field, value, version }) =>
      JSON.stringify({ state: { ...progressV1.state, [field]: value }, version }),
    ),
  fc.tuple(fc.nat({ max: 400 }), fc.string({ maxLength: 8 })).map(([at, junk]) => {
    const raw = JSON.stringify(progressV1);
    return raw.slice(0, at) + junk + raw.slice(at + junk.length);
  }),
);
const storedSandbox = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 100 }),
  fc.constantFrom(
    '',
    '   ',
    JSON.stringify({ version: 2, text: '{}' }),
    '{"version":9,"text":"x"}',
  ),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
);

describe('Stored values (fuzz)', () => {
  it(
    'never throw or log an error, always say what they skipped, and lose nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(storedProgress, storedSandbox, async (progress, sandbox) => {
          localStorage.clear();
          useAppStore.setState(initialState, true);
          useAppStore.getState().setSandboxTools(sandboxChecks);
          localStorage.clear();
          const error = vi.spyOn(console, 'error');
          localStorage.setItem(STORAGE_KEY, progress);
          if (sandbox !== null) localStorage.setItem(SANDBOX_STORAGE_KEY, sandbox);
          await useAppStore.persist.rehydrate();
          await state().restoreSandbox();
          // Actions that write progress and the scenario key.
          state().next();
          state().setTheme('contrast');
          state().loadSandboxExample();
          expect(error).not.toHaveBeenCalled();
          const held = (key: string): (string | null)[] => [
            localStorage.getItem(key),
            ...Array.from({ length: 9 }, (_, i) => localStorage.getItem(backupKeyOf(key, i + 1))),
          ];
          const notices = state().notices.join('\n');
          // Progress: kept verbatim somewhere, or read whole (then no notice named it).
          if (!held(STORAGE_KEY).includes(progress)) expect(notices).not.toMatch(/Saved progress/);
          // The scenario: kept, or it was a valid one the example replaced.
          if (sandbox !== null && !held(SANDBOX_STORAGE_KEY).includes(sandbox)) {
            expect(notices).not.toMatch(/sandbox scenario/);
          }
          for (const notice of state().notices) expect(notice.length).toBeLessThan(600);
          error.mockRestore();
        }),
        { seed: SEED, numRuns: 150 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

const param = fc.constantFrom('lesson', 'step', 'skip', 'remedy', 'present', 'view', 'embed', 'x');
const paramValue = fc.oneof(
  fc.constantFrom(...lessonIndex.map((l) => l.id), 'sandbox', 'lessons', 'practice', '1', '0'),
  fc.constantFrom('-1', '999', '2.7', 'NaN', 'Infinity', '1e309', '3,3,1', ' 2', '<img>'),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -5, max: 40 }).map(String),
);

describe('URLs (fuzz)', () => {
  it(
    'always give a valid screen, and notices that quote little',
    () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(param, paramValue), { maxLength: 6 }), (pairs) => {
          const query = `?${new URLSearchParams(pairs).toString()}`;
          const url = parseUrlState(query);
          const lesson = effectiveLesson({ ...url, sandboxLesson: null });
          expect(findLesson(url.lessonId)).toBeDefined();
          expect(url.step).toBeGreaterThanOrEqual(0);
          expect(url.step).toBeLessThanOrEqual(lesson.steps.length);
          for (const n of url.skip) expect(lesson.steps[n - 1]?.skippable).toBe(true);
          for (const notice of url.notices) expect(notice.length).toBeLessThan(300);
        }),
        { seed: SEED, numRuns: 400 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

/** Replace the value at a random path of the example scenario with something hostile. */
const hostileValue = fc.oneof(
  anyValue,
  fc.constantFrom(
    'x'.repeat(20_000),
    '{a}{1,40}!',
    '{pk}{pk}',
    '{constructor}',
    '__proto__',
    99999,
    -99999,
    1e308,
  ),
  // Recipes, built inside the property (a counterexample stays small enough to print).
  fc.nat({ max: 3000 }).map((depth) => ({ recipe: 'deep', n: depth })),
  fc.nat({ max: 1500 }).map((n) => ({ recipe: 'list', n })),
);

function build(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('recipe' in value)) return value;
  const { recipe, n } = value as { recipe: string; n: number };
  if (recipe === 'list') return Array.from({ length: n }, (_, i) => i);
  // Deep nesting is written as text (JSON.stringify itself would overflow the stack).
  return `__DEEP_${n}__`;
}

const withDeepText = (text: string): string =>
  text.replace(/"__DEEP_(\d+)__"/, (_, n: string) => {
    const depth = Number(n);
    return `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
  });

function setAt(root: unknown, choices: number[], value: unknown): void {
  let node = root;
  for (const choice of choices) {
    if (typeof node !== 'object' || node === null) return;
    const keys = Object.keys(node);
    if (keys.length === 0) return;
    const key = keys[choice % keys.length];
    const child = (node as Record<string, unknown>)[key];
    if (typeof child !== 'object' || child === null || choice % 3 === 0) {
      (node as Record<string, unknown>)[key] = value;
      return;
    }
    node = child;
  }
}

const LOCATED =
  /^(Step \d+|Field "|Key moment \d+|Question \d+|The scenario|Not valid JSON|The scenario does too much)/;

describe('Scenario files (fuzz)', () => {
  it(
    'are refused with a short located message, or load and run every what-if',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 6 }),
          hostileValue,
          (choices, value) => {
            const scenario = example();
            setAt(scenario, choices, build(value));
            const started = performance.now();
            const result = parseScenarioText(withDeepText(JSON.stringify(scenario)));
            expect(performance.now() - started).toBeLessThan(5000);
            if (!result.ok) {
              expect(result.error).toMatch(LOCATED);
              expect(result.error.length).toBeLessThan(400);
              expect(result.error).not.toMatch(
                /stack|RegExp|regular expression|undefined|\[object/,
              );
              return;
            }
            const skippable = result.lesson.steps.flatMap((s, i) => (s.skippable ? [i + 1] : []));
            for (const n of skippable)
              expect(() => run(result.lesson, { skip: [n] })).not.toThrow();
          },
        ),
        { seed: SEED, numRuns: 300 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
