/**
 * What a learner did on the prerendered page before the app owned it. index.html's inline
 * script keeps, in order, the clicks on buttons in #root (until React hydrates the page) and the
 * shortcut keys pressed while the prerendered page is on screen (until the app is ready); the
 * app replays them here once it is ready, so a `Next step` clicked or a clicker pressed while
 * the script was still loading is not lost. A loading screen or a blank page keeps nothing: a
 * key pressed there is ignored, as the app ignores it until the lesson is ready.
 */
type EarlyAction =
  | { readonly kind: 'click'; readonly target: Element }
  | { readonly kind: 'key'; readonly key: string; readonly code: string };

interface EarlyActions {
  actions: unknown[];
  isKeepingClicks: boolean;
  isKeepingKeys: boolean;
}

declare global {
  interface Window {
    __dclEarlyActions?: unknown;
  }
}

/** The inline script's record, or null (no script: tests, or a page without it). */
function record(): EarlyActions | null {
  const early = typeof window === 'undefined' ? undefined : window.__dclEarlyActions;
  if (typeof early !== 'object' || early === null) return null;
  const candidate = early as Partial<EarlyActions>;
  return Array.isArray(candidate.actions) ? (candidate as EarlyActions) : null;
}

function isEarlyAction(value: unknown): value is EarlyAction {
  if (typeof value !== 'object' || value === null) return false;
  const action = value as Record<string, unknown>;
  if (action.kind === 'click') return action.target instanceof Element;
  return action.kind === 'key' && typeof action.key === 'string' && typeof action.code === 'string';
}

/** React hydrates the page now: from here on it handles clicks itself (hydration replays them). */
export function stopKeepingEarlyClicks(): void {
  const early = record();
  if (early) early.isKeepingClicks = false;
}

/** Stop keeping anything, and take what was kept. */
function takeEarlyActions(): unknown[] {
  const early = record();
  if (!early) return [];
  early.isKeepingClicks = false;
  early.isKeepingKeys = false;
  return early.actions.splice(0);
}

/**
 * The page is rendered from scratch (another address, other stored preferences): what was done
 * on the prerendered page it replaces does not apply to it. Stop keeping, and drop what was kept.
 */
export function discardEarlyActions(): void {
  takeEarlyActions();
}

/**
 * The app is ready: stop keeping, and replay what was kept, in order. A click goes to its button
 * when the button is still on the page (hydration keeps the prerendered elements; a page
 * rendered from scratch replaced them, and a disabled button ignores it, as it would have); a key
 * is pressed again on the document's body. Returns how many actions were replayed.
 */
export function replayEarlyActions(): number {
  let replayed = 0;
  for (const action of takeEarlyActions()) {
    if (!isEarlyAction(action)) continue;
    if (action.kind === 'click') {
      if (!(action.target instanceof HTMLElement) || !action.target.isConnected) continue;
      action.target.click();
    } else {
      document.body.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: action.key,
          code: action.code,
          bubbles: true,
          cancelable: true,
        }),
      );
    }
    replayed += 1;
  }
  return replayed;
}
