import { describe, expect, it } from 'vitest';
import { run } from '../../../src/engine';
import { staleSetRace as lesson } from '../../../src/lessons/stale-set-race';
import { applyRemedy, describeLessonBasics } from './lesson-kit';

const withRemedy = applyRemedy(lesson);
const trace = run(lesson);
const remedied = run(withRemedy);

describe('Lesson: stale-set-race', () => {
  describeLessonBasics(lesson);

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
    it('initialises the generation with add() and bumps it with incr()', () => {
      expect(remedied.frames[1].outcomes.slice(0, 2)).toEqual([
        { kind: 'add', key: 'gen:profile:42', stored: true, actor: 'request A' },
        {
          kind: 'get',
          key: 'gen:profile:42',
          hit: true,
          value: '0',
          stale: false,
          actor: 'request A',
        },
      ]);
      expect(remedied.frames[4].outcomes).toEqual([
        { kind: 'incr', key: 'gen:profile:42', value: '1', actor: 'request B' },
      ]);
    });

    it("sends A's late set to the old generation, where nobody reads it", () => {
      expect(remedied.frames[5].outcomes).toEqual([
        { kind: 'set', key: 'profile:0:42', value: "'old_data'", actor: 'request A' },
      ]);
      const orphan = remedied.frames[6].cache.find((e) => e.rawKey === 'profile:0:42');
      expect(orphan).toMatchObject({ isStale: true, expiresAt: 300 });
      expect(
        remedied.frames
          .flatMap((f) => f.outcomes)
          .filter((o) => o.kind === 'get' && o.hit && o.stale),
      ).toEqual([]);
    });

    it('ends with a miss under generation 1 and fresh data', () => {
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
      expect(last.outcomes[3]).toMatchObject({ kind: 'get', key: 'profile:1:42', hit: false });
      expect(last.vars.c_data).toBe("'new_data'");
      expect(trace.frames[6].vars.c_data).toBe("'old_data'");
      const q3 = lesson.quiz[2];
      expect(q3.options[q3.answer]).toBe("'profile:1:42'");
    });
  });
});
