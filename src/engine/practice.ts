/**
 * Generated practice: a seeded, single-actor scenario over one or two `Profile` rows, run by
 * the same interpreter as the lessons, and one question about its trace. The answer is read
 * from the trace, never authored, so "endless" practice is exactly as right as the engine.
 */
import { pyRepr } from './python-repr';
import { createRng, type Rng } from './rng';
import { DEFAULT_ACTOR, run } from './run';
import type { ActorOutcome, CacheEntryView, Frame, Lesson, LessonStep, Op } from './types';
import { PRACTICE_KINDS, type PracticeKind } from './practice-seed';

/** One step of the scenario as the learner reads it. */
export interface PracticeStep {
  /** 1-based step number. */
  n: number;
  actor: string;
  action: string;
  /** One line of Python for what the step runs. */
  code: string;
}

export interface PracticeQuestion {
  seed: number;
  kind: PracticeKind;
  scenario: {
    /** The starting state: DB rows, cache, clock and default timeout, one line each. */
    setup: string[];
    steps: PracticeStep[];
  };
  question: string;
  options: [string, string, string, string];
  /** Index 0..3 of the right option. */
  answer: number;
  /** The step the question asks about. */
  step: number;
  /** Why the right answer is right, written from the trace. */
  explanation: string;
}

/** The four answers to "hit, miss or stale hit?"; the last is a misconception, never right. */
export const READ_RESULTS = {
  hit: 'Hit: the cached value matches the database',
  miss: 'Miss: read the database, then cache.set()',
  stale: 'Stale hit: the cache returns a value the database no longer has',
  expired: 'Hit on an expired entry: Django still returns the old value',
} as const;

const DEFAULT_TIMEOUT = 300;
type StepKind = 'request' | 'save' | 'update' | 'delete' | 'clock' | 'touch';
/** Reads weigh most, since most questions are about reads. */
const MIDDLE_OPS: readonly StepKind[] = [
  'request',
  'request',
  'request',
  'save',
  'save',
  'update',
  'delete',
  'delete',
  'clock',
  'clock',
  'touch',
];

const timeoutArg = (timeout: number | null | undefined): string =>
  timeout === undefined ? '' : `, timeout=${timeout === null ? 'None' : timeout}`;

/** One generated step: its lesson step and the line of Python the learner reads. */
function generateStep(rng: Rng, kind: StepKind, rows: number, version: number) {
  const pk = rng.int(1, rows);
  const key = `profile_${pk}`;
  const value = `v${version}`;
  let op: Op;
  let action: string;
  let code: string;
  switch (kind) {
    case 'request': {
      const timeout = rng.pick([undefined, undefined, 30, 60, null]);
      op = { op: 'request', key, model: 'Profile', pk, field: 'data', timeout };
      const keep =
        timeout === undefined
          ? ''
          : timeout === null
            ? ', cached forever'
            : `, cached ${timeout} s`;
      action = `Read profile ${pk}${keep}`;
      code = `data = cache.get('${key}') → on miss read DB and cache.set('${key}', data${timeoutArg(timeout)})`;
      break;
    }
    case 'save':
      op = { op: 'db.save', model: 'Profile', pk, fields: { data: { literal: value } } };
      action = `Save profile ${pk} with data '${value}'`;
      // update_fields: one UPDATE of `data` only. A bare Profile(pk=…, data=…).save() would
      // overwrite every other column with its default (the row always exists here).
      code = `Profile(pk=${pk}, data='${value}').save(update_fields=['data'])`;
      break;
    case 'update':
      op = { op: 'db.update', model: 'Profile', pk, fields: { data: { literal: value } } };
      action = `Update profile ${pk} to '${value}' with QuerySet.update()`;
      code = `Profile.objects.filter(pk=${pk}).update(data='${value}')`;
      break;
    case 'delete':
      op = { op: 'cache.delete', key };
      action = `Delete the key ${key}`;
      code = `cache.delete('${key}')`;
      break;
    case 'clock': {
      const seconds = rng.pick([15, 40, 90, 320]);
      op = { op: 'clock.advance', seconds };
      action = `${seconds} seconds pass`;
      code = `time passes: ${seconds} s`;
      break;
    }
    case 'touch': {
      const timeout = rng.pick([10, 60, null]);
      op = { op: 'cache.touch', key, timeout };
      action = `Touch ${key}: ${timeout === null ? 'never expire' : `expire in ${timeout} s`}`;
      code = `cache.touch('${key}'${timeoutArg(timeout)})`;
      break;
    }
  }
  const step: LessonStep = {
    action,
    cacheKey: 'key' in op ? op.key : '-',
    result: '',
    narration: '',
    ops: [op],
    lines: [],
    stage: -1,
    actor: DEFAULT_ACTOR,
  };
  return { step, code };
}

