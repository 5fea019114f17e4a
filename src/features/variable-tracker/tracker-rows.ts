import type { Lesson, Trace } from '../../engine';

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

/**
 * The variable tracker at `step`: a column per frame 0..M and a row per tracked variable.
 * Values show only up to the current step, so the tracker fills in as the player moves.
 * `step` is clamped to the trace.
 */
export function trackerRows(trace: Trace, lesson: Lesson, step: number): TrackerView {
  const frames = trace.frames;
  const stepCount = Math.max(0, frames.length - 1);
  const current = Math.min(Math.max(0, Math.trunc(step) || 0), stepCount);
  const columns = frames.map((frame) => ({
    index: frame.index,
    header: trackerHeader(frame.index, stepCount),
    isCurrent: frame.index === current,
  }));
  const rows = lesson.tracked.map(({ name }) => ({
    name,
    cells: frames.map((frame): TrackerCell => {
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
    }),
  }));
  return { columns, rows };
}
