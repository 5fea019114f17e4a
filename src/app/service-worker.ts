import { registerSW } from 'virtual:pwa-register';

/**
 * The service worker (built by vite-plugin-pwa with Workbox) precaches the whole app, so every
 * view opens offline after the first visit and an open tab keeps its own version's chunks after
 * a redeploy. A new version waits until the learner chooses `Reload to update`.
 *
 * Client-only: `startServiceWorker` runs from main.tsx at an idle moment after load, never during a
 * render (the build prerenders the first view in Node, where there is no navigator).
 */

const HOUR = 60 * 60 * 1000;

let isUpdateWaiting = false;
const listeners = new Set<() => void>();
let activateUpdate: ((reloadPage?: boolean) => Promise<void>) | null = null;
let registration: ServiceWorkerRegistration | undefined;
let pendingCheck: Promise<unknown> | null = null;

export function startServiceWorker(): void {
  if (activateUpdate || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  activateUpdate = registerSW({
    immediate: true,
    onNeedRefresh() {
      isUpdateWaiting = true;
      listeners.forEach((listener) => listener());
    },
    onRegisteredSW(_url, registered) {
      registration = registered;
    },
  });
  // An open tab looks for a redeploy hourly and whenever it comes back to the foreground.
  window.setInterval(checkForUpdate, HOUR);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') checkForUpdate();
  });
}

/**
 * Ask the server whether a new version is deployed (one small request for the worker script).
 * Called on view changes and after a chunk failed to load, which is what a redeploy under an
 * open tab looks like. Does nothing offline, before registration, or while a check runs.
 */
export function checkForUpdate(): void {
  if (!registration || pendingCheck || !navigator.onLine) return;
  pendingCheck = registration
    .update()
    .catch(() => undefined)
    .finally(() => {
      pendingCheck = null;
    });
}

export function subscribeToUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasUpdateWaiting(): boolean {
  return isUpdateWaiting;
}

/**
 * Let the waiting version take over, then reload the page into it. The reload is ours: the
 * plugin reloads only a tab that was already controlled when it opened, not one whose first
 * visit is still open.
 */
export function reloadToUpdate(): void {
  if (!activateUpdate) {
    window.location.reload();
    return;
  }
  let isReloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (isReloading) return;
    isReloading = true;
    window.location.reload();
  });
  void activateUpdate(true);
}
