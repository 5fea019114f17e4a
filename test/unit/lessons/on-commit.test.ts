import { describe, expect, it } from 'vitest';
import { run } from '../../../src/engine';
import { onCommit as lesson } from '../../../src/lessons/on-commit';
import { shownStep } from '../../../src/lessons/vocabulary';
import { applyRemedy, describeLessonBasics } from './lesson-kit';

const withRemedy = applyRemedy(lesson);
const trace = run(lesson);
const remedied = run(withRemedy);

describe('Lesson: on-commit', () => {
  describeLessonBasics(lesson);

  it("keeps the writer's save uncommitted until step 5", () => {
    expect(trace.frames[2].db).toEqual([
      {
        model: 'Profile',
        pk: 42,
        fields: { data: "'old_data'" },
        pending: [{ actor: 'writer', fields: { data: "'new_data'" } }],
      },
    ]);
    expect(trace.frames[5].db[0]).toEqual({
      model: 'Profile',
      pk: 42,
      fields: { data: "'new_data'" },
      pending: [],
    });
  });

  it('lets the reader re-cache the old committed row after the early delete', () => {
    expect(trace.frames[3].outcomes).toEqual([
      { kind: 'delete', key: 'user_profile_42', deleted: true, actor: 'writer' },
    ]);
    expect(trace.frames[4].outcomes).toEqual([
      {
        kind: 'get',
        key: 'user_profile_42',
        hit: false,
        value: 'None',
        stale: false,
        actor: 'reader',
      },
      { kind: 'db.read', model: 'Profile', pk: 42, value: "'old_data'", actor: 'reader' },
      { kind: 'set', key: 'user_profile_42', value: "'old_data'", actor: 'reader' },
    ]);
  });

  it('commits with nothing left to delete, then serves stale data', () => {
    expect(trace.frames[5].outcomes).toEqual([
      { kind: 'atomic', how: 'commit', callbacks: 0, actor: 'writer' },
    ]);
    expect(trace.frames[6].outcomes[0]).toMatchObject({
      hit: true,
      stale: true,
      value: "'old_data'",
    });
  });

  it('answers its quiz from the trace', () => {
    const [q1, q2] = lesson.quiz;
    const read = trace.frames[q1.step].outcomes.find((o) => o.kind === 'db.read');
    expect(read && read.kind === 'db.read' ? read.value : null).toBe(q1.options[q1.answer]);
    expect(q2.options[q2.answer]).toBe(trace.frames[q2.step].cacheAfter);
  });

  describe('what-if: skip the early delete (step 3)', () => {
    const skipped = run(lesson, { skip: [3] });

    it('ends in the same stale read: the early delete achieved nothing', () => {
      expect(skipped.frames[3].isSkipped).toBe(true);
      expect(shownStep(lesson, skipped, 4).result).toBe(
        "Cache hit: user sees fresh data 'old_data'",
      );
      expect(skipped.frames[6].event).toBe('stale-read');
      expect(skipped.frames[6].cacheAfter).toBe(trace.frames[6].cacheAfter);
    });
  });

  describe('remedy: Use transaction.on_commit', () => {
    it('queues the delete and runs it right after the commit', () => {
      expect(remedied.frames[3].outcomes).toEqual([]);
      expect(remedied.frames[3].cacheAfter).toBe("{'user_profile_42': 'old_data'}");
      expect(remedied.frames[5].outcomes).toEqual([
        { kind: 'atomic', how: 'commit', callbacks: 1, actor: 'writer' },
        { kind: 'delete', key: 'user_profile_42', deleted: true, actor: 'writer' },
      ]);
      expect(remedied.frames[5].lines).toEqual([14, 18]);
    });

    it('ends with a fresh read instead of a stale one', () => {
      expect(trace.frames[6].event).toBe('stale-read');
      expect(remedied.frames[6].event).toBe('miss');
      expect(remedied.frames[6].vars.data).toBe("'new_data'");
    });

    it('drops the queued delete if the transaction rolls back', () => {
      const steps = withRemedy.steps.map((s, i) =>
        i === 4 ? { ...s, ops: [{ op: 'atomic.rollback' as const }] } : s,
      );
      const rolledBack = run({ ...withRemedy, steps });
      expect(rolledBack.frames[5].cacheAfter).toBe("{'user_profile_42': 'old_data'}");
      expect(rolledBack.frames[5].vars.db_data).toBe("'old_data'");
      expect(rolledBack.frames[6].event).toBe('hit');
    });
  });
});
