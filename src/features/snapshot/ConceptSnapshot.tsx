import { useMemo } from 'react';
import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { selectLesson } from '../../store/selectors';
import { splitCode } from './view-model';
import './snapshot.css';

/** The Concept snapshot panel: the lesson's summary as a short checklist. */
export function ConceptSnapshot() {
  const lesson = useAppStore(selectLesson);
  const { title, lines } = lesson.snapshot;
  const items = useMemo(() => lines.map(splitCode), [lines]);

  return (
    <Panel id="concept-snapshot" title="Concept snapshot">
      {/* A sandbox scenario may leave the snapshot empty: an empty heading would confuse a reader. */}
      {title ? <h3 className="snapshot__title">{title}</h3> : null}
      {items.length === 0 ? (
        <p className="snapshot__empty">This scenario has no snapshot.</p>
      ) : (
        <ul className="snapshot__list">
          {items.map((parts, i) => (
            // Lines are authored text that never reorders, so the position is a stable key.
            <li key={i} className="snapshot__item">
              {parts.map((part, j) => (part.isCode ? <code key={j}>{part.text}</code> : part.text))}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
