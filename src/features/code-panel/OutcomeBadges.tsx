import { Badge } from '../../components/Badge';
import type { OutcomeBadge } from './view-model';

export interface OutcomeBadgesProps {
  /** This step's outcomes, already mapped to badges. */
  badges: OutcomeBadge[];
}

/** What the step's cache and database calls did: a badge (icon + word) and the key as code. */
export function OutcomeBadges({ badges }: OutcomeBadgesProps) {
  if (badges.length === 0) return null;
  return (
    <ul className="code__outcomes" aria-label="What this step did">
      {badges.map((badge, i) => (
        // Outcomes of one frame never reorder, so their position is a stable key.
        <li key={i} className="code__outcome">
          <Badge tone={badge.tone}>{badge.word}</Badge> <code>{badge.subject}</code>
          {badge.actor ? <span className="code__actor"> ({badge.actor})</span> : null}
        </li>
      ))}
    </ul>
  );
}
