import { useMemo } from 'react';
import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { summarizeScenario } from './sandbox-view';

/**
 * The Loaded scenario panel: what is loaded now (title, steps, actors) and `Open in the
 * player`. Its first line is a live region, so loading a scenario is announced.
 */
export function ScenarioSummary() {
  const lesson = useAppStore((s) => s.sandboxLesson);
  const openSandbox = useAppStore((s) => s.openSandbox);
  const summary = useMemo(() => (lesson ? summarizeScenario(lesson) : null), [lesson]);
  return (
    <Panel id="sandbox-loaded" title="Loaded scenario" className="sandbox__summary">
      <p role="status" className="sandbox__status">
        {summary
          ? summary.announcement
          : 'No scenario is loaded yet. Check one, load the example or generate one.'}
      </p>
      {summary ? (
        <>
          <dl className="sandbox__facts">
            <dt>Title</dt>
            <dd>{summary.title}</dd>
            <dt>Steps</dt>
            <dd>{summary.steps}</dd>
            <dt>Actors</dt>
            <dd>
              <ul className="sandbox__actors">
                {summary.actors.map((actor) => (
                  <li key={actor}>
                    <code>{actor}</code>
                  </li>
                ))}
              </ul>
            </dd>
            <dt>Quiz questions</dt>
            <dd>{summary.questions}</dd>
          </dl>
          <button type="button" className="button button--primary" onClick={openSandbox}>
            Open in the player
          </button>
        </>
      ) : null}
    </Panel>
  );
}
