import { createRng } from './rng';
import type { Lesson, LessonStep, Op } from './types';

export interface RandomLessonOptions {
  /** Number of steps (one operation each). @default 100 */
  steps?: number;
  /** Distinct profile rows, and so distinct cache keys. @default 8 */
  rows?: number;
  /** Actors that interleave. @default 2 */
  actors?: number;
}

/**
 * A seeded, randomly generated scenario over a `Profile` model: cache-aside requests, saves,
 * queryset updates, deletes, TTLs, clock jumps and transactions with on_commit, interleaved
 * between actors. Equal seeds give equal lessons. Used by property tests, the benchmark and
 * generated practice.
 */
export function randomLesson(seed: number, options: RandomLessonOptions = {}): Lesson {
  const { steps: count = 100, rows = 8, actors = 2 } = options;
  const rng = createRng(seed);
  const actorNames = Array.from({ length: actors }, (_, i) => `request ${i + 1}`);
  const inTransaction = new Set<string>();
  let version = 0;
  const steps: LessonStep[] = [];
  for (let i = 0; i < count; i += 1) {
    const actor = rng.pick(actorNames);
    const pk = rng.int(1, rows);
    const key = `profile_${pk}`;
    const roll = rng.int(0, 99);
    let op: Op;
    let action: string;
    if (inTransaction.has(actor) && roll < 20) {
      op = rng.next() < 0.8 ? { op: 'atomic.commit' } : { op: 'atomic.rollback' };
      action = op.op === 'atomic.commit' ? 'Commit' : 'Roll back';
      inTransaction.delete(actor);
    } else if (roll < 35) {
      op = {
        op: 'request',
        key,
        model: 'Profile',
        pk,
        field: 'data',
        timeout: rng.pick([undefined, 30, 300, null]),
      };
      action = `Read profile ${pk}`;
    } else if (roll < 50) {
      version += 1;
      op = { op: 'db.save', model: 'Profile', pk, fields: { data: { literal: `v${version}` } } };
      action = `Save profile ${pk}`;
    } else if (roll < 57) {
      version += 1;
      op = { op: 'db.update', model: 'Profile', pk, fields: { data: { literal: `v${version}` } } };
      action = `Update profile ${pk} (no signal)`;
    } else if (roll < 70) {
      op = { op: 'cache.delete', key };
      action = `Delete ${key}`;
    } else if (roll < 75) {
      op = { op: 'cache.incr', key: 'generation' };
      action = 'Bump the generation';
    } else if (roll < 80) {
      op = { op: 'cache.add', key: 'generation', value: { literal: 1 }, timeout: null };
      action = 'Initialise the generation';
    } else if (roll < 85) {
      op = { op: 'cache.touch', key, timeout: rng.pick([10, 60, null]) };
      action = `Touch ${key}`;
    } else if (roll < 92) {
      op = { op: 'clock.advance', seconds: rng.int(1, 120) };
      action = 'Time passes';
    } else if (!inTransaction.has(actor)) {
      op = { op: 'atomic.begin' };
      action = 'Begin a transaction';
      inTransaction.add(actor);
    } else {
      op = { op: 'onCommit', ops: [{ op: 'cache.delete', key }] };
      action = `On commit, delete ${key}`;
    }
    steps.push({
      action,
      cacheKey: 'key' in op ? op.key : '-',
      result: '',
      narration: '',
      ops: [op],
      lines: [],
      stage: -1,
      actor,
    });
  }
  return {
    id: `random-${seed}`,
    title: `Random scenario ${seed}`,
    summary: 'A generated scenario.',
    group: 'Strategies',
    difficulty: 'Advanced',
    flow: ['Run'],
    flowCaption: 'A generated scenario.',
    code: { language: 'python', source: '# generated', caption: '' },
    setup: {
      models: {
        Profile: Array.from({ length: rows }, (_, i) => ({ pk: i + 1, fields: { data: 'v0' } })),
      },
      bindings: [{ key: 'profile_{pk}', model: 'Profile', pk: 1, field: 'data' }],
    },
    steps,
    columns: [
      { id: 'step', header: 'Step' },
      { id: 'actor', header: 'Actor' },
      { id: 'action', header: 'Action' },
      { id: 'result', header: 'Result' },
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
}
