import { describe, expect, it } from 'vitest';
import { shownStep } from '../../../src/lessons/vocabulary';
import { run } from '../../../src/engine';
import { noInvalidation } from '../../../src/lessons/no-invalidation';
import { applyRemedy, describeLessonBasics, eventsOf, staleFrames, tableOf } from './lesson-kit';

const OLD = "{'user_profile_42': 'old_data'}";
const FRESH = "{'user_profile_42': 'fresh_data'}";

const TABLE = [
  ['1', 't=0s', 'Initial cache set', 'user_profile_42', '{}', OLD, 'Cache stores old user data'],
  ['2', 't=0s', 'User data updated in DB', '-', OLD, OLD, 'Cache still has old data'],
  [
    '3',
    't=60s',
    'Next request, a minute later',
    'user_profile_42',
    OLD,
    OLD,
    "User sees stale data: 'old_data'",
  ],
  [
    '4',
    't=299s',
    'Request one second before the timeout',
    'user_profile_42',
    OLD,
    OLD,
    'Still stale: the entry lives until t=300s',
  ],
  [
    '5',
    't=300s',
    'Clock reaches t=300s',
    'user_profile_42',
    OLD,
    '{}',
    'Entry expired; it is purged on the next read',
  ],
  [
    '6',
    't=300s',
    'Next request fetches fresh data',
    'user_profile_42',
    '{}',
    FRESH,
    'Cache updated with fresh data',
  ],
  [
    '7',
    't=300s',
    'Serve fresh data from cache',
    'user_profile_42',
    FRESH,
    FRESH,
    'User sees updated profile',
  ],
];

const REMEDY_TABLE = [
  ['1', 't=0s', 'Initial cache set', 'user_profile_42', '{}', OLD, 'Cache stores old user data'],
  [
    '2',
    't=0s',
    'User data updated in DB and key deleted',
    'user_profile_42',
    OLD,
    '{}',
    'Cache entry deleted after the save',
  ],
  [
    '3',
    't=60s',
    'Next request, a minute later',
    'user_profile_42',
    '{}',
    FRESH,
    'Cache updated with fresh data',
  ],
  [
    '4',
    't=299s',
    'Request one second before the timeout',
    'user_profile_42',
    FRESH,
    FRESH,
    'User sees updated profile',
  ],
  [
    '5',
    't=300s',
    'Clock reaches t=300s',
    'user_profile_42',
    FRESH,
    FRESH,
    'Entry still live until t=360s',
  ],
  [
    '6',
    't=300s',
    'Next request fetches fresh data',
    'user_profile_42',
    FRESH,
    FRESH,
    'User sees updated profile',
  ],
  [
    '7',
    't=300s',
    'Serve fresh data from cache',
    'user_profile_42',
    FRESH,
    FRESH,
    'User sees updated profile',
  ],
];

