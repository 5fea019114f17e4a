import { useMemo } from 'react';
import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { selectFrame } from '../../store/selectors';
import { buildDbView } from './db-view';
import { selectPreviousFrame } from './frame-selectors';
import { DbTable } from './DbTable';
import './state-panels.css';

/**
 * The fake database at the current step: one table per model, the rows this step wrote
 * (flashing, with a badge), uncommitted values beside the committed ones, and the query count.
 */
export function DatabasePanel() {
  const frame = useAppStore(selectFrame);
  const previous = useAppStore(selectPreviousFrame);
  const view = useMemo(() => buildDbView(frame, previous), [frame, previous]);
  return (
    <Panel id="database" title="Database" className="dbpanel">
      <p className="dbpanel__queries">
        DB queries: {view.queries}
        {view.stepQueries > 0 ? (
          <span className="dbpanel__step-queries"> +{view.stepQueries} this step</span>
        ) : null}
      </p>
      {view.tables.length === 0 ? (
        <p className="dbpanel__empty">The database has no rows.</p>
      ) : (
        view.tables.map((table) => <DbTable key={table.model} table={table} step={frame.index} />)
      )}
    </Panel>
  );
}
