import { describe, expect, it } from 'vitest';
import { shownStep } from '../../../src/lessons/vocabulary';
import { run } from '../../../src/engine';
import { noInvalidation } from '../../../src/lessons/no-invalidation';
import { applyRemedy, describeLessonBasics, eventsOf, staleFrames } from './lesson-kit';

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
    it('deletes in the save step, so no stale read ever happens', () => {
      expect(fixed.frames[2].outcomes.map((o) => o.kind)).toEqual([
        'db.read',
        'db.write',
        'delete',
      ]);
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
      expect(fixed.frames.map((f) => f.queries)).toEqual([0, 1, 3, 4, 4, 4, 4, 4]);
    });

    it('changes line 16 of the code from a comment to cache.delete', () => {
      const line16 = (source: string) => source.split('\n')[15];
      expect(line16(noInvalidation.code.source)).toMatch(/^\s+# missing: cache\.delete/);
      expect(line16(remedy.patch.code!.source)).toBe("    cache.delete(f'user_profile_{user_id}')");
    });
  });
});