interface Scenario {
  lesson: Lesson;
  codes: string[];
  rows: number;
  /** The highest `vN` written. */
  version: number;
}

/** The scenario: 4..6 steps over 1 or 2 rows, opening and closing with a cache-aside read. */
function generateScenario(seed: number, rng: Rng): Scenario {
  const count = rng.int(4, 6);
  const rows = rng.int(1, 2);
  let version = 0;
  const steps: LessonStep[] = [];
  const codes: string[] = [];
  for (let i = 0; i < count; i += 1) {
    // A read first and last: the cache has something to lose, and there is a read to ask about.
    const kind: StepKind = i === 0 || i === count - 1 ? 'request' : rng.pick(MIDDLE_OPS);
    if (kind === 'save' || kind === 'update') version += 1;
    const { step, code } = generateStep(rng, kind, rows, version);
    steps.push(step);
    codes.push(code);
  }
  const lesson: Lesson = {
    id: `practice-${seed}`,
    title: `Practice ${seed}`,
    summary: 'A generated practice scenario.',
    group: 'Strategies',
    difficulty: 'Beginner',
    flow: ['Run'],
    flowCaption: 'A generated practice scenario.',
    code: { language: 'python', source: codes.join('\n'), caption: '' },
    setup: {
      models: {
        Profile: Array.from({ length: rows }, (_, i) => ({ pk: i + 1, fields: { data: 'v0' } })),
      },
      bindings: [{ key: 'profile_{pk}', model: 'Profile', pk: 1, field: 'data' }],
    },
    steps,
    columns: [
      { id: 'step', header: 'Step' },
      { id: 'action', header: 'Action' },
    ],
    tracked: [
      { name: 'cache', source: 'cache' },
      { name: 'queries', source: 'queries' },
    ],
    keyMoments: [],
    quiz: [],
    snapshot: { title: '', lines: [] },
    transcript: [],
  };
  return { lesson, codes, rows, version };
}

/** The lesson a practice seed runs, so a test can run it and check the answer on its own. */
export function practiceLesson(seed: number): Lesson {
  return generateScenario(seed >>> 0, createRng(seed)).lesson;
}

/** What a cache-aside read in one frame did. */
export interface ReadResult {
  key: string;
  result: 'hit' | 'miss' | 'stale';
  /** Python repr of the value the user gets. */
  seen: string;
}

/** The read a `request` step performed, from its outcomes. */
export function readResultOf(outcomes: readonly ActorOutcome[]): ReadResult | null {
  const get = outcomes.find((o) => o.kind === 'get');
  if (!get || get.kind !== 'get') return null;
  if (get.hit) return { key: get.key, result: get.stale ? 'stale' : 'hit', seen: get.value };
  const read = outcomes.find((o) => o.kind === 'db.read');
  return {
    key: get.key,
    result: 'miss',
    seen: read && read.kind === 'db.read' ? read.value : 'None',
  };
}

type DictItems = [string, string][];

/** A Python dict repr from key / value-repr pairs, as `cacheDict` prints it. */
const dictRepr = (items: DictItems): string =>
  `{${items.map(([key, value]) => `${pyRepr(key)}: ${value}`).join(', ')}}`;

/** Dicts are equal whatever their order, so distractors are compared in a canonical form. */
const canonical = (items: DictItems): string =>
  JSON.stringify([...items].sort(([a], [b]) => a.localeCompare(b)));

