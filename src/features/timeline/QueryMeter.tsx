import { useId } from 'react';
import { QueryBarItem } from './QueryBarItem';
import { isInWindow, type ColumnRange, type QueryBar } from './timeline-view';

export interface QueryMeterProps {
  bars: readonly QueryBar[];
  current: number;
  /** The columns rendered in a long timeline; `null` (the default) for all of them. */
  ranges?: readonly ColumnRange[] | null;
}

/**
 * DB queries per step: a bar per reached step, scaled to the busiest step of the lesson, with
 * the count as text, so a herd of identical queries shows as a spike.
 */
export function QueryMeter({ bars, current, ranges = null }: QueryMeterProps) {
  const headId = useId();
  return (
    <div className="timeline__row timeline__meter">
      <h3 className="timeline__head" id={headId}>
        DB queries per step
      </h3>
      <ol className="timeline__cells" aria-labelledby={headId}>
        {bars
          .filter((bar) => bar.step <= current && isInWindow(ranges, bar.step))
          .map((bar) => (
            <QueryBarItem key={bar.step} bar={bar} isCurrent={bar.step === current} />
          ))}
      </ol>
    </div>
  );
}
