import { memo, type CSSProperties } from 'react';
import type { QueryBar } from './timeline-view';

export interface QueryBarItemProps {
  bar: QueryBar;
  /** The player is on this bar's step. @default false */
  isCurrent?: boolean;
}

/** One step's bar, with the number as text. Memoised: stepping re-renders only two bars. */
export const QueryBarItem = memo(function QueryBarItem({
  bar,
  isCurrent = false,
}: QueryBarItemProps) {
  return (
    <li
      className={`timeline__bar${isCurrent ? ' timeline__bar--current' : ''}`}
      style={{ gridColumn: bar.step, '--timeline-ratio': bar.ratio } as CSSProperties}
    >
      <span className="visually-hidden">Step {bar.step}: </span>
      <span className="timeline__bar-track" aria-hidden="true">
        <span className="timeline__bar-fill" />
      </span>
      <span className="timeline__bar-value">
        {bar.queries}
        <span className="visually-hidden">{bar.queries === 1 ? ' query' : ' queries'}</span>
      </span>
    </li>
  );
});
