import { deleteOnUpdate } from '../../src/lessons/delete-on-update';

/**
 * Hostile scenario files shared by the fuzz tests and the browser checks: each one the kind
 * issue 10 found, built from the example scenario (the seed lesson without its remedy).
 */
type Json = Record<string, unknown> & {
  steps: (Record<string, unknown> & { ops: unknown[] })[];
  setup: Record<string, unknown> & { bindings: Record<string, unknown>[] };
};
/** The sandbox's example: the seed lesson without its remedy (as `exampleScenarioText`). */
export const example = (): Json => {
  const { remedy: _remedy, ...lesson } = deleteOnUpdate;
  return JSON.parse(JSON.stringify(lesson)) as Json;
};
const text = (value: unknown): string => JSON.stringify(value);

const save = { op: 'db.save', model: 'Profile', pk: 42, fields: { data: { literal: 'x' } } };

/** A post_save receiver that saves twice: exponential without a recursion limit. */
export function recursiveReceiver(): string {
  const lesson = example();
  lesson.setup.receivers = [{ signal: 'post_save', model: 'Profile', ops: [save, save] }];
  return text(lesson);
}

/** A binding key that would be a backtracking quantifier. */
export function quantifierBinding(): string {
  const lesson = example();
  lesson.setup.bindings[0].key = '{a}{1,40}!';
  return text(lesson);
}

/** A binding key with a repeated placeholder, and a skippable step. */
export function duplicatePlaceholder(): string {
  const lesson = example();
  lesson.setup.bindings[0].key = 'user_profile_{pk}{pk}';
  return text(lesson);
}

/** 1,000 steps of 16 `cache.set`s with room for 100,000 entries: ~880 MB and 53 s unchecked. */
export function hugeCache(): string {
  const lesson = example();
  lesson.setup.cache = { maxEntries: 100_000 };
  lesson.setup.vars = { n: 0 };
  lesson.steps = Array.from({ length: 1000 }, (_, i) => ({
    action: 'set',
    cacheKey: '-',
    result: '-',
    narration: '',
    lines: [],
    stage: 0,
    ops: [
      { op: 'set.var', name: 'n', value: { literal: i } },
      ...Array.from({ length: 15 }, (_, j) => ({
        op: 'cache.set',
        key: `k{n}_${j}`,
        value: { literal: j },
      })),
    ],
  }));
  lesson.quiz = [];
  lesson.keyMoments = [];
  return text(lesson);
}

/** A literal nested 3,000 deep. */
export function deepLiteral(): string {
  return text({ ...example(), setup: { ...example().setup, vars: { v: nested(3000) } } });
}
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

/** A list of 1,001 items where a value goes. */
export function longList(): string {
  const lesson = example();
  lesson.setup.vars = { v: Array.from({ length: 1001 }, (_, i) => i) };
  return text(lesson);
}

/** A 500,000-character group. */
export function hugeGroup(): string {
  return text({ ...example(), group: 'g'.repeat(500_000) });
}

/** A key moment at step 99999. */
export function farKeyMoment(): string {
  const lesson = example();
  (lesson.keyMoments as Record<string, unknown>[])[0].step = 99999;
  return text(lesson);
}

/** A key that names `{constructor}`. */
export function constructorKey(): string {
  const lesson = example();
  lesson.steps[0].ops = [{ op: 'cache.set', key: 'k_{constructor}', value: { literal: 1 } }];
  return text(lesson);
}

/** Each hostile file with what it is. */
export const HOSTILE_SCENARIOS: readonly [string, () => string][] = [
  ['a receiver that saves twice', recursiveReceiver],
  ['a quantifier in a binding key', quantifierBinding],
  ['a repeated placeholder', duplicatePlaceholder],
  ['1,000 steps of 16 cache.sets', hugeCache],
  ['a 3,000-deep literal', deepLiteral],
  ['a list of 1,001 items', longList],
  ['a 500,000-character group', hugeGroup],
  ['a key moment at step 99999', farKeyMoment],
  ['a {constructor} key', constructorKey],
];
