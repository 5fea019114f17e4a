import { memo } from 'react';

export interface TimelineAxisProps {
  stepCount: number;
}

/**
 * The column headings of the shared time axis. Hidden from screen readers: every card and bar
 * already says its step, so reading 1..M again would only be noise. It depends on the step
 * count alone (the highlight band marks the current column), so stepping never re-renders it.
 */
export const TimelineAxis = memo(function TimelineAxis({ stepCount }: TimelineAxisProps) {
  return (
    <div className="timeline__row timeline__axis" aria-hidden="true">
      <span className="timeline__head timeline__head--axis">Step</span>
      <span className="timeline__cells">
        {Array.from({ length: stepCount }, (_, i) => (
          <span key={i} className="timeline__tick" style={{ gridColumn: i + 1 }}>
            {i + 1}
          </span>
        ))}
      </span>
    </div>
  );
});