/** Live entries oldest first, as the cache dict lists them. */
const liveItems = (cache: readonly CacheEntryView[]): DictItems =>
  [...cache]
    .reverse()
    .filter((e) => !e.isExpired)
    .map((e) => [e.rawKey, e.value]);

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The first three distinct distractors, compared by `same`, none equal to the answer. */
function pickDistractors<T>(answer: T, pool: readonly T[], same: (t: T) => string): T[] {
  const seen = new Set([same(answer)]);
  const out: T[] = [];
  for (const item of pool) {
    const id = same(item);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(item);
    if (out.length === 3) break;
  }
  if (out.length < 3) throw new Error('practice: not enough distractors');
  return out;
}

const versions = (scenario: Scenario, atLeast: number): string[] =>
  Array.from({ length: Math.max(scenario.version, atLeast) + 1 }, (_, i) => `'v${i}'`);

const plural = (n: number): string => `${n} ${n === 1 ? 'query' : 'queries'}`;

const dbValue = (frame: Frame, key: string): string => {
  const pk = Number(key.replace('profile_', ''));
  return frame.db.find((row) => row.pk === pk)?.fields.data ?? 'None';
};

/** Why a read came out as it did, in one sentence, from the frames around it. */
function explainRead(frames: readonly Frame[], n: number, read: ReadResult): string {
  const frame = frames[n];
  if (read.result === 'hit')
    return `cache.get('${read.key}') found ${read.seen}, and the database holds ${read.seen} too: a fresh hit, with no query.`;
  if (read.result === 'stale') {
    return `cache.get('${read.key}') found ${read.seen}, but the database holds ${dbValue(frame, read.key)}: writing to the database does not change the cache, and no step deleted the key since, so the user gets stale data.`;
  }
  const before = frames[n - 1].cache.find((e) => e.rawKey === read.key);
  const why = before?.isExpired
    ? `its timeout ran out at ${before.expiresAt} s (the clock is at ${frame.clock} s)`
    : frames
          .slice(1, n)
          .some((f) =>
            f.outcomes.some((o) => o.kind === 'delete' && o.key === read.key && o.deleted),
          )
      ? 'an earlier cache.delete() removed it'
      : 'it was never cached';
  return `nothing live was cached under '${read.key}' (${why}), so the code read the database (one query) and cached ${read.seen}.`;
}

/** What one step did, for the cache-state explanation. */
function explainStep(frames: readonly Frame[], n: number): string {
  const frame = frames[n];
  const op = frame.outcomes[0];
  const read = readResultOf(frame.outcomes);
  if (read) return explainRead(frames, n, read);
  if (!op) return 'nothing ran.';
  switch (op.kind) {
    case 'db.write':
      return `the database changed, but nothing touched the cache.`;
    case 'delete':
      return op.deleted
        ? `cache.delete('${op.key}') removed the entry.`
        : `'${op.key}' was not cached, so cache.delete() removed nothing.`;
    case 'touch':
      return op.live
        ? `touch() gave '${op.key}' a new timeout; its value did not change.`
        : `'${op.key}' was not live, so touch() did nothing.`;
    case 'clock':
      return `the clock moved to ${op.now} s; entries whose timeout has passed no longer count.`;
    default:
      return 'see the trace.';
  }
}

/**
 * A practice question from a seed: a small generated scenario, run by the engine, and one
 * question about its trace with four distinct options and the right one at a seeded position.
 * Equal seeds give equal questions.
 */
