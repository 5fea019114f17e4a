import { prerender } from 'react-dom/static';
import { FirstView, firstViewKey, PRERENDERED_VIEWS } from './app/first-view';
import { emptyEditor } from './app/prerendered-html';
import { DEFAULT_LESSON_ID, findLesson } from './lessons';
import { FIRST_TRACE_ELEMENT_ID, traceToScriptJson } from './store/first-trace';
import { startAt } from './store/store';
import { traceOf } from './store/trace-cache';
import { parseUrlState } from './store/url-state';

/** One view's HTML, finished: lazily loaded panels and views included. */
async function renderView(): Promise<string> {
  // The first pass starts loading the lazily loaded panels; the second renders them in place,
  // so their room and content are in the HTML from the first paint (no hidden segments
  // waiting for a script).
  await prerender(<FirstView />);
  // No byte limit: a large finished boundary would otherwise be written as a hidden segment.
  const { prelude } = await prerender(<FirstView />, { progressiveChunkSize: Infinity });
  return new Response(prelude).text();
}

/**
 * Build-time render of the first view (vite.config.ts runs it and writes the HTML into
 * index.html): the default lesson at step 0, then each other view (`?view=lessons` …), which
 * the page's inline script puts in place when the address asks for exactly that view, so those
 * views paint before their JavaScript too. All with fresh preferences (`key`); and the default
 * lesson's trace, so that the first view hydrates without running the engine.
 */
export async function render(): Promise<{
  html: string;
  key: string;
  views: { view: string; html: string }[];
  trace: { id: string; json: string };
}> {
  const key = firstViewKey();
  const lesson = findLesson(DEFAULT_LESSON_ID);
  if (!lesson) throw new Error('The default lesson is missing');
  // The trace the first view shows, for the page to hydrate with (store/first-trace.ts).
  const trace = { id: FIRST_TRACE_ELEMENT_ID, json: traceToScriptJson(traceOf(lesson, [])) };
  const html = await renderView();
  const views: { view: string; html: string }[] = [];
  for (const view of PRERENDERED_VIEWS) {
    startAt(parseUrlState(`?view=${view}`));
    const html = await renderView();
    views.push({ view, html: view === 'sandbox' ? emptyEditor(html) : html });
  }
  return { html, key, views, trace };
}
