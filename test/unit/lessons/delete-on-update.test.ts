import { describe, expect, it } from 'vitest';
import { shownStep } from '../../../src/lessons/vocabulary';
import { run } from '../../../src/engine';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';
import { SEED_HEADERS, SEED_TABLE, SEED_TRACKER } from '../../fixtures/seed-lesson';
import { describeLessonBasics, eventsOf, staleFrames, tableOf, trackerOf } from './lesson-kit';

describe('Seed lesson: delete-on-update', () => {
  const trace = run(deleteOnUpdate);

  describeLessonBasics(deleteOnUpdate, { flowLength: 5 });

  it('has a start frame and one frame per step', () => {
    expect(trace.frames).toHaveLength(6);
    expect(trace.frames[0].index).toBe(0);
  });

  it('reproduces the seed execution table cell for cell', () => {
    expect(deleteOnUpdate.columns.map((c) => c.header)).toEqual(SEED_HEADERS);
    expect(tableOf(deleteOnUpdate)).toEqual(SEED_TABLE);
  });

  it('reproduces the seed variable tracker', () => {
    expect(trackerOf(deleteOnUpdate)).toEqual({ cache: SEED_TRACKER });
  });

  it('flags the cached old_data as stale only between the update and the delete', () => {
    expect(staleFrames(trace)).toEqual([false, false, true, false, false, false]);
  });

  it('misses on the first and fourth steps and hits on the fifth', () => {
    expect(eventsOf(trace)).toEqual(['start', 'miss', 'write', 'invalidate', 'miss', 'hit']);
    // Step 2 is update_profile()'s get() and save(): two SQL queries, as in Django.
    expect(trace.frames.map((f) => f.queries)).toEqual([0, 1, 3, 3, 4, 4]);
  });

  describe('what-if: skip step 3', () => {
    const skipped = run(deleteOnUpdate, { skip: [3] });

    it('keeps the step count', () => {
      expect(skipped.frames).toHaveLength(6);
      expect(skipped.skip).toEqual([3]);
    });

    it("leaves {'user_profile_42': 'old_data'} after step 4", () => {
      expect(skipped.frames[4].cacheAfter).toBe("{'user_profile_42': 'old_data'}");
    });

    it('says in row 3 that the step was skipped', () => {
      expect(skipped.frames[3].isSkipped).toBe(true);
      expect(shownStep(deleteOnUpdate, skipped, 3).result).toMatch(/skipped/i);
      expect(skipped.frames[3].cacheAfter).toBe("{'user_profile_42': 'old_data'}");
    });

    it('serves stale data in step 5', () => {
      expect(shownStep(deleteOnUpdate, skipped, 5).result).toMatch(/stale/);
      expect(skipped.frames[5].event).toBe('stale-read');
    });

    it('leaves the rows before the skip as authored', () => {
      expect(skipped.frames[1].cacheBefore).toBe('None');
      expect(shownStep(deleteOnUpdate, skipped, 2).result).toBe('Cache still has old data');
    });
  });
});
