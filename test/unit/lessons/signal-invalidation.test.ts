import { describe, expect, it } from 'vitest';
import { run } from '../../../src/engine';
import { signalInvalidation as lesson } from '../../../src/lessons/signal-invalidation';
import { applyRemedy, describeLessonBasics } from './lesson-kit';

const withRemedy = applyRemedy(lesson);
const trace = run(lesson);
const remedied = run(withRemedy);

describe('Lesson: signal-invalidation', () => {
  describeLessonBasics(lesson);

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
