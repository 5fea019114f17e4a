import type { MouseEvent } from 'react';
import { useAppStore } from '../../store/store';
import { isPlainClick } from '../../components/plain-click';

/** A card that leads to the Compare view, where one story runs under several strategies. */
export function CompareCard() {
  const setView = useAppStore((s) => s.setView);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    setView('compare');
  };
  return (
    <section className="lesson-index__group" aria-labelledby="lesson-index-compare">
      <h2 id="lesson-index-compare" className="lesson-index__heading">
        Side by side
      </h2>
      <ul className="lesson-index__grid">
        <li className="lesson-card lesson-card--compare">
          <h3 className="lesson-card__title">
            <a className="lesson-card__link" href="?view=compare" onClick={onClick}>
              Compare strategies
            </a>
          </h3>
          <p className="lesson-card__summary">
            Run one story (read, update, read again, wait and read) under several strategies and see
            which reads are fresh, which are stale, and what each costs in DB queries.
          </p>
        </li>
      </ul>
    </section>
  );
}
