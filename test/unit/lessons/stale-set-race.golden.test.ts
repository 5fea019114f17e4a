import { describe, expect, it } from 'vitest';
import { run } from '../../../src/engine';
import { staleSetRace as lesson } from '../../../src/lessons/stale-set-race';
import { applyRemedy, describeLessonBasics, itPinsTheTrace } from './lesson-kit';

const withRemedy = applyRemedy(lesson);
const trace = run(lesson);
const remedied = run(withRemedy);

const TABLE = [
  [
    '1',
    'request A',
    't=0s',
    'Request A misses the cache',
    'user_profile_42',
    '{}',
    '{}',
    'Cache miss: A goes to the database',
  ],
  [
    '2',
    'request A',
    't=0s',
    'Request A reads the old row and stalls',
    '-',
    '{}',
    '{}',
    "A holds 'old_data' in memory",
  ],
  [
    '3',
    'request B',
    't=0s',
    'Request B saves the new value',
    '-',
    '{}',
    '{}',
    "Database now has 'new_data'",
  ],
  [
    '4',
    'request B',
    't=0s',
    'Request B deletes the key',
    'user_profile_42',
    '{}',
    '{}',
    'Nothing to delete: the key is not cached',
  ],
  [
    '5',
    'request A',
    't=0s',
    'Request A caches what it read',
    'user_profile_42',
    '{}',
    "{'user_profile_42': 'old_data'}",
    "Cache set to 'old_data' while the DB has 'new_data': stale",
  ],
  [
    '6',
    'request C',
    't=60s',
    'A minute later, request C reads the profile',
    'user_profile_42',
    "{'user_profile_42': 'old_data'}",
    "{'user_profile_42': 'old_data'}",
    "User sees stale data: 'old_data' until the 300 s timeout",
  ],
];
const TRACKER = {
  cache: [
    '{}',
    '{}',
    '{}',
    '{}',
    '{}',
    "{'user_profile_42': 'old_data'}",
    "{'user_profile_42': 'old_data'}",
  ],
  a_data: [null, null, "'old_data'", "'old_data'", "'old_data'", "'old_data'", "'old_data'"],
  c_data: [null, null, null, null, null, null, "'old_data'"],
  db_data: [
    "'old_data'",
    "'old_data'",
    "'old_data'",
    "'new_data'",
    "'new_data'",
    "'new_data'",
    "'new_data'",
  ],
  clock: ['0', '0', '0', '0', '0', '0', '60'],
};
const EVENTS = ['start', 'miss', 'other', 'write', 'other', 'write', 'stale-read'];
const STALE = [false, false, false, false, false, true, true];
const REMEDY_TABLE = [
  [
    '1',
    'request A',
    't=0s',
    'Request A misses the cache',
    'profile:1:42',
    '{}',
    "{'profile:gen': 1}",
    'Generation 1; cache miss: A goes to the database',
  ],
  [
    '2',
    'request A',
    't=0s',
    'Request A reads the old row and stalls',
    '-',
    "{'profile:gen': 1}",
    "{'profile:gen': 1}",
    "A holds 'old_data' in memory",
  ],
  [
    '3',
    'request B',
    't=0s',
    'Request B saves the new value',
    '-',
    "{'profile:gen': 1}",
    "{'profile:gen': 1}",
    "Database now has 'new_data'",
  ],
  [
    '4',
    'request B',
    't=0s',
    'Request B bumps the generation',
    'profile:gen',
    "{'profile:gen': 1}",
    "{'profile:gen': 2}",
    'Generation is now 2: profile:1:42 is never read again',
  ],
  [
    '5',
    'request A',
    't=0s',
    'Request A caches what it read',
    'profile:1:42',
    "{'profile:gen': 2}",
    "{'profile:gen': 2, 'profile:1:42': 'old_data'}",
    "A's late set lands under generation 1, which nobody reads",
  ],
  [
    '6',
    'request C',
    't=60s',
    'A minute later, request C reads the profile',
    'profile:2:42',
    "{'profile:gen': 2, 'profile:1:42': 'old_data'}",
    "{'profile:1:42': 'old_data', 'profile:gen': 2, 'profile:2:42': 'new_data'}",
    "Cache miss under generation 2: 'new_data' read and cached",
  ],
];
const REMEDY_TRACKER = {
  cache: [
    '{}',
    "{'profile:gen': 1}",
    "{'profile:gen': 1}",
    "{'profile:gen': 1}",
    "{'profile:gen': 2}",
    "{'profile:gen': 2, 'profile:1:42': 'old_data'}",
    "{'profile:1:42': 'old_data', 'profile:gen': 2, 'profile:2:42': 'new_data'}",
  ],
  a_data: TRACKER.a_data,
  c_data: [null, null, null, null, null, null, "'new_data'"],
  db_data: TRACKER.db_data,
  clock: TRACKER.clock,
};
const REMEDY_EVENTS = ['start', 'miss', 'other', 'write', 'invalidate', 'write', 'miss'];
const REMEDY_STALE = [false, false, false, false, false, true, true];

