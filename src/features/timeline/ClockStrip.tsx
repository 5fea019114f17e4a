import { useId } from 'react';
import { isInWindow, type ClockMark, type ColumnRange } from './timeline-view';

export interface ClockStripProps {
  marks: readonly ClockMark[];
  current: number;
  /** The columns rendered in a long timeline; `null` (the default) for all of them. */
  ranges?: readonly ColumnRange[] | null;
}

/** The simulated clock under each reached step's column: `t = 60s`. */
export function ClockStrip({ marks, current, ranges = null }: ClockStripProps) {
  const headId = useId();
  return (
    <div className="timeline__row timeline__clock">
      <h3 className="timeline__head" id={headId}>
        Clock
      </h3>
      <ol className="timeline__cells" aria-labelledby={headId}>
        {marks
          .filter((mark) => mark.step <= current && isInWindow(ranges, mark.step))
          .map((mark) => (
            <li
              key={mark.step}
              className={`timeline__time${mark.step === current ? ' timeline__time--current' : ''}`}
              style={{ gridColumn: mark.step }}
            >
              <span className="visually-hidden">After step {mark.step}: </span>
              <span className="mono">t = {mark.seconds}s</span>
            </li>
          ))}
      </ol>
    </div>
  );
}
