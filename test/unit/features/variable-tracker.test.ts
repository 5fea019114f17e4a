import { describe, expect, it } from 'vitest';
import { randomLesson, run, type Lesson } from '../../../src/engine';
import {
  blockStep,
  clampStep,
  frameBlocks,
  trackerCells,
  trackerColumns,
  trackerHeader,
  trackerRows,
} from '../../../src/features/variable-tracker/tracker-rows';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';
import { SEED_TRACKER, SEED_TRACKER_HEADERS } from '../../fixtures/seed-lesson';

const trace = run(deleteOnUpdate);

describe('trackerHeader', () => {
  it('names the start, each step and the final state', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => trackerHeader(i, 5))).toEqual(SEED_TRACKER_HEADERS);
  });

  it('calls the only step of a one-step lesson Final', () => {
    expect([0, 1].map((i) => trackerHeader(i, 1))).toEqual(['Start', 'Final']);
  });
});

describe('trackerRows', () => {
  it('has a column per frame and a row per tracked variable', () => {
    const view = trackerRows(trace, deleteOnUpdate, 0);
    expect(view.columns.map((c) => c.header)).toEqual(SEED_TRACKER_HEADERS);
    expect(view.rows.map((r) => r.name)).toEqual(['cache']);
  });

  it('reproduces the seed tracker at the last step', () => {
    const [row] = trackerRows(trace, deleteOnUpdate, 5).rows;
    expect(row.cells.map((c) => c.text)).toEqual(SEED_TRACKER);
  });

  it('leaves the frames not reached yet with no text at all', () => {
    const [row] = trackerRows(trace, deleteOnUpdate, 2).rows;
    expect(row.cells.map((c) => c.text)).toEqual([...SEED_TRACKER.slice(0, 3), '', '', '']);
    expect(row.cells.map((c) => c.isReached)).toEqual([true, true, true, false, false, false]);
  });

  it('marks the current column', () => {
    const view = trackerRows(trace, deleteOnUpdate, 3);
    expect(view.columns.map((c) => c.isCurrent)).toEqual([false, false, false, true, false, false]);
    expect(view.rows[0].cells.map((c) => c.isCurrent)).toEqual(
      view.columns.map((c) => c.isCurrent),
    );
  });

  it('flags the steps that changed a variable, once reached', () => {
    expect(trackerRows(trace, deleteOnUpdate, 5).rows[0].cells.map((c) => c.isChanged)).toEqual([
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(trackerRows(trace, deleteOnUpdate, 1).rows[0].cells.map((c) => c.isChanged)).toEqual([
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('clamps the step to the trace', () => {
    expect(trackerRows(trace, deleteOnUpdate, 999).rows[0].cells.map((c) => c.text)).toEqual(
      SEED_TRACKER,
    );
    expect(trackerRows(trace, deleteOnUpdate, -1).columns[0].isCurrent).toBe(true);
  });

  it('shows "-" for a reached frame where a variable has no value yet', () => {
    const lesson: Lesson = {
      ...deleteOnUpdate,
      tracked: [...deleteOnUpdate.tracked, { name: 'missing', source: 'var', var: 'missing' }],
    };
    const [, row] = trackerRows(run(lesson), lesson, 1).rows;
    expect(row.cells.map((c) => c.text)).toEqual(['-', '-', '', '', '', '']);
    expect(row.cells.map((c) => c.isUnset)).toEqual([true, true, false, false, false, false]);
  });
});

describe('frame blocks (the rendered tracker is memoised in blocks)', () => {
  const long = randomLesson(7, { steps: 120 });
  const longTrace = run(long);

  it('cuts frames 0..M into blocks of 50', () => {
    expect(frameBlocks(longTrace)).toEqual([
      { from: 0, to: 49 },
      { from: 50, to: 99 },
      { from: 100, to: 120 },
    ]);
    expect(frameBlocks(trace)).toEqual([{ from: 0, to: 5 }]);
  });

  it('clamps a step to the trace', () => {
    expect([-1, 0, 2.7, 5, 999, Number.NaN].map((n) => clampStep(trace, n))).toEqual([
      0, 0, 2, 5, 5, 0,
    ]);
  });

  it('gives each block what the whole tracker shows in its columns', () => {
    for (const step of [0, 49, 50, 99, 100, 120]) {
      const whole = trackerRows(longTrace, long, step);
      const blocks = frameBlocks(longTrace);
      expect(
        blocks.flatMap((block) => trackerColumns(longTrace, blockStep(step, block), block)),
      ).toEqual(whole.columns);
      for (const row of whole.rows) {
        expect(
          blocks.flatMap((block) =>
            trackerCells(longTrace, row.name, blockStep(step, block), block),
          ),
        ).toEqual(row.cells);
      }
    }
  });

  it('gives a block the same step wherever the player is before or after it', () => {
    const block = { from: 50, to: 99 };
    expect([0, 10, 49].map((step) => blockStep(step, block))).toEqual([49, 49, 49]);
    expect([100, 120].map((step) => blockStep(step, block))).toEqual([100, 100]);
    expect(blockStep(60, block)).toBe(60);
  });
});
