import { describe, expect, it } from 'vitest';
import { run } from '../../../src/engine';
import { thunderingHerd as lesson } from '../../../src/lessons/thundering-herd';
import { applyRemedy, describeLessonBasics, itPinsTheTrace } from './lesson-kit';

const withRemedy = applyRemedy(lesson);
const trace = run(lesson);
const remedied = run(withRemedy);

const TABLE = [
  [
    '1',
    'request',
    'Popular profile is cached',
    'user_profile_42',
    '{}',
    "{'user_profile_42': 'old_data'}",
    "Cache miss: 'old_data' read from DB and cached",
    '1',
  ],
  [
    '2',
    'writer',
    'Profile updated; key deleted',
    'user_profile_42',
    "{'user_profile_42': 'old_data'}",
    '{}',
    'Cache entry deleted',
    '1',
  ],
  ['3', 'worker 1', 'Worker 1 misses the cache', 'user_profile_42', '{}', '{}', 'Cache miss', '0'],
  [
    '4',
    'worker 2',
    'Worker 2 misses the cache',
    'user_profile_42',
    '{}',
    '{}',
    'Cache miss: no worker has set it yet',
    '0',
  ],
  [
    '5',
    'worker 3',
    'Worker 3 misses the cache',
    'user_profile_42',
    '{}',
    '{}',
    'Cache miss: no worker has set it yet',
    '0',
  ],
  [
    '6',
    'worker 4',
    'Worker 4 misses the cache',
    'user_profile_42',
    '{}',
    '{}',
    'Cache miss: no worker has set it yet',
    '0',
  ],
  [
    '7',
    'worker 1',
    'Worker 1 queries the DB and sets the key',
    'user_profile_42',
    '{}',
    "{'user_profile_42': 'new_data'}",
    "DB query: 'new_data' read and cached",
    '1',
  ],
  [
    '8',
    'worker 2',
    'Worker 2 queries the DB and sets the key',
    'user_profile_42',
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "Another identical DB query; 'new_data' cached again",
    '1',
  ],
  [
    '9',
    'worker 3',
    'Worker 3 queries the DB and sets the key',
    'user_profile_42',
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "Another identical DB query; 'new_data' cached again",
    '1',
  ],
  [
    '10',
    'worker 4',
    'Worker 4 queries the DB and sets the key',
    'user_profile_42',
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "Another identical DB query; 'new_data' cached again",
    '1',
  ],
];
const TRACKER = {
  cache: [
    '{}',
    "{'user_profile_42': 'old_data'}",
    '{}',
    '{}',
    '{}',
    '{}',
    '{}',
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
  ],
  data: [
    null,
    "'old_data'",
    "'old_data'",
    'None',
    'None',
    'None',
    'None',
    "'new_data'",
    "'new_data'",
    "'new_data'",
    "'new_data'",
  ],
  queries: ['0', '1', '2', '2', '2', '2', '2', '3', '4', '5', '6'],
};
const EVENTS = [
  'start',
  'miss',
  'invalidate',
  'miss',
  'miss',
  'miss',
  'miss',
  'write',
  'write',
  'write',
  'write',
];
const STALE = [false, false, false, false, false, false, false, false, false, false, false];
const REMEDY_TABLE = [
  ...TABLE.slice(0, 2),
  [
    '3',
    'worker 1',
    'Worker 1 misses and tries the lock',
    'lock:user_profile_42',
    '{}',
    "{'lock:user_profile_42': 1}",
    'Cache miss; cache.add() returned True: worker 1 holds the lock',
    '0',
  ],
  [
    '4',
    'worker 2',
    'Worker 2 misses and tries the lock',
    'lock:user_profile_42',
    "{'lock:user_profile_42': 1}",
    "{'lock:user_profile_42': 1}",
    'Cache miss; cache.add() returned False: worker 2 waits',
    '0',
  ],
  [
    '5',
    'worker 3',
    'Worker 3 misses and tries the lock',
    'lock:user_profile_42',
    "{'lock:user_profile_42': 1}",
    "{'lock:user_profile_42': 1}",
    'Cache miss; cache.add() returned False: worker 3 waits',
    '0',
  ],
  [
    '6',
    'worker 4',
    'Worker 4 misses and tries the lock',
    'lock:user_profile_42',
    "{'lock:user_profile_42': 1}",
    "{'lock:user_profile_42': 1}",
    'Cache miss; cache.add() returned False: worker 4 waits',
    '0',
  ],
  [
    '7',
    'worker 1',
    'Worker 1 queries the DB, sets the key, releases the lock',
    'user_profile_42',
    "{'lock:user_profile_42': 1}",
    "{'user_profile_42': 'new_data'}",
    "One DB query: 'new_data' cached, lock deleted",
    '1',
  ],
  [
    '8',
    'worker 2',
    'Worker 2 retries and hits the cache',
    'user_profile_42',
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "Cache hit: 'new_data' with no DB query",
    '0',
  ],
  [
    '9',
    'worker 3',
    'Worker 3 retries and hits the cache',
    'user_profile_42',
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "Cache hit: 'new_data' with no DB query",
    '0',
  ],
  [
    '10',
    'worker 4',
    'Worker 4 retries and hits the cache',
    'user_profile_42',
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "Cache hit: 'new_data' with no DB query",
    '0',
  ],
];
const REMEDY_TRACKER = {
  cache: [
    '{}',
    "{'user_profile_42': 'old_data'}",
    '{}',
    "{'lock:user_profile_42': 1}",
    "{'lock:user_profile_42': 1}",
    "{'lock:user_profile_42': 1}",
    "{'lock:user_profile_42': 1}",
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
  ],
  data: TRACKER.data,
  queries: ['0', '1', '2', '2', '2', '2', '2', '3', '3', '3', '3'],
};
const REMEDY_EVENTS = [
  'start',
  'invalidate',
  'invalidate',
  'miss',
  'miss',
  'miss',
  'miss',
  'invalidate',
  'hit',
  'hit',
  'hit',
];
const REMEDY_STALE = [false, false, false, false, false, false, false, false, false, false, false];

