import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { preloadView } from './app/App';
import { discardEarlyActions, stopKeepingEarlyClicks } from './app/early-actions';
import { FirstView, firstViewKey, isPrerenderedView, prerenderedViewOf } from './app/first-view';
import { startServiceWorker } from './app/service-worker';
import { idleMoment, nextTask } from './components/next-task';
import { DEFAULT_LESSON_ID, findLesson } from './lessons';
import { FIRST_TRACE_ELEMENT_ID, parseFirstTrace } from './store/first-trace';
import { startAt } from './store/store';
import { adoptTrace } from './store/trace-cache';
import { parseUrlState } from './store/url-state';
import './app/theme.css';
import './app/base.css';

/** The default lesson's trace, as the build computed it for the prerendered page. */
function adoptFirstTrace(): void {
  const lesson = findLesson(DEFAULT_LESSON_ID);
  const text = document.getElementById(FIRST_TRACE_ELEMENT_ID)?.textContent;
  if (!lesson || !text) return;
  const trace = parseFirstTrace(text, lesson.id, lesson.steps.length + 1);
  if (trace) adoptTrace(lesson, trace);
}

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const search = window.location.search;
// The page's inline script put another prerendered view in #root for exactly `?view=<name>`.
const view = prerenderedViewOf(search);
const isPrerenderedOtherView = view !== null && root.dataset.prerenderView === view;
// The build put the first view's HTML in #root; hydrate it when this visit renders the same:
// the same address and fresh preferences.
if (
  root.dataset.prerenderKey !== undefined &&
  root.firstElementChild &&
  (isPrerenderedView(search) || isPrerenderedOtherView) &&
  root.dataset.prerenderKey === firstViewKey()
) {
  // The page is already painted: hydrate in slices that leave the main thread free between them.
  const hydrate = (): void => {
    stopKeepingEarlyClicks();
    startTransition(() => {
      hydrateRoot(root, <FirstView />);
    });
  };
  if (view !== null) {
    // The view the address names is on screen already: the store shows it from the first
    // render, and its chunk is loaded first so that it hydrates with the page (see
    // `preloadView`), starting in a task of its own rather than in the long one evaluating
    // this bundle. A chunk that fails shows the view's retry once hydrated.
    startAt(parseUrlState(search));
    void nextTask()
      .then(() => preloadView(view))
      .then(hydrate, hydrate);
  } else {
    adoptFirstTrace();
    hydrate();
  }
} else {
  discardEarlyActions();
  root.replaceChildren();
  createRoot(root).render(<FirstView />);
}
// The worker precaches the whole app: it starts once the page has loaded and the main thread is
// idle, so neither its registration nor its downloads compete with the first view. (The
// bundle itself starts after the first paint, often after the load event.)
const startWorkerWhenIdle = (): void => void idleMoment().then(startServiceWorker);
if (document.readyState === 'complete') startWorkerWhenIdle();
else window.addEventListener('load', startWorkerWhenIdle, { once: true });
