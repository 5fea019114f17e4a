import { useMemo } from 'react';
import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { selectFrame } from '../../store/selectors';
import { buildCacheView, formatSeconds, tracksTime } from './cache-view';
import { selectFrames, selectPreviousFrame } from './frame-selectors';
import { CacheFlow } from './CacheFlow';
import { CacheEntryItem } from './CacheEntryItem';
import { CacheGhostItem } from './CacheGhostItem';
import './state-panels.css';

/**
 * The fake cache at the current step: what this step's requests did (hit or miss), then the
 * entries, most recently used first, with their time to live and a warning on any entry whose
 * value no longer matches the database.
 */
export function CachePanel() {
  const frame = useAppStore(selectFrame);
  const previous = useAppStore(selectPreviousFrame);
  const frames = useAppStore(selectFrames);
  const view = useMemo(() => buildCacheView(frame, previous), [frame, previous]);
  const isTimed = useMemo(() => tracksTime(frames), [frames]);
  const hasRows = view.entries.length > 0 || view.ghosts.length > 0;
  return (
    <Panel
      id="cache"
      title="Cache"
      className="cachepanel"
      actions={
        isTimed ? (
          <p className="cachepanel__clock">Clock: t = {formatSeconds(frame.clock)}s</p>
        ) : null
      }
    >
      <CacheFlow requests={view.requests} calls={view.calls} />
      {view.isEmpty ? <p className="cachepanel__empty">The cache is empty.</p> : null}
      {hasRows ? (
        <ul className="cachepanel__entries" aria-label="Cache entries">
          {view.ghosts.map((ghost) => (
            <CacheGhostItem key={`ghost:${ghost.rawKey}@${frame.index}`} ghost={ghost} />
          ))}
          {view.entries.map((entry) => (
            <CacheEntryItem
              // A new key restarts the grow / flash animation on each step that changes the entry.
              key={entry.isNew || entry.isChanged ? `${entry.key}@${frame.index}` : entry.key}
              entry={entry}
            />
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
