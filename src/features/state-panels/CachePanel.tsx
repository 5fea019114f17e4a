import { useMemo, useRef } from 'react';
import { Panel } from '../../components/Panel';
import { offsetTopInBox, useKeepInView } from '../../components/use-keep-in-view';
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
  const bodyRef = useRef<HTMLDivElement>(null);
  // Where the Stage gives the panel less room than it needs, its body scrolls: keep the entry
  // this step changed in view.
  useKeepInView(bodyRef, frame, showChangedEntry);
  return (
    <Panel
      id="cache"
      title="Cache"
      className="cachepanel"
      bodyRef={bodyRef}
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

/**
 * Scrolls the panel's body to the entry this step added, changed or deleted, showing as much
 * of what is above it (this step's requests) as fits; to the top when no entry changed.
 */
function showChangedEntry(box: HTMLElement): void {
  if (box.scrollHeight <= box.clientHeight) return;
  const changed = box
    .querySelector(
      '.cachepanel__entry--new, .cachepanel__entry--ghost, .cachepanel__value--changed',
    )
    ?.closest('li');
  if (!changed) {
    box.scrollTop = 0;
    return;
  }
  const top = offsetTopInBox(box, changed);
  // Its bottom at the box's bottom (2 px over: offsets are whole pixels, the layout is not),
  // or its top at the box's top when it is taller than the box.
  const bottom = top + changed.offsetHeight + 2;
  box.scrollTop = Math.max(0, Math.min(top, bottom - box.clientHeight));
}
