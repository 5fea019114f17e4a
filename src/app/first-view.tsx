import { StrictMode, useEffect } from 'react';
import { useAppStore, type AppState } from '../store/store';
import { App } from './App';

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
 */
function ReadyMark() {
  const isReady = useAppStore((s) => s.isReady);
  useEffect(() => {
    if (isReady) document.documentElement.dataset.ready = 'true';
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
