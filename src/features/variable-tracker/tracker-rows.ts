import type { Lesson, Trace } from '../../engine';
import { clampStep as clampToLastStep } from '../../store/clamp-step';

/** One column of the tracker: the state after a frame (0 = start). */
export interface TrackerColumn {
  /** Frame index, 0..M. */
  index: number;
  /** `Start`, `After Step k`, or `Final` for the last frame. */
  header: string;
  isCurrent: boolean;
}

/** One value of a tracked variable at one frame. */
export interface TrackerCell {
  index: number;
  /**
   * The variable's Python repr; `''` (no text at all) for frames not reached yet, and `-` for a
   * reached frame where the variable has no value yet (the seed's own "none" mark).
   */
  text: string;
  isReached: boolean;
  /** The variable has no value at this reached frame. */
  isUnset: boolean;
  /** This frame's step changed the variable. */
  isChanged: boolean;
  isCurrent: boolean;
}

export interface TrackerRow {
  name: string;
  cells: TrackerCell[];
}

export interface TrackerView {
  columns: TrackerColumn[];
  rows: TrackerRow[];
}

/** The header of frame `index` in an M-step lesson: `Start`, `After Step k` … `Final`. */
export function trackerHeader(index: number, stepCount: number): string {
  if (index === 0) return 'Start';
  if (index >= stepCount) return 'Final';
  return `After Step ${index}`;
}

/** A run of frames, `from`..`to` inclusive (0 = the start). */
export interface FrameRange {
  from: number;
  to: number;
}

/** `step` as a frame index of the trace: a whole number clamped to 0..M. */
export function clampStep(trace: Trace, step: number): number {
  return clampToLastStep(step, trace.frames.length - 1);
}

const framesIn = (trace: Trace, range?: FrameRange) =>
  range ? trace.frames.slice(Math.max(0, range.from), range.to + 1) : trace.frames;

/** The tracker's columns at `step` (all, or those of `range`). */
export function trackerColumns(trace: Trace, step: number, range?: FrameRange): TrackerColumn[] {
  const stepCount = Math.max(0, trace.frames.length - 1);
  const current = clampStep(trace, step);
  return framesIn(trace, range).map((frame) => ({
    index: frame.index,
    header: trackerHeader(frame.index, stepCount),
    isCurrent: frame.index === current,
  }));
}

/** One tracked variable's cells at `step` (all, or those of `range`). */
export function trackerCells(
  trace: Trace,
  name: string,
  step: number,
  range?: FrameRange,
): TrackerCell[] {
  const current = clampStep(trace, step);
  return framesIn(trace, range).map((frame): TrackerCell => {
    const isReached = frame.index <= current;
    const value = isReached ? frame.vars[name] : undefined;
    const isUnset = isReached && value === undefined;
    return {
      index: frame.index,
      text: isReached ? (value ?? '-') : '',
      isReached,
      isUnset,
      isChanged: isReached && frame.changedVars.includes(name),
      isCurrent: frame.index === current,
    };
  });
}

/**
 * The variable tracker at `step`: a column per frame 0..M and a row per tracked variable.
 * Values show only up to the current step, so the tracker fills in as the player moves.
 * `step` is clamped to the trace.
 */
export function trackerRows(trace: Trace, lesson: Lesson, step: number): TrackerView {
  return {
    columns: trackerColumns(trace, step),
    rows: lesson.tracked.map(({ name }) => ({ name, cells: trackerCells(trace, name, step) })),
  };
}

/** Frames per block of the rendered tracker (see `frameBlocks`). */
export const TRACKER_BLOCK = 50;

/**
 * Frames 0..M cut into blocks of `size`. The tracker renders each block of a row as one
 * memoised part, so a step change re-renders the blocks holding the old and the new current
 * column, not a cell per frame of a long trace.
 */
export function frameBlocks(trace: Trace, size = TRACKER_BLOCK): FrameRange[] {
  const blocks: FrameRange[] = [];
  for (let from = 0; from < trace.frames.length; from += size) {
    blocks.push({ from, to: Math.min(trace.frames.length, from + size) - 1 });
  }
  return blocks;
}

/**
 * The step as a block sees it: the same as `current` inside the block, otherwise just before
 * or after it. Nothing in the block changes when the player moves elsewhere, so its props
 * stay equal and it does not re-render. `current` is a clamped step (see `clampStep`).
 */
export function blockStep(current: number, { from, to }: FrameRange): number {
  return Math.min(Math.max(current, from - 1), to + 1);
}
