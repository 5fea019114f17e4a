import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { FirstView, firstViewKey, isPrerenderedView } from './app/first-view';
import { startServiceWorker } from './app/service-worker';
import './app/theme.css';
import './app/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const search = window.location.search;
// The build put the first view's HTML in #root; hydrate it when this visit renders the same.
if (
  root.dataset.prerenderKey !== undefined &&
  root.firstElementChild &&
  isPrerenderedView(search) &&
  root.dataset.prerenderKey === firstViewKey()
) {
  // The page is already painted: hydrate in slices that leave the main thread free between them.
  startTransition(() => {
    hydrateRoot(root, <FirstView />);
  });
} else {
  root.replaceChildren();
  createRoot(root).render(<FirstView />);
}
startServiceWorker();
