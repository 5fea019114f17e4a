import { useEffect } from 'react';
import { useAppStore } from '../store/store';
import { formatUrlState, parseUrlState } from '../store/url-state';

/**
 * Address bar ⇄ store. On load the URL is parsed (bad values become notices); afterwards
 * every change of lesson, step, skips, remedy, view or presenter mode is written back with
 * `history.replaceState`, so reload and copy-paste restore the view.
 */
export function useUrlSync(): void {
  useEffect(() => {
    useAppStore.getState().applyUrl(parseUrlState(window.location.search));
    let last = '';
    const write = (): void => {
      const s = useAppStore.getState();
      const query = formatUrlState({
        view: s.view,
        lessonId: s.lessonId,
        step: s.step,
        skip: s.skip,
        isRemedy: s.isRemedy,
        isPresenting: s.isPresenting,
        isEmbedded: s.isEmbedded,
      });
      if (query === last) return;
      last = query;
      const url = `${window.location.pathname}${query}${window.location.hash}`;
      window.history.replaceState(null, '', url);
    };
    write();
    return useAppStore.subscribe(write);
  }, []);
}
