import { useMemo } from 'react';
import { selectLesson, selectTrace } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { tableRows } from './execution-table-rows';
import { ExecutionTableRow } from './ExecutionTableRow';
import './execution-table.css';

/**
 * The execution table: one row per step run so far, growing as the player moves. Its caption
 * names the table (the contract's `Execution table`), so it is a plain box, not a named region.
 */
export function ExecutionTable() {
  const lesson = useAppStore(selectLesson);
  const trace = useAppStore(selectTrace);
  const step = useAppStore((state) => state.step);
  const isShowingAllSteps = useAppStore((state) => state.isShowingAllSteps);
  const toggleShowAllSteps = useAppStore((state) => state.toggleShowAllSteps);
  const rows = useMemo(
    () => tableRows(trace, lesson, step, isShowingAllSteps),
    [trace, lesson, step, isShowingAllSteps],
  );
  const stepCount = trace.frames.length - 1;
  const hasUnreached = isShowingAllSteps && step < stepCount;

  return (
    <div className="xtable" id="execution-table">
      <button
        type="button"
        className="button button--small xtable__toggle"
        aria-pressed={isShowingAllSteps}
        onClick={toggleShowAllSteps}
      >
        Show all steps
      </button>
      <div
        className="xtable__scroll"
        // Focusable so keyboard users can scroll a table wider than a phone screen.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label="Execution table, scrollable"
      >
        <table className="xtable__table">
          <caption className="xtable__caption">
            {/* The inner span sticks to the box's left edge while the table scrolls sideways. */}
            <span className="xtable__caption-text">Execution table</span>
          </caption>
          <thead>
            <tr>
              {lesson.columns.map((column) => (
                <th
                  key={column.id}
                  scope="col"
                  className={`xtable__head xtable__cell--${column.id}`}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <ExecutionTableRow
                key={row.step}
                cells={row.cells}
                isCurrent={row.isCurrent}
                isReached={row.isReached}
                isSkipped={row.isSkipped}
                isDiverged={row.isDiverged}
                isStaleRead={row.isStaleRead}
              />
            ))}
          </tbody>
        </table>
      </div>
      {step === 0 ? <p className="xtable__empty">Press Next step to run step 1.</p> : null}
      {hasUnreached ? (
        <p className="xtable__legend">Rows after step {step} are not reached yet.</p>
      ) : null}
      {lesson.tableNote ? (
        <p className="xtable__note">
          <span aria-hidden="true">💡 </span>
          {lesson.tableNote}
        </p>
      ) : null}
    </div>
  );
}
