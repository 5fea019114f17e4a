import { useEffect } from 'react';
import { isLessonId, findLesson, loadAllLessons, prefetchLessons } from '../lessons';
import { idleMoment } from '../components/next-task';
import { useAppStore } from '../store/store';
import { SANDBOX_LESSON_ID } from '../store/trace-cache';
import { formatUrlState, parseUrlState } from '../store/url-state';

/** What decides whether a change is a new place (a history entry) or the same place moved on. */
const placeOf = (s: { view: string; lessonId: string }): string =>
  s.view === 'lesson' ? `lesson:${s.lessonId}` : s.view;

/**
 * Address bar ⇄ store. On load the URL is parsed (bad values become notices). Afterwards every
 * change is written back: moving to another view or lesson with `history.pushState` (so Back
 * returns to where the learner was, at the step they left), anything else — steps, skips,
 * remedy, presenter mode — with `history.replaceState`. Back and Forward (`popstate`) and an
 * edited address (`hashchange`) are read again, so the screen always matches the URL.
 */
export function useUrlSync(): void {
  useEffect(() => {
    let last = '';
    let lastPlace = '';
    let isApplied = false;
    let isCancelled = false;
    /** Bumped by each read of the URL, so a slow load for an older one cannot win. */
    let reading = 0;
    const apply = (): void => {
      if (isCancelled) return;
      const url = parseUrlState(window.location.search, useAppStore.getState().sandboxLesson);
      // The URL as it came is what the address bar shows, set before the store changes (its
      // subscriber writes at once); `write` then corrects it in place if it was bad.
      last = window.location.search;
      lastPlace = placeOf(url);
      isApplied = true;
      useAppStore.getState().applyUrl(url);
      write();
    };
    const write = (): void => {
      // Until the URL has been read, the store holds defaults that must not overwrite it.
      if (!isApplied) return;
      const s = useAppStore.getState();
      const query = formatUrlState({
        view: s.view,
        lessonId: s.lessonId,
        step: s.step,
        skip: s.skip,
        isRemedy: s.isRemedy,
        isPresenting: s.isPresenting,
        isEmbedded: s.isEmbedded,
        isAudience: s.isAudience,
        themeOverride: s.themeOverride,
      });
      if (query === last) return;
      last = query;
      const place = placeOf(s);
      const url = `${window.location.pathname}${query}${window.location.hash}`;
      if (place !== lastPlace) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
      lastPlace = place;
    };
    /** Read the URL: first load what it names (a lesson's chunk, the saved scenario). */
    const read = (): void => {
      reading += 1;
      const mine = reading;
      const applyMine = (): void => {
        if (mine === reading) apply();
      };
      const wanted = new URLSearchParams(window.location.search).get('lesson');
      if (wanted && isLessonId(wanted) && !findLesson(wanted)) {
        loadAllLessons().then(applyMine, applyMine);
      } else if (
        wanted === SANDBOX_LESSON_ID &&
        useAppStore.getState().sandboxText !== null &&
        !useAppStore.getState().sandboxLesson
      ) {
        // A saved sandbox scenario is checked on demand (in a worker).
        useAppStore.getState().restoreSandbox().then(applyMine, applyMine);
      } else applyMine();
    };
    const onNavigate = (): void => {
      // Only the query describes the screen (the hash is the skip link's target).
      if (window.location.search === last) return;
      read();
    };
    const unsubscribe = useAppStore.subscribe(write);
    window.addEventListener('popstate', onNavigate);
    window.addEventListener('hashchange', onNavigate);
    read();
    // Fetch the other lessons in the background, one an idle moment, so the picker switches at
    // once.
    void prefetchLessons(idleMoment);
    return () => {
      isCancelled = true;
      unsubscribe();
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
    };
  }, []);
}
