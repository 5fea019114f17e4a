import { describe, expect, it } from 'vitest';
import { run } from '../../../src/engine';
import { thunderingHerd as lesson } from '../../../src/lessons/thundering-herd';
import { applyRemedy, describeLessonBasics } from './lesson-kit';

const withRemedy = applyRemedy(lesson);
const trace = run(lesson);
const remedied = run(withRemedy);

describe('Lesson: thundering-herd', () => {
  describeLessonBasics(lesson);

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

    it('runs one DB query instead of four in this interleaving, re-checking first and releasing only its own lock', () => {
      expect(herdQueries(remedied)).toBe(1);
      expect(remedied.frames[7].outcomes.map((o) => o.kind)).toEqual([
        'get',
        'db.read',
        'set',
        'get',
        'delete',
      ]);
      expect(remedied.frames[7].outcomes[0]).toMatchObject({ key: 'user_profile_42', hit: false });
      expect(remedied.frames[7].outcomes[3]).toMatchObject({
        key: 'lock:user_profile_42',
        value: "'token-1'",
      });
      expect(remedied.frames[7].outcomes[4]).toMatchObject({
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
