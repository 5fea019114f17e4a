import { memo } from 'react';
import { isInWindow, isSameWindow, type ColumnRange } from './timeline-view';

export interface TimelineAxisProps {
  stepCount: number;
  /** The columns rendered in a long timeline; `null` (the default) for all of them. */
  ranges?: readonly ColumnRange[] | null;
}

/**
 * The column headings of the shared time axis. Hidden from screen readers: every card and bar
 * already says its step, so reading 1..M again would only be noise. It depends on the step
 * count and the window alone (the highlight band marks the current column), so stepping does
 * not re-render it.
 */
export const TimelineAxis = memo(
  function TimelineAxis({ stepCount, ranges = null }: TimelineAxisProps) {
    const ticks: number[] = [];
    for (let step = 1; step <= stepCount; step += 1) if (isInWindow(ranges, step)) ticks.push(step);
    return (
      <div className="timeline__row timeline__axis" aria-hidden="true">
        <span className="timeline__head timeline__head--axis">Step</span>
        <span className="timeline__cells">
          {ticks.map((step) => (
            <span key={step} className="timeline__tick" style={{ gridColumn: step }}>
              {step}
            </span>
          ))}
        </span>
      </div>
    );
  },
  (before, after) =>
    before.stepCount === after.stepCount &&
    isSameWindow(before.ranges ?? null, after.ranges ?? null),
);
