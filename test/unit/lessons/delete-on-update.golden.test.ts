import { describe, expect, it } from 'vitest';
import { run } from '../../../src/engine';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';

// The seed lesson's execution table and variable tracker, cell for cell (PRODUCT.md).
const SEED_TABLE = [
  [
    '1',
    'Initial cache set',
    'user_profile_42',
    'None',
    "{'user_profile_42': 'old_data'}",
    'Cache stores old user data',
  ],
  [
    '2',
    'User data updated in DB',
    '-',
    "{'user_profile_42': 'old_data'}",
    "{'user_profile_42': 'old_data'}",
    'Cache still has old data',
  ],
  [
    '3',
    'Cache invalidation triggered',
    'user_profile_42',
    "{'user_profile_42': 'old_data'}",
    '{}',
    'Cache entry deleted',
  ],
  [
    '4',
    'Next request fetches fresh data',
    'user_profile_42',
    '{}',
    "{'user_profile_42': 'fresh_data'}",
    'Cache updated with fresh data',
  ],
  [
    '5',
    'Serve fresh data from cache',
    'user_profile_42',
    "{'user_profile_42': 'fresh_data'}",
    "{'user_profile_42': 'fresh_data'}",
    'User sees updated profile',
  ],
];
const SEED_TRACKER = [
  '{}',
  "{'user_profile_42': 'old_data'}",
  "{'user_profile_42': 'old_data'}",
  '{}',
  "{'user_profile_42': 'fresh_data'}",
  "{'user_profile_42': 'fresh_data'}",
];

describe('Seed lesson: delete-on-update', () => {
  const trace = run(deleteOnUpdate);

  it('has a start frame and one frame per step', () => {
    expect(trace.frames).toHaveLength(6);
    expect(trace.frames[0].index).toBe(0);
  });

  it('reproduces the seed execution table cell for cell', () => {
    const rows = trace.frames
      .slice(1)
      .map((f) => [String(f.index), f.action, f.cacheKey, f.cacheBefore, f.cacheAfter, f.result]);
    expect(rows).toEqual(SEED_TABLE);
  });

  it('reproduces the seed variable tracker', () => {
    expect(trace.frames.map((f) => f.vars.cache)).toEqual(SEED_TRACKER);
  });

  it('flags the cached old_data as stale only between the update and the delete', () => {
    const staleAt = trace.frames.map((f) => f.cache.some((e) => e.isStale));
    expect(staleAt).toEqual([false, false, true, false, false, false]);
  });

  it('misses on the first and fourth steps and hits on the fifth', () => {
    expect(trace.frames.map((f) => f.event)).toEqual([
      'start',
      'miss',
      'write',
      'invalidate',
      'miss',
      'hit',
    ]);
    expect(trace.frames.map((f) => f.queries)).toEqual([0, 1, 2, 2, 3, 3]);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(trace)).toBe(true);
    expect(Object.isFrozen(trace.frames[3])).toBe(true);
    expect(Object.isFrozen(trace.frames[3].cache)).toBe(true);
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
      expect(skipped.frames[3].result).toMatch(/skipped/i);
      expect(skipped.frames[3].cacheAfter).toBe("{'user_profile_42': 'old_data'}");
    });

    it('serves stale data in step 5', () => {
      expect(skipped.frames[5].result).toMatch(/stale/);
      expect(skipped.frames[5].event).toBe('stale-read');
    });

    it('leaves the rows before the skip as authored', () => {
      expect(skipped.frames[1].cacheBefore).toBe('None');
      expect(skipped.frames[2].result).toBe('Cache still has old data');
    });
  });
});