export function generatePractice(seed: number): PracticeQuestion {
  const clean = seed >>> 0;
  const rng = createRng(clean);
  const scenario = generateScenario(clean, rng);
  const { lesson, codes, rows } = scenario;
  const frames = run(lesson).frames;
  const count = lesson.steps.length;
  const kind = rng.pick(PRACTICE_KINDS);
  const readSteps = lesson.steps.flatMap((s, i) =>
    i > 0 && s.ops[0].op === 'request' ? [i + 1] : [],
  );
  const n =
    kind === 'read-result' || kind === 'seen-value' ? rng.pick(readSteps) : rng.int(2, count);
  const frame = frames[n];
  const action = lesson.steps[n - 1].action;
  let question: string;
  let right: string;
  let wrong: string[];
  let explanation: string;
  let options: string[] | null = null;

  if (kind === 'cache-state') {
    question = `What is the cache state after step ${n}?`;
    right = frame.cacheAfter;
    const answerItems = liveItems(frame.cache);
    const withExpired: DictItems = [...frame.cache].reverse().map((e) => [e.rawKey, e.value]);
    const fresh: DictItems = answerItems.map(([k]) => [k, dbValue(frame, k)]);
    const fromFrames = frames.slice(0, count + 1).map((f) => liveItems(f.cache));
    const plausible = shuffle(rng, [
      liveItems(frames[n - 1].cache),
      withExpired,
      fresh,
      ...fromFrames,
    ]);
    const fillers: DictItems[] = [[]];
    for (const value of versions(scenario, 2).concat('None'))
      for (let pk = 1; pk <= rows; pk += 1) fillers.push([[`profile_${pk}`, value]]);
    const items = pickDistractors(answerItems, [...plausible, ...fillers], canonical);
    wrong = items.map(dictRepr);
    explanation = `After step ${n} the cache holds ${right}. Step ${n} (${action}): ${explainStep(frames, n)}`;
  } else if (kind === 'queries') {
    question = `How many DB queries have run after step ${n}?`;
    const upTo = lesson.steps.slice(0, n).map((s) => s.ops[0].op);
    const reads = upTo.filter((op) => op === 'request').length;
    const writes = upTo.filter((op) => op === 'db.save' || op === 'db.update').length;
    const misses = frames
      .slice(1, n + 1)
      .filter((f) => readResultOf(f.outcomes)?.result === 'miss').length;
    const q = frame.queries;
    const plausible = shuffle(rng, [reads + writes, misses, reads, writes, frames[count].queries]);
    const fillers = [q + 1, q + 2, q - 1, q + 3, q + 4].filter((x) => x >= 0);
    right = plural(q);
    wrong = pickDistractors(q, [...plausible, ...fillers], String).map(plural);
    const by = frames
      .slice(1, n + 1)
      .filter((f) => f.stepQueries > 0)
      .map(
        (f) =>
          `step ${f.index} (${f.outcomes.some((o) => o.kind === 'db.read') ? 'miss' : 'write'})`,
      );
    explanation = `${right}: each miss reads the database once and each save() or update() is one query; hits, cache.delete(), touch() and the clock run none. ${by.length ? `Queries ran in ${by.join(', ')}.` : `No step up to ${n} queried the database.`}`;
  } else {
    const read = readResultOf(frame.outcomes);
    if (!read) throw new Error(`practice: step ${n} of seed ${clean} is not a read`);
    const why = explainRead(frames, n, read);
    if (kind === 'read-result') {
      question = `Is the read in step ${n} a hit, a miss, or a stale hit?`;
      right = READ_RESULTS[read.result];
      options = shuffle(rng, Object.values(READ_RESULTS));
      wrong = [];
      const word = { hit: 'a hit', miss: 'a miss', stale: 'a stale hit' }[read.result];
      explanation = `It is ${word}: ${why}`;
    } else {
      question = `Which value does the user see in step ${n}?`;
      right = read.seen;
      const before = frames[n - 1].cache.find((e) => e.rawKey === read.key)?.value ?? 'None';
      const plausible = shuffle(rng, [
        dbValue(frame, read.key),
        before,
        dbValue(frames[n - 1], read.key),
      ]);
      const fillers = [...versions(scenario, 3), 'None'];
      wrong = pickDistractors(right, [...plausible, ...fillers], String);
      explanation = `The user sees ${right}: ${why}`;
    }
  }

  if (!options) {
    const at = rng.int(0, 3);
    options = [...wrong];
    options.splice(at, 0, right);
  }
  return {
    seed: clean,
    kind,
    scenario: {
      setup: [
        `Database: ${Array.from({ length: rows }, (_, i) => `Profile ${i + 1} data='v0'`).join(', ')}`,
        `Cache: empty {}, default timeout ${DEFAULT_TIMEOUT} s`,
        'Clock: 0 s',
      ],
      steps: lesson.steps.map((s, i) => ({
        n: i + 1,
        actor: s.actor ?? DEFAULT_ACTOR,
        action: s.action,
        code: codes[i],
      })),
    },
    question,
    options: options as [string, string, string, string],
    answer: options.indexOf(right),
    step: n,
    explanation,
  };
}