describe('Lesson: stale-set-race', () => {
  describeLessonBasics(lesson);
  itPinsTheTrace(lesson, { table: TABLE, tracker: TRACKER, events: EVENTS, stale: STALE });

  it("finds nothing to delete in step 4: A's set has not happened yet", () => {
    expect(trace.frames[4].outcomes).toEqual([
      { kind: 'delete', key: 'user_profile_42', deleted: false, actor: 'request B' },
    ]);
  });

  it('lets request A cache the old row after the delete', () => {
    expect(trace.frames[5].outcomes).toEqual([
      { kind: 'set', key: 'user_profile_42', value: "'old_data'", actor: 'request A' },
    ]);
    expect(trace.frames[5].cache[0]).toMatchObject({
      rawKey: 'user_profile_42',
      isStale: true,
      dbValue: "'new_data'",
      expiresAt: 300,
    });
  });

  it('still serves the stale row a minute later, with 240 s left', () => {
    const last = trace.frames[6];
    expect(last.clock).toBe(60);
    expect(last.outcomes).toEqual([
      { kind: 'clock', seconds: 60, now: 60, actor: 'request C' },
      {
        kind: 'get',
        key: 'user_profile_42',
        hit: true,
        value: "'old_data'",
        stale: true,
        actor: 'request C',
      },
    ]);
    expect(last.cache[0].ttl).toBe(240);
  });

  it('answers its quiz from the trace', () => {
    const [q1, q2] = lesson.quiz;
    const del = trace.frames[q1.step].outcomes[0];
    expect(del.kind === 'delete' && del.deleted ? 'True' : 'False').toBe(q1.options[q1.answer]);
    expect(q2.options[q2.answer]).toBe(trace.frames[q2.step].cacheAfter);
  });

  describe("what-if: skip B's delete (step 4)", () => {
    it('changes nothing: the delete never had anything to remove', () => {
      const skipped = run(lesson, { skip: [4] });
      expect(skipped.frames.map((f) => f.cacheAfter)).toEqual(
        trace.frames.map((f) => f.cacheAfter),
      );
      expect(skipped.frames[6].event).toBe('stale-read');
    });
  });

  describe('remedy: Version-stamp the key', () => {
    itPinsTheTrace(withRemedy, {
      table: REMEDY_TABLE,
      tracker: REMEDY_TRACKER,
      events: REMEDY_EVENTS,
      stale: REMEDY_STALE,
    });

    it('initialises the generation with add() and bumps it with incr()', () => {
      expect(remedied.frames[1].outcomes.slice(0, 2)).toEqual([
        { kind: 'add', key: 'profile:gen', stored: true, actor: 'request A' },
        {
          kind: 'get',
          key: 'profile:gen',
          hit: true,
          value: '1',
          stale: false,
          actor: 'request A',
        },
      ]);
      expect(remedied.frames[4].outcomes).toEqual([
        { kind: 'incr', key: 'profile:gen', value: '2', actor: 'request B' },
      ]);
    });

    it("sends A's late set to the old generation, where nobody reads it", () => {
      expect(remedied.frames[5].outcomes).toEqual([
        { kind: 'set', key: 'profile:1:42', value: "'old_data'", actor: 'request A' },
      ]);
      const orphan = remedied.frames[6].cache.find((e) => e.rawKey === 'profile:1:42');
      expect(orphan).toMatchObject({ isStale: true, expiresAt: 300 });
      expect(
        remedied.frames
          .flatMap((f) => f.outcomes)
          .filter((o) => o.kind === 'get' && o.hit && o.stale),
      ).toEqual([]);
    });

    it('ends with a miss under generation 2 and fresh data', () => {
      const last = remedied.frames[6];
      expect(last.outcomes.map((o) => o.kind)).toEqual([
        'clock',
        'add',
        'get',
        'get',
        'db.read',
        'set',
      ]);
      expect(last.outcomes[1]).toMatchObject({ kind: 'add', stored: false });
      expect(last.outcomes[3]).toMatchObject({ kind: 'get', key: 'profile:2:42', hit: false });
      expect(last.vars.c_data).toBe("'new_data'");
      expect(trace.frames[6].vars.c_data).toBe("'old_data'");
      const q3 = lesson.quiz[2];
      expect(q3.options[q3.answer]).toBe("'profile:2:42'");
    });
  });
});
