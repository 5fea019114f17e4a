import { useId } from 'react';
import { isInWindow, type ColumnRange, type TimelineLane } from './timeline-view';
import { TimelineCardItem } from './TimelineCardItem';
import { TimelinePlaceholder } from './TimelinePlaceholder';

export interface TimelineLaneRowProps {
  lane: TimelineLane;
  /** The current step; this lane's cards up to it are reached. */
  current: number;
  /** The columns rendered in a long timeline; `null` (the default) for all of them. */
  ranges?: readonly ColumnRange[] | null;
}

/**
 * One actor's lane: a list named by its visible header, with each of the actor's steps in its
 * own column of the shared time axis. Steps not reached yet are faint placeholders.
 */
export function TimelineLaneRow({ lane, current, ranges = null }: TimelineLaneRowProps) {
  const headId = useId();
  return (
    <div className="timeline__row timeline__lane" data-colour={lane.colour}>
      <h3 className="timeline__head" id={headId}>
        {lane.actor}
      </h3>
      <ol className="timeline__cells" aria-labelledby={headId}>
        {lane.cards
          .filter((card) => isInWindow(ranges, card.step))
          .map((card) =>
            card.step <= current ? (
              // A different key from the placeholder, so a newly reached card mounts and animates in.
              <TimelineCardItem
                key={`card-${card.step}`}
                card={card}
                isCurrent={card.step === current}
              />
            ) : (
              <TimelinePlaceholder key={`todo-${card.step}`} step={card.step} />
            ),
          )}
      </ol>
    </div>
  );
}
