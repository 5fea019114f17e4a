import { useAppStore } from '../store/store';
import { formatUrlState } from '../store/url-state';

/** In an embed: open the full app at the same step, in a new tab. */
export function EmbedLink() {
  const href = useAppStore((s) =>
    formatUrlState({
      view: 'lesson',
      lessonId: s.lessonId,
      step: s.step,
      skip: s.skip,
      isRemedy: s.isRemedy,
      isPresenting: false,
      isEmbedded: false,
    }),
  );
  return (
    <a className="stage__embed-link" href={href || './'} target="_blank" rel="noopener">
      Open in Django Cache Lab
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}
