import type { EventKind, Frame, Lesson, TableColumn, Trace } from '../../engine';
import { shownStep, type ShownStep } from '../../lessons/vocabulary';
import { clampStep } from '../../store/clamp-step';

/** One cell of the execution table: its text is the frame's text, character for character. */
export interface ExecutionTableCell {
  /** The column's header, for narrow screens that show each row as a card. */
  header: string;
  column: TableColumn;
  text: string;
  /** A Python value or cache key, shown in monospace. */
  isCode: boolean;
  /** The Cache State After cell of a step that changed the cache. */
  isChanged: boolean;
}

/** One body row of the execution table (one step). */
export interface ExecutionTableRow {
  /** The step number, 1..M. */
  step: number;
  /** Cells in `lesson.columns` order; the same array for the same frame and columns. */
  cells: readonly ExecutionTableCell[];
  /** The step the player is on: marked with `aria-current="step"`. */
  isCurrent: boolean;
  /** False for rows after the current step, shown only with "Show all steps". */
  isReached: boolean;
  /** What-if: this step did not run. */
  isSkipped: boolean;
  /** What-if: this step's outcome differs from the lesson's normal path. */
  isDiverged: boolean;
  /** The step served a cached value that no longer matches the database. */
  isStaleRead: boolean;
  event: EventKind;
}

/** Columns whose text is a Python value or a key, when it is not the `-` placeholder. */
const CODE_COLUMNS: ReadonlySet<TableColumn> = new Set(['cacheKey', 'cacheBefore', 'cacheAfter']);

/**
 * The text a column shows for a frame. Action and Result are the author's words only while they
 * describe the run; pass `shown` (from `shownStep`) and a what-if, remedy or sandbox edit that
 * changed the step's outcome shows the engine's words instead.
 */
export function cellText(
  frame: Frame,
  column: TableColumn,
  shown?: Pick<ShownStep, 'action' | 'result'>,
): string {
  switch (column) {
    case 'step':
      return String(frame.index);
    case 'actor':
      return frame.actor;
    case 'clock':
      return `t=${frame.clock}s`;
    case 'action':
      return shown?.action ?? frame.action;
    case 'cacheKey':
      return frame.cacheKey;
    case 'cacheBefore':
      return frame.cacheBefore;
    case 'cacheAfter':
      return frame.cacheAfter;
    case 'result':
      return shown?.result ?? frame.result;
    case 'queries':
      return String(frame.stepQueries);
  }
}

/*
 * Frames are frozen and the columns array belongs to a memoised lesson, so cells can be cached
 * by identity: a step change then hands React the same cell arrays and memoised rows skip
 * re-rendering, which keeps a 500-step sandbox trace within one frame.
 */
const cellCache = new WeakMap<Lesson, WeakMap<Frame, readonly ExecutionTableCell[]>>();

function cellsFor(trace: Trace, lesson: Lesson, index: number): readonly ExecutionTableCell[] {
  const frame = trace.frames[index];
  let byFrame = cellCache.get(lesson);
  if (!byFrame) {
    byFrame = new WeakMap();
    cellCache.set(lesson, byFrame);
  }
  let cells = byFrame.get(frame);
  if (!cells) {
    const isCacheChanged = frame.cacheBefore !== frame.cacheAfter;
    const shown = shownStep(lesson, trace, index);
    cells = lesson.columns.map(({ id, header }) => {
      const text = cellText(frame, id, shown);
      return {
        column: id,
        header,
        text,
        isCode: CODE_COLUMNS.has(id) && text !== '-' && text !== '',
        isChanged: id === 'cacheAfter' && isCacheChanged,
      };
    });
    byFrame.set(frame, cells);
  }
  return cells;
}

/** A run of steps, `from`..`to` inclusive (1-based). */
export interface StepRange {
  from: number;
  to: number;
}

/**
 * The execution table's body rows at `step`: steps 1..step, or every step when `showAll` is on
 * (rows after `step` then come back with `isReached: false`). Frame 0 (the start) never has a
 * row, so at step 0 there are none unless `showAll` is on. `step` is clamped to the trace.
 * With `range`, only the rows of those steps.
 */
export function tableRows(
  trace: Trace,
  lesson: Lesson,
  step: number,
  showAll: boolean,
  range?: StepRange,
): ExecutionTableRow[] {
  const last = trace.frames.length - 1;
  const current = clampStep(step, last);
  const until = Math.min(showAll ? last : current, range ? range.to : last);
  const rows: ExecutionTableRow[] = [];
  for (let index = Math.max(1, range?.from ?? 1); index <= until; index += 1) {
    const frame = trace.frames[index];
    rows.push({
      step: frame.index,
      cells: cellsFor(trace, lesson, index),
      isCurrent: index === current,
      isReached: index <= current,
      isSkipped: frame.isSkipped,
      isDiverged: frame.isDiverged,
      isStaleRead: frame.event === 'stale-read',
      event: frame.event,
    });
  }
  return rows;
}

/** Rows per block of the rendered table (see `stepBlocks`). */
export const TABLE_BLOCK = 50;

/**
 * Steps 1..M cut into blocks of `size`. The table renders each block as one memoised part, so
 * a step change re-renders the blocks holding the old and the new current row, not a row
 * element per step of a long trace (the rows themselves are memoised too).
 */
export function stepBlocks(trace: Trace, size = TABLE_BLOCK): StepRange[] {
  const last = trace.frames.length - 1;
  const blocks: StepRange[] = [];
  for (let from = 1; from <= last; from += size) {
    blocks.push({ from, to: Math.min(last, from + size - 1) });
  }
  return blocks;
}