describe('Lesson: no-invalidation', () => {
  const trace = run(noInvalidation);
  const { frames } = trace;

  describeLessonBasics(noInvalidation);

  it('has the declared id, group and columns', () => {
    expect(noInvalidation.id).toBe('no-invalidation');
    expect(noInvalidation.group).toBe('Failure modes');
    expect(noInvalidation.difficulty).toBe('Beginner');
    expect(noInvalidation.columns.map((c) => c.header)).toEqual([
      'Step',
      'Clock',
      'Action',
      'Cache Key',
      'Cache State Before',
      'Cache State After',
      'Result',
    ]);
  });

  it('pins the execution table', () => {
    expect(tableOf(noInvalidation)).toEqual(TABLE);
  });

  it('pins the variable tracker', () => {
    expect(frames.map((f) => f.vars.cache)).toEqual(['{}', OLD, OLD, OLD, OLD, '{}', FRESH, FRESH]);
    expect(frames.map((f) => f.vars.data)).toEqual([
      undefined,
      "'old_data'",
      "'old_data'",
      "'old_data'",
      "'old_data'",
      "'old_data'",
      "'fresh_data'",
      "'fresh_data'",
    ]);
    expect(frames.map((f) => f.vars.db_data)).toEqual([
      "'old_data'",
      "'old_data'",
      ...Array(6).fill("'fresh_data'"),
    ]);
    expect(frames.map((f) => f.vars.clock)).toEqual([
      '0',
      '0',
      '0',
      '60',
      '299',
      '300',
      '300',
      '300',
    ]);
  });

  it('pins the events and queries', () => {
    expect(eventsOf(trace)).toEqual([
      'start',
      'miss',
      'write',
      'stale-read',
      'stale-read',
      'other',
      'miss',
      'hit',
    ]);
    expect(frames.map((f) => f.queries)).toEqual([0, 1, 2, 2, 2, 2, 3, 3]);
  });

  it('flags a stale entry from the update until the entry expires', () => {
    expect(staleFrames(trace)).toEqual([false, false, true, true, true, false, false, false]);
  });

  it('bounds the staleness by the default TIMEOUT of 300 s', () => {
    expect(frames.map((f) => f.cache.map((e) => e.ttl))).toEqual([
      [],
      [300],
      [300],
      [240],
      [1],
      [0],
      [300],
      [300],
    ]);
    // Step 5: expired but not purged yet; step 6's get purges it and misses.
    expect(frames[5].cache[0]).toMatchObject({ value: "'old_data'", isExpired: true });
    expect(frames[6].outcomes.map((o) => o.kind)).toEqual(['get', 'db.read', 'set']);
    expect(frames[6].outcomes[0]).toMatchObject({ hit: false });
  });

  it('serves old_data from the cache in steps 3 and 4 without a query', () => {
    for (const f of [frames[3], frames[4]]) {
      expect(f.outcomes.at(-1)).toMatchObject({
        kind: 'get',
        hit: true,
        value: "'old_data'",
        stale: true,
      });
      expect(f.stepQueries).toBe(0);
    }
  });

  describe('what-if: skip step 5 (the clock never reaches t=300s)', () => {
    const skipped = run(noInvalidation, { skip: [5] });

    it('keeps serving stale data in step 6', () => {
      expect(skipped.frames[6].clock).toBe(299);
      expect(skipped.frames[6].event).toBe('stale-read');
      expect(shownStep(noInvalidation, skipped, 6).result).toMatch(/stale/);
    });
  });

  describe('remedy: delete the key after saving', () => {
    const remedy = noInvalidation.remedy!;
    const patched = applyRemedy(noInvalidation);
    const fixed = run(patched);

    it('is labelled and keeps the step count', () => {
      expect(remedy.label).toBe('Delete the key after saving');
      expect(remedy.patch.steps).toHaveLength(noInvalidation.steps.length);
      expect(fixed.frames).toHaveLength(frames.length);
    });

    it('pins the remedy table', () => {
      expect(tableOf(patched)).toEqual(REMEDY_TABLE);
    });

    it('deletes in the save step, so no stale read ever happens', () => {
      expect(fixed.frames[2].outcomes.map((o) => o.kind)).toEqual(['db.write', 'delete']);
      expect(eventsOf(fixed)).toEqual([
        'start',
        'miss',
        'invalidate',
        'miss',
        'hit',
        'other',
        'hit',
        'hit',
      ]);
      expect(staleFrames(fixed)).not.toContain(true);
      expect(frames.some((f) => f.event === 'stale-read')).toBe(true);
    });

    it('serves fresh_data from step 3 on', () => {
      expect(fixed.frames.map((f) => f.vars.data)).toEqual([
        undefined,
        "'old_data'",
        "'old_data'",
        ...Array(5).fill("'fresh_data'"),
      ]);
      expect(fixed.frames.map((f) => f.queries)).toEqual([0, 1, 2, 3, 3, 3, 3, 3]);
    });

    it('changes line 16 of the code from a comment to cache.delete', () => {
      const line16 = (source: string) => source.split('\n')[15];
      expect(line16(noInvalidation.code.source)).toMatch(/^\s+# missing: cache\.delete/);
      expect(line16(remedy.patch.code!.source)).toBe("    cache.delete(f'user_profile_{user_id}')");
    });
  });
});