describe('Lesson: thundering-herd', () => {
  describeLessonBasics(lesson);
  itPinsTheTrace(lesson, { table: TABLE, tracker: TRACKER, events: EVENTS, stale: STALE });

  const herdQueries = (t: typeof trace): number =>
    t.frames.slice(7).reduce((sum, f) => sum + f.stepQueries, 0);

  it('lets all four workers miss before any of them sets the key', () => {
    for (const n of [1, 2, 3, 4]) {
      expect(trace.frames[n + 2].actor).toBe(`worker ${n}`);
      expect(trace.frames[n + 2].outcomes).toEqual([
        {
          kind: 'get',
          key: 'user_profile_42',
          hit: false,
          value: 'None',
          stale: false,
          actor: `worker ${n}`,
        },
      ]);
    }
  });

  it('runs the same query four times', () => {
    expect(herdQueries(trace)).toBe(4);
    for (const n of [1, 2, 3, 4]) {
      expect(trace.frames[n + 6].outcomes.map((o) => o.kind)).toEqual(['db.read', 'set']);
    }
    const q1 = lesson.quiz[0];
    expect(q1.options[q1.answer]).toBe(String(herdQueries(trace)));
  });

  describe('remedy: Lock with cache.add()', () => {
    itPinsTheTrace(withRemedy, {
      table: REMEDY_TABLE,
      tracker: REMEDY_TRACKER,
      events: REMEDY_EVENTS,
      stale: REMEDY_STALE,
    });

    it('gives the lock to worker 1 only', () => {
      const adds = remedied.frames.slice(3, 7).map((f) => f.outcomes[1]);
      expect(adds).toEqual(
        [1, 2, 3, 4].map((n) => ({
          kind: 'add',
          key: 'lock:user_profile_42',
          stored: n === 1,
          actor: `worker ${n}`,
        })),
      );
      const q3 = lesson.quiz[2];
      expect(q3.options[q3.answer]).toBe('False');
    });

    it('runs one DB query instead of four and releases the lock', () => {
      expect(herdQueries(remedied)).toBe(1);
      expect(remedied.frames[7].outcomes.map((o) => o.kind)).toEqual(['db.read', 'set', 'delete']);
      expect(remedied.frames[7].outcomes[2]).toMatchObject({
        key: 'lock:user_profile_42',
        deleted: true,
      });
      for (const n of [2, 3, 4]) {
        expect(remedied.frames[n + 6].outcomes).toEqual([
          {
            kind: 'get',
            key: 'user_profile_42',
            hit: true,
            value: "'new_data'",
            stale: false,
            actor: `worker ${n}`,
          },
        ]);
      }
    });
  });
});
