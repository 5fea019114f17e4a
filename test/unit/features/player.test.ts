import { describe, expect, it } from 'vitest';
import { run } from '../../../src/engine';
import {
  legendOf,
  stepKindOf,
  stepStatus,
  ticksOf,
} from '../../../src/features/player/player-view';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';

const normal = run(deleteOnUpdate);
const skipped = run(deleteOnUpdate, { skip: [3] });

describe('Player view model', () => {
  describe('stepStatus', () => {
    it('reads "Step 0 of 5: Start" at the start', () => {
      expect(stepStatus(normal.frames[0], 5)).toBe('Step 0 of 5: Start');
    });

    it('names the step action after the count', () => {
      expect(stepStatus(normal.frames[3], 5)).toBe('Step 3 of 5: Cache invalidation triggered');
    });
  });

  describe('ticksOf', () => {
    it('makes one mark per step, 1..M, none for the start', () => {
      expect(ticksOf(normal.frames).map((tick) => tick.step)).toEqual([1, 2, 3, 4, 5]);
    });

    it('places the marks evenly from 0.2 to 1 for five steps', () => {
      expect(ticksOf(normal.frames).map((tick) => tick.position)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    });

    it('uses the event of each step on the normal path', () => {
      expect(ticksOf(normal.frames).map((tick) => tick.kind)).toEqual([
        'miss',
        'write',
        'invalidate',
        'miss',
        'hit',
      ]);
    });

    it('marks a skipped step as skipped and shows the stale read it causes', () => {
      const kinds = ticksOf(skipped.frames).map((tick) => tick.kind);
      expect(kinds[2]).toBe('skipped');
      expect(kinds).toContain('stale-read');
    });

    it('makes no marks for a trace that has only the start', () => {
      expect(ticksOf(normal.frames.slice(0, 1))).toEqual([]);
    });
  });

  describe('legendOf', () => {
    it('lists only the kinds drawn, each once, in a fixed order', () => {
      expect(legendOf(ticksOf(normal.frames))).toEqual(['write', 'invalidate', 'miss', 'hit']);
    });

    it('explains skipped and stale-read marks when a what-if adds them', () => {
      const legend = legendOf(ticksOf(skipped.frames));
      expect(legend).toContain('skipped');
      expect(legend).toContain('stale-read');
    });
  });

  describe('stepKindOf', () => {
    it('reads start for frame 0', () => {
      expect(stepKindOf(normal.frames[0])).toBe('start');
    });
  });
});
