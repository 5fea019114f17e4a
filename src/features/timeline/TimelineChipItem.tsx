import { Badge } from '../../components/Badge';
import type { TimelineChip } from './timeline-view';

export interface TimelineChipItemProps {
  chip: TimelineChip;
}

/** One outcome on a card: icon + word in a badge, then the value or key as code. */
export function TimelineChipItem({ chip }: TimelineChipItemProps) {
  return (
    <li className="timeline__chip">
      <Badge tone={chip.tone} isIconHidden>
        {/* The timeline has more kinds of outcome than Badge has tones, so it brings its own icon. */}
        <span className="badge__icon" aria-hidden="true">
          {chip.icon}
        </span>
        {chip.word}
      </Badge>
      {chip.detail ? (
        <>
          {' '}
          <code className="timeline__detail">{chip.detail}</code>
        </>
      ) : null}
      {chip.note ? <span className="timeline__note"> {chip.note}</span> : null}
      {chip.actor ? <span className="timeline__note"> ({chip.actor})</span> : null}
    </li>
  );
}
