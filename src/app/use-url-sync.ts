import { useEffect } from 'react';
import { isLessonId, findLesson, loadAllLessons } from '../lessons';
import { useAppStore } from '../store/store';
import { SANDBOX_LESSON_ID } from '../store/trace-cache';
import { formatUrlState, parseUrlState } from '../store/url-state';

/**
 * Address bar ⇄ store. On load the URL is parsed (bad values become notices); afterwards
 * every change of lesson, step, skips, remedy, view or presenter mode is written back with
 * `history.replaceState`, so reload and copy-paste restore the view.
 */
export function useUrlSync(): void {
  useEffect(() => {
    let last = '';
    let isApplied = false;
    let isCancelled = false;
    const apply = (): void => {
      if (isCancelled) return;
      useAppStore.getState().applyUrl(parseUrlState(window.location.search));
      isApplied = true;
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
      const url = `${window.location.pathname}${query}${window.location.hash}`;
      window.history.replaceState(null, '', url);
    };
    const unsubscribe = useAppStore.subscribe(write);
    const wanted = new URLSearchParams(window.location.search).get('lesson');
    if (wanted && isLessonId(wanted) && !findLesson(wanted)) {
      loadAllLessons().then(apply, apply);
    } else if (wanted === SANDBOX_LESSON_ID && useAppStore.getState().sandboxText !== null) {
      // A saved sandbox scenario is parsed on demand (its validator loads lazily).
      useAppStore.getState().restoreSandbox().then(apply, apply);
    } else {
      apply();
      // Fetch the other lessons in the background so the picker switches at once.
      const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 200));
      idle(() => void loadAllLessons().catch(() => undefined));
    }
    return () => {
      isCancelled = true;
      unsubscribe();
    };
  }, []);
}
