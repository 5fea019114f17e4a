import { describe, expect, it } from 'vitest';
import { parseLesson, run, type Frame, type Lesson, type TableColumn } from '../../../src/engine';
import { signalInvalidation as lesson } from '../../../src/lessons/signal-invalidation';

/** A table cell as the execution table shows it. */
function cell(frame: Frame, column: TableColumn): string {
  switch (column) {
    case 'step':
      return String(frame.index);
    case 'actor':
      return frame.actor;
    case 'clock':
      return `t=${frame.clock}s`;
    case 'action':
      return frame.action;
    case 'cacheKey':
      return frame.cacheKey;
    case 'cacheBefore':
      return frame.cacheBefore;
    case 'cacheAfter':
      return frame.cacheAfter;
    case 'result':
      return frame.result;
    case 'queries':
      return String(frame.stepQueries);
  }
}

const tableOf = (l: Lesson): string[][] =>
  run(l)
    .frames.slice(1)
    .map((f) => l.columns.map((c) => cell(f, c.id)));

const trackerOf = (l: Lesson): Record<string, (string | null)[]> =>
  Object.fromEntries(
    l.tracked.map((t) => [t.name, run(l).frames.map((f) => f.vars[t.name] ?? null)]),
  );

const { remedy, ...plain } = lesson;
const withRemedy: Lesson = { ...plain, ...remedy?.patch };
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
  db_data: ["'old_data'", "'old_data'", "'new_data'", "'new_data'", "'bulk_data'", "'bulk_data'"],
};
const REMEDY_EVENTS = ['start', 'miss', 'invalidate', 'miss', 'invalidate', 'miss'];
const REMEDY_STALE = [false, false, false, false, false, false];

describe('Lesson: signal-invalidation', () => {
  it('passes the lesson schema, with and without the remedy', () => {
    expect(parseLesson(JSON.parse(JSON.stringify(plain)))).toEqual(plain);
    const patched = { ...withRemedy, remedy: undefined };
    expect(() => parseLesson(JSON.parse(JSON.stringify(patched)))).not.toThrow();
  });

  it('has the parts every lesson has', () => {
    expect(lesson.flow.length).toBeGreaterThanOrEqual(4);
    expect(lesson.flow.length).toBeLessThanOrEqual(6);
    expect(lesson.steps.length).toBeGreaterThanOrEqual(4);
    expect(lesson.steps.length).toBeLessThanOrEqual(10);
    expect(lesson.keyMoments).toHaveLength(3);
    expect(lesson.quiz).toHaveLength(3);
    expect(lesson.snapshot.lines.length).toBeGreaterThanOrEqual(4);
    expect(lesson.snapshot.lines.length).toBeLessThanOrEqual(6);
    expect(lesson.transcript.length).toBeGreaterThanOrEqual(6);
    expect(lesson.transcript.length).toBeLessThanOrEqual(10);
    for (const code of [lesson.code, withRemedy.code]) {
      const lines = code.source.split('\n').length;
      expect(lines).toBeGreaterThanOrEqual(15);
      expect(lines).toBeLessThanOrEqual(35);
    }
    for (const q of lesson.quiz) {
      expect(q.feedback?.[q.answer]).toBe('');
      expect(q.feedback?.filter((f) => f === '')).toHaveLength(1);
      expect(new Set(q.options).size).toBe(4);
    }
    for (const step of [...lesson.steps, ...withRemedy.steps]) {
      expect(step.transcript).toBeLessThan(lesson.transcript.length);
      expect(step.stage).toBeLessThan(lesson.flow.length);
    }
  });

  it('pins the execution table, cell for cell', () => {
    expect(tableOf(lesson)).toEqual(TABLE);
  });

  it('pins the variable tracker', () => {
    expect(trackerOf(lesson)).toEqual(TRACKER);
  });

  it('pins the events and the frames with stale entries', () => {
    expect(trace.frames.map((f) => f.event)).toEqual(EVENTS);
    expect(trace.frames.map((f) => f.cache.some((e) => e.isStale))).toEqual(STALE);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(trace)).toBe(true);
    expect(Object.isFrozen(trace.frames[1])).toBe(true);
  });
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
    it('keeps the step count so frames line up', () => {
      expect(withRemedy.steps).toHaveLength(lesson.steps.length);
      expect(remedied.frames).toHaveLength(trace.frames.length);
    });

    it('pins the remedied execution table', () => {
      expect(tableOf(withRemedy)).toEqual(REMEDY_TABLE);
    });

    it('pins the remedied tracker, events and stale frames', () => {
      expect(trackerOf(withRemedy)).toEqual(REMEDY_TRACKER);
      expect(remedied.frames.map((f) => f.event)).toEqual(REMEDY_EVENTS);
      expect(remedied.frames.map((f) => f.cache.some((e) => e.isStale))).toEqual(REMEDY_STALE);
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
