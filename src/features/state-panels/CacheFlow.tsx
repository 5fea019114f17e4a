import { Badge } from '../../components/Badge';
import type { CacheCallRow, CacheRequestRow } from './cache-view';

export interface CacheFlowProps {
  requests: CacheRequestRow[];
  calls: CacheCallRow[];
}

/**
 * What went through the cache this step: each read as a strip request → Cache → Database,
 * and any other cache call with its return value.
 */
export function CacheFlow({ requests, calls }: CacheFlowProps) {
  if (requests.length === 0 && calls.length === 0) {
    return <p className="cachepanel__quiet">No cache operation in this step.</p>;
  }
  return (
    <ul className="cachepanel__flow" aria-label="Cache operations in this step">
      {requests.map((request, i) => (
        <CacheRequest key={`r${i}`} request={request} />
      ))}
      {calls.map((call, i) => (
        <li key={`c${i}`} className="cachepanel__call">
          <span className="cachepanel__node">{call.actor}</span>
          <Arrow />
          <code>{call.call}</code>
          {call.result === null ? null : (
            <>
              <Arrow />
              <code>{call.result}</code>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function Arrow() {
  return (
    <span className="cachepanel__arrow" aria-hidden="true">
      →
    </span>
  );
}

function CacheRequest({ request }: { request: CacheRequestRow }) {
  return (
    <li className="cachepanel__request">
      <span className="cachepanel__node">{request.actor}</span>
      <Arrow />
      <span className="cachepanel__node cachepanel__node--cache">
        Cache {request.isHit ? <Badge tone="hit">hit</Badge> : <Badge tone="miss">miss</Badge>}{' '}
        <code>{request.rawKey}</code>
      </span>
      {request.isHit ? (
        <>
          <span className="cachepanel__served">
            served <code>{request.servedValue}</code>
          </span>
          <span className="cachepanel__node cachepanel__node--idle">Database not queried</span>
        </>
      ) : (
        <>
          {request.dbValue === null ? null : (
            <>
              <span className="cachepanel__read">→ read DB</span>
              <span className="cachepanel__node cachepanel__node--db">
                Database <code>{request.dbValue}</code>
              </span>
            </>
          )}
          {request.cachedValue === null ? null : (
            <span className="cachepanel__served">
              <span aria-hidden="true">→ </span>cached <code>{request.cachedValue}</code>
            </span>
          )}
        </>
      )}
    </li>
  );
}
