import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../store/store';
import {
  checkForUpdate,
  hasUpdateWaiting,
  reloadToUpdate,
  subscribeToUpdate,
} from './service-worker';
import './update-prompt.css';

/**
 * After a redeploy the open tab keeps working on the version it has (the service worker serves
 * it) and offers `Reload to update`. The polite live region is always there, empty until then, so
 * a screen reader announces the offer when it appears. (No `status` role: the player's step
 * status is the page's one status, as the interface contract has it.)
 */
export function UpdatePrompt() {
  const isWaiting = useSyncExternalStore(subscribeToUpdate, hasUpdateWaiting, () => false);
  const view = useAppStore((s) => s.view);
  // Moving to another view is a good moment to look for a new version.
  useEffect(() => checkForUpdate(), [view]);
  return (
    <div aria-live="polite" className={isWaiting ? 'update-prompt' : undefined}>
      {isWaiting ? (
        <>
          <p className="update-prompt__text">A new version of Django Cache Lab is ready.</p>
          <button type="button" className="button button--primary" onClick={reloadToUpdate}>
            Reload to update
          </button>
        </>
      ) : null}
    </div>
  );
}
