import { StrictMode, useEffect } from 'react';
import { useAppStore, type AppState } from '../store/store';
import { VIEWS } from '../store/url-state';
import { App } from './App';
import { replayEarlyActions } from './early-actions';

/**
 * The build prerenders the first view: the default lesson at step 0 (the address with no query,
 * where the store starts ready), with fresh preferences. The browser hydrates that HTML when it would render the same (same
 * address, same stored preferences), so the first paint does not wait for JavaScript; any other
 * visit renders from scratch.
 */
export function FirstView() {
  return (
    <StrictMode>
      <App />
      <ReadyMark />
    </StrictMode>
  );
}

/**
 * Marks `<html data-ready>` once React owns the page (hydrated or rendered) and the address has
 * been applied: before that, the prerendered controls are painted but not yet wired, and a lesson
 * named in the address may still be loading its chunk. Browser tests wait for it after a load.
 * Then what the learner clicked or pressed before is replayed (early-actions.ts): after the
 * controls' own adoption of early input, which also waits for the end of this render's effects.
 */
function ReadyMark() {
  const isReady = useAppStore((s) => s.isReady);
  useEffect(() => {
    if (!isReady) return;
    document.documentElement.dataset.ready = 'true';
    queueMicrotask(() => void replayEarlyActions());
  }, [isReady]);
  return null;
}

/** What, besides the address, changes the first view: the stored preferences and progress. */
export function firstViewKey(state: AppState = useAppStore.getState()): string {
  const partialize = useAppStore.persist.getOptions().partialize;
  return JSON.stringify(partialize ? partialize(state) : {});
}

/** Whether the prerendered HTML is what this visit would render (no query in the address). */
export function isPrerenderedView(search: string): boolean {
  return search.length <= 1;
}

/**
 * The other views the build prerenders, each the text of a `<script type="text/html">` in
 * index.html. The page's inline script puts one in #root (and names it in
 * `data-prerender-view`) when the address is exactly `?view=<name>`; any other query renders
 * from scratch. The sandbox's editor is prerendered empty (`emptyEditor` in
 * prerendered-html.ts): its example scenario (4.9 KB gzipped) took index.html past what a new
 * connection's first round trip carries (14.8 KB), which delayed every view's first paint.
 * Hydration puts the scenario in the editor (React sets a textarea's value from its props when
 * it hydrates it).
 */
export const PRERENDERED_VIEWS = VIEWS;

/** The view whose prerendered HTML this address shows, if it is exactly `?view=<name>`. */
export function prerenderedViewOf(search: string): (typeof VIEWS)[number] | null {
  return PRERENDERED_VIEWS.find((view) => search === `?view=${view}`) ?? null;
}
