import { Badge } from '../../components/Badge';
import type { CacheEntryRow } from './cache-view';

export interface CacheEntryItemProps {
  entry: CacheEntryRow;
}

/** One live cache entry: final key, the key the code used, value, time to live. */
export function CacheEntryItem({ entry }: CacheEntryItemProps) {
  const classes = ['cachepanel__entry'];
  if (entry.isNew) classes.push('cachepanel__entry--new');
  if (entry.isStale) classes.push('cachepanel__entry--differs');
  if (entry.ttlState === 'expired') classes.push('cachepanel__entry--expired');
  return (
    <li className={classes.join(' ')}>
      <div className="cachepanel__key">
        <code className="cachepanel__final-key">{entry.key}</code>
        <span className="cachepanel__raw-key">
          key in code <code>{entry.rawKey}</code>
        </span>
      </div>
      <div
        className={
          entry.isChanged ? 'cachepanel__value cachepanel__value--changed' : 'cachepanel__value'
        }
      >
        <span className="cachepanel__label">Value</span>{' '}
        {entry.before === null ? null : (
          <>
            <del className="cachepanel__before">
              <span className="visually-hidden">was </span>
              <code>{entry.before}</code>
            </del>
            <span aria-hidden="true"> → </span>
          </>
        )}
        <code>{entry.value}</code>
        {entry.isStale ? (
          <>
            {' '}
            <Badge tone="stale">stale</Badge>
          </>
        ) : null}
      </div>
      {entry.isStale && entry.dbValue !== null ? (
        <p className="cachepanel__db-has">
          DB has <code>{entry.dbValue}</code>
        </p>
      ) : null}
      <div className={`cachepanel__ttl cachepanel__ttl--${entry.ttlState}`}>
        {entry.ttlState === 'expired' ? (
          <Badge tone="expired">{entry.ttlText}</Badge>
        ) : (
          <>
            <span className="cachepanel__label">Time to live</span> {entry.ttlText}
          </>
        )}
      </div>
    </li>
  );
}
