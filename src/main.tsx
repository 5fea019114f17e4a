import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { FirstView, firstViewKey, isPrerenderedView, prerenderedViewOf } from './app/first-view';
import { startServiceWorker } from './app/service-worker';
import { startAt, useAppStore } from './store/store';
import { parseUrlState } from './store/url-state';
import './app/theme.css';
import './app/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const search = window.location.search;
// The page's inline script put another prerendered view in #root for exactly `?view=<name>`.
const view = prerenderedViewOf(search);
const isPrerenderedOtherView = view !== null && root.dataset.prerenderView === view;
// The build put the first view's HTML in #root; hydrate it when this visit renders the same:
// the same address and fresh preferences (no stored sandbox scenario for the other views).
if (
  root.dataset.prerenderKey !== undefined &&
  root.firstElementChild &&
  (isPrerenderedView(search) ||
    (isPrerenderedOtherView && useAppStore.getState().sandboxText === null)) &&
  root.dataset.prerenderKey === firstViewKey()
) {
  // The view the address names is on screen already: the store shows it from the first render.
  if (view !== null) startAt(parseUrlState(search));
  // The page is already painted: hydrate in slices that leave the main thread free between them.
  startTransition(() => {
    hydrateRoot(root, <FirstView />);
  });
} else {
  root.replaceChildren();
  createRoot(root).render(<FirstView />);
}
startServiceWorker();
