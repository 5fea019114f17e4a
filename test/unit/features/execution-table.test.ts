import { describe, expect, it } from 'vitest';
import { randomLesson, run, type Lesson } from '../../../src/engine';
import {
  cellText,
  stepBlocks,
  tableRows,
} from '../../../src/features/execution-table/execution-table-rows';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';
import { SEED_TABLE } from '../../fixtures/seed-lesson';

const trace = run(deleteOnUpdate);
const texts = (rows: ReturnType<typeof tableRows>) => rows.map((r) => r.cells.map((c) => c.text));

describe('tableRows', () => {
  it('has no rows at step 0', () => {
    expect(tableRows(trace, deleteOnUpdate, 0, false)).toEqual([]);
  });

  it('grows one row per step run so far', () => {
    expect(texts(tableRows(trace, deleteOnUpdate, 2, false))).toEqual(SEED_TABLE.slice(0, 2));
  });

  it('reproduces the seed table cell for cell at the last step', () => {
    expect(texts(tableRows(trace, deleteOnUpdate, 5, false))).toEqual(SEED_TABLE);
  });

  it('follows the lesson column order', () => {
    const [row] = tableRows(trace, deleteOnUpdate, 1, false);
    expect(row.cells.map((c) => c.column)).toEqual(deleteOnUpdate.columns.map((c) => c.id));
  });

  it('marks only the row of the current step as current', () => {
    const rows = tableRows(trace, deleteOnUpdate, 3, false);
    expect(rows.map((r) => r.isCurrent)).toEqual([false, false, true]);
  });

  it('clamps the step to the trace', () => {
    expect(tableRows(trace, deleteOnUpdate, 999, false)).toHaveLength(5);
    expect(tableRows(trace, deleteOnUpdate, -3, false)).toEqual([]);
    expect(tableRows(trace, deleteOnUpdate, Number.NaN, false)).toEqual([]);
  });

  describe('Show all steps', () => {
    it('shows every row and marks the later ones as not reached', () => {
      const rows = tableRows(trace, deleteOnUpdate, 2, true);
      expect(texts(rows)).toEqual(SEED_TABLE);
      expect(rows.map((r) => r.isReached)).toEqual([true, true, false, false, false]);
      expect(rows.map((r) => r.isCurrent)).toEqual([false, true, false, false, false]);
    });

    it('shows every row not reached at step 0, none current', () => {
      const rows = tableRows(trace, deleteOnUpdate, 0, true);
      expect(rows).toHaveLength(5);
      expect(rows.every((r) => !r.isReached && !r.isCurrent)).toBe(true);
    });
  });

  it('shows Python values and keys as code, but not the "-" placeholder', () => {
    const rows = tableRows(trace, deleteOnUpdate, 2, false);
    const code = rows.map((r) => r.cells.filter((c) => c.isCode).map((c) => c.column));
    expect(code).toEqual([
      ['cacheKey', 'cacheBefore', 'cacheAfter'],
      ['cacheBefore', 'cacheAfter'],
    ]);
  });

  it('marks the Cache State After cell changed only when the cache changed', () => {
    const rows = tableRows(trace, deleteOnUpdate, 5, false);
    const changed = rows.map((r) => r.cells.find((c) => c.column === 'cacheAfter')?.isChanged);
    expect(changed).toEqual([true, false, true, true, false]);
    expect(
      rows.flatMap((r) => r.cells.filter((c) => c.column !== 'cacheAfter' && c.isChanged)),
    ).toEqual([]);
  });

  it('hands back the same cells for the same frame, so unchanged rows skip re-rendering', () => {
    const before = tableRows(trace, deleteOnUpdate, 2, false);
    const after = tableRows(trace, deleteOnUpdate, 3, false);
    expect(after[0].cells).toBe(before[0].cells);
    expect(after[1].cells).toBe(before[1].cells);
  });

  describe('what-if: skip step 3', () => {
    const skipped = run(deleteOnUpdate, { skip: [3] });
    const rows = tableRows(skipped, deleteOnUpdate, 5, false);

    it('flags the skipped row and the rows that left the normal path', () => {
      expect(rows.map((r) => r.isSkipped)).toEqual([false, false, true, false, false]);
      expect(rows.map((r) => r.isDiverged)).toEqual([false, false, true, true, true]);
    });

    it("keeps {'user_profile_42': 'old_data'} after step 4 and flags the stale reads", () => {
      expect(rows[3].cells.find((c) => c.column === 'cacheAfter')?.text).toBe(
        "{'user_profile_42': 'old_data'}",
      );
      expect(rows.map((r) => r.isStaleRead)).toEqual([false, false, false, true, true]);
    });
  });
});

describe('cellText', () => {
  const frame = trace.frames[4];

  it('formats the extra columns a lesson may ask for', () => {
    expect(cellText(frame, 'step')).toBe('4');
    expect(cellText(frame, 'actor')).toBe(frame.actor);
    expect(cellText(frame, 'clock')).toBe(`t=${frame.clock}s`);
    expect(cellText(frame, 'queries')).toBe(String(frame.stepQueries));
  });

  it('works for any column set a lesson declares', () => {
    const lesson: Lesson = {
      ...deleteOnUpdate,
      columns: [
        { id: 'actor', header: 'Actor' },
        { id: 'clock', header: 'Clock' },
        { id: 'queries', header: 'Queries' },
      ],
    };
    const [row] = tableRows(trace, lesson, 1, false);
    expect(row.cells.map((c) => c.text)).toEqual(['request', 't=0s', '1']);
  });
});

describe('row blocks (the rendered table is memoised in blocks)', () => {
  const long = randomLesson(7, { steps: 120 });
  const longTrace = run(long);

  it('cuts steps 1..M into blocks of 50', () => {
    expect(stepBlocks(longTrace)).toEqual([
      { from: 1, to: 50 },
      { from: 51, to: 100 },
      { from: 101, to: 120 },
    ]);
    expect(stepBlocks(trace)).toEqual([{ from: 1, to: 5 }]);
    expect(stepBlocks(run({ ...deleteOnUpdate, steps: [] }))).toEqual([]);
  });

  it('gives the rows of a range, together the same as all rows', () => {
    for (const [step, showAll] of [
      [0, false],
      [0, true],
      [49, false],
      [50, false],
      [51, true],
      [120, false],
    ] as const) {
      const parts = stepBlocks(longTrace).flatMap((range) =>
        tableRows(longTrace, long, step, showAll, range),
      );
      expect(parts).toEqual(tableRows(longTrace, long, step, showAll));
    }
  });

  it('gives a block the same rows for any step before it, and for any step after it', () => {
    const range = { from: 51, to: 100 };
    expect(tableRows(longTrace, long, 3, false, range)).toEqual([]);
    expect(tableRows(longTrace, long, 50, true, range)).toEqual(
      tableRows(longTrace, long, 3, true, range),
    );
    expect(tableRows(longTrace, long, 101, false, range)).toEqual(
      tableRows(longTrace, long, 120, false, range),
    );
    expect(tableRows(longTrace, long, 101, false, range)).toHaveLength(50);
  });
});
