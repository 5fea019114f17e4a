import { Badge } from '../../components/Badge';
import type { CacheGhostRow } from './cache-view';

export interface CacheGhostItemProps {
  ghost: CacheGhostRow;
}

/** An entry this step deleted: struck through and fading, so the change is seen, not missed. */
export function CacheGhostItem({ ghost }: CacheGhostItemProps) {
  return (
    <li className="cachepanel__entry cachepanel__entry--ghost">
      <div className="cachepanel__key">
        <del className="cachepanel__final-key">
          <code>{ghost.key}</code>
        </del>{' '}
        <Badge tone="invalidate">deleted</Badge>
      </div>
      {ghost.value === null ? null : (
        <div className="cachepanel__value">
          <span className="cachepanel__label">Value</span>{' '}
          <del>
            <code>{ghost.value}</code>
          </del>
        </div>
      )}
    </li>
  );
}
