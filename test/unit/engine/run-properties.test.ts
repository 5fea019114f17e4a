import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLesson, pyRepr, randomLesson, run } from '../../../src/engine';

const SEEDED = { seed: 7, numRuns: 60 };

describe('The interpreter on random scenarios', () => {
  it('produces one frame per step plus the start, and never throws', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 60 }),
        (seed, steps) => {
          const trace = run(randomLesson(seed, { steps }));
          expect(trace.frames).toHaveLength(steps + 1);
          trace.frames.forEach((frame, i) => expect(frame.index).toBe(i));
        },
      ),
      SEEDED,
    );
  });

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const a = run(randomLesson(seed, { steps: 40 }));
        const b = run(randomLesson(seed, { steps: 40 }));
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      SEEDED,
    );
  });

  it('returns frozen frames', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const trace = run(randomLesson(seed, { steps: 20 }));
        expect(Object.isFrozen(trace.frames)).toBe(true);
        for (const frame of trace.frames) {
          expect(Object.isFrozen(frame)).toBe(true);
          expect(Object.isFrozen(frame.cache)).toBe(true);
          expect(Object.isFrozen(frame.outcomes)).toBe(true);
        }
      }),
      { seed: 11, numRuns: 20 },
    );
  });

  it('counts queries monotonically and flags stale only where the value differs from the DB', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const trace = run(randomLesson(seed, { steps: 50 }));
        let queries = 0;
        for (const frame of trace.frames) {
          expect(frame.queries).toBeGreaterThanOrEqual(queries);
          queries = frame.queries;
          for (const entry of frame.cache) {
            if (entry.isStale) expect(entry.value).not.toBe(entry.dbValue);
            if (!entry.isExpired && entry.dbValue !== null && entry.value !== entry.dbValue)
              expect(entry.isStale).toBe(true);
          }
        }
      }),
      SEEDED,
    );
  });

  it("prints every frame's cache as a dict of its live entries, oldest first", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 4 }),
        (seed, opsPerStep) => {
          const lesson = randomLesson(seed, { steps: 120, rows: 6 });
          // Several operations a step, so one step can remove and add several keys.
          const steps = lesson.steps
            .filter((_, i) => i % opsPerStep === 0)
            .map((step, k) => ({
              ...step,
              ops: lesson.steps.slice(k * opsPerStep, (k + 1) * opsPerStep).flatMap((s) => s.ops),
            }));
          for (const frame of run({ ...lesson, steps }).frames) {
            const live = frame.cache.filter((entry) => !entry.isExpired).reverse();
            const pieces = live.map((entry) => `${pyRepr(entry.rawKey)}: ${entry.value}`);
            expect(frame.cacheAfter).toBe(`{${pieces.join(', ')}}`);
          }
        },
      ),
      SEEDED,
    );
  });

  it('generated scenarios pass the lesson schema', () => {
    for (const seed of [1, 2, 3]) {
      const lesson = randomLesson(seed, { steps: 30 });
      // Random steps have no code lines, so the schema's own checks all apply.
      expect(() => parseLesson(JSON.parse(JSON.stringify(lesson)))).not.toThrow();
    }
  });
});
