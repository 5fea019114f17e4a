import { memo } from 'react';
import type { TimelineCard } from './timeline-view';
import { TimelineChipItem } from './TimelineChipItem';

export interface TimelineCardItemProps {
  card: TimelineCard;
  /** The player is on this step: the card is marked `aria-current="step"`. @default false */
  isCurrent?: boolean;
}

/**
 * A reached step in its actor's lane: step number, action and what its operations did.
 * Memoised: cards come from a per-trace cache, so only the old and new current cards re-render.
 */
export const TimelineCardItem = memo(function TimelineCardItem({
  card,
  isCurrent = false,
}: TimelineCardItemProps) {
  const classes = [
    'timeline__card',
    isCurrent ? 'timeline__card--current' : '',
    card.isSkipped ? 'timeline__card--skipped' : '',
    card.isDiverged ? 'timeline__card--diverged' : '',
  ];
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      style={{ gridColumn: card.step }}
      aria-current={isCurrent ? 'step' : undefined}
    >
      <p className="timeline__step">
        {isCurrent ? (
          <span className="timeline__marker" aria-hidden="true">
            ▶
          </span>
        ) : null}
        Step {card.step}
        {card.isDiverged && !card.isSkipped ? (
          <span className="timeline__tag">what-if path</span>
        ) : null}
      </p>
      <p className="timeline__action">{card.action}</p>
      {card.chips.length > 0 ? (
        <ul className="timeline__chips">
          {card.chips.map((chip, i) => (
            // A frame's outcomes never reorder, so their position is a stable key.
            <TimelineChipItem key={i} chip={chip} />
          ))}
        </ul>
      ) : (
        <p className="timeline__quiet">No cache or database call.</p>
      )}
    </li>
  );
});
