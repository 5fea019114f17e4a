import { describe, expect, it } from 'vitest';
import { run } from '../../../src/engine';
import { signalInvalidation as lesson } from '../../../src/lessons/signal-invalidation';
import { applyRemedy, describeLessonBasics, itPinsTheTrace } from './lesson-kit';

const withRemedy = applyRemedy(lesson);
const trace = run(lesson);
const remedied = run(withRemedy);

const TABLE = [
  [
    '1',
    'First request caches the profile',
    'user_profile_42',
    '{}',
    "{'user_profile_42': 'old_data'}",
    "Cache miss: 'old_data' read from DB and cached",
  ],
  [
    '2',
    'Profile saved with save()',
    'user_profile_42',
    "{'user_profile_42': 'old_data'}",
    '{}',
    'post_save receiver deleted the cache entry',
  ],
  [
    '3',
    'Next request fetches fresh data',
    'user_profile_42',
    '{}',
    "{'user_profile_42': 'new_data'}",
    "Cache miss: 'new_data' read from DB and cached",
  ],
  [
    '4',
    'Bulk fix with QuerySet.update()',
    '-',
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "No signal sent: cache still has 'new_data'",
  ],
  [
    '5',
    'Next request reads the profile',
    'user_profile_42',
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "User sees stale data: 'new_data' instead of 'bulk_data'",
  ],
];
const TRACKER = {
  cache: [
    '{}',
    "{'user_profile_42': 'old_data'}",
    '{}',
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
    "{'user_profile_42': 'new_data'}",
  ],
  data: [null, "'old_data'", "'old_data'", "'new_data'", "'new_data'", "'new_data'"],
  db_data: ["'old_data'", "'old_data'", "'new_data'", "'new_data'", "'bulk_data'", "'bulk_data'"],
};
const EVENTS = ['start', 'miss', 'invalidate', 'miss', 'write', 'stale-read'];
const STALE = [false, false, false, false, true, true];
const REMEDY_TABLE = [
  ...TABLE.slice(0, 3),
  [
    '4',
    'Bulk fix with update(), then cache.delete()',
    'user_profile_42',
    "{'user_profile_42': 'new_data'}",
    '{}',
    'No signal sent, but the explicit delete removed the entry',
  ],
  [
    '5',
    'Next request reads the profile',
    'user_profile_42',
    '{}',
    "{'user_profile_42': 'bulk_data'}",
    "Cache miss: 'bulk_data' read from DB and cached",
  ],
];
const REMEDY_TRACKER = {
  cache: [
    '{}',
    "{'user_profile_42': 'old_data'}",
    '{}',
    "{'user_profile_42': 'new_data'}",
    '{}',
    "{'user_profile_42': 'bulk_data'}",
  ],
  data: [null, "'old_data'", "'old_data'", "'new_data'", "'new_data'", "'bulk_data'"],
  db_data: TRACKER.db_data,
};
const REMEDY_EVENTS = ['start', 'miss', 'invalidate', 'miss', 'invalidate', 'miss'];
const REMEDY_STALE = [false, false, false, false, false, false];

describe('Lesson: signal-invalidation', () => {
  describeLessonBasics(lesson);
  itPinsTheTrace(lesson, { table: TABLE, tracker: TRACKER, events: EVENTS, stale: STALE });

  it('runs the post_save receiver inside save(): its lines light up in step 2', () => {
    expect(trace.frames[2].lines).toEqual([23, 24, 25, 9, 11, 12]);
    expect(trace.frames[2].outcomes.map((o) => o.kind)).toEqual(['db.read', 'db.write', 'delete']);
    expect(trace.frames[2].outcomes[1]).toMatchObject({ how: 'save', signal: true });
  });

  it('sends no signal for QuerySet.update() in step 4, so the cache goes stale', () => {
    expect(trace.frames[4].outcomes).toEqual([
      {
        kind: 'db.write',
        model: 'Profile',
        pk: 42,
        how: 'update',
        signal: false,
        actor: 'request',
      },
    ]);
    expect(trace.frames[4].cache[0]).toMatchObject({
      rawKey: 'user_profile_42',
      value: "'new_data'",
      isStale: true,
      dbValue: "'bulk_data'",
    });
  });

  it('serves stale data in step 5 without a query', () => {
    expect(trace.frames[5].outcomes).toEqual([
      {
        kind: 'get',
        key: 'user_profile_42',
        hit: true,
        value: "'new_data'",
        stale: true,
        actor: 'request',
      },
    ]);
    expect(trace.frames[5].stepQueries).toBe(0);
  });

  it('answers its quiz from the trace', () => {
    const q = lesson.quiz[1];
    expect(q.options[q.answer]).toBe(trace.frames[q.step].cacheAfter);
  });

  it('offers no what-if skips', () => {
    expect(lesson.steps.some((s) => s.skippable)).toBe(false);
  });

  describe('remedy: Invalidate after update() too', () => {
    itPinsTheTrace(withRemedy, {
      table: REMEDY_TABLE,
      tracker: REMEDY_TRACKER,
      events: REMEDY_EVENTS,
      stale: REMEDY_STALE,
    });

    it('deletes the key right after update() and ends with a fresh read', () => {
      expect(remedied.frames[4].outcomes.map((o) => o.kind)).toEqual(['db.write', 'delete']);
      expect(remedied.frames[4].lines).toEqual([28, 29]);
      expect(remedied.frames[5].event).toBe('miss');
      expect(remedied.frames[5].vars.data).toBe("'bulk_data'");
      expect(trace.frames[5].vars.data).toBe("'new_data'");
    });

    it('changes only steps 4 and 5', () => {
      const same = trace.frames.map((f, i) => f.cacheAfter === remedied.frames[i].cacheAfter);
      expect(same).toEqual([true, true, true, true, false, false]);
    });
  });
});
