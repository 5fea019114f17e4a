import { useMemo, useRef } from 'react';
import { selectLesson, selectTrace } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { trackerRows, type TrackerCell } from './tracker-rows';
import { useKeepColumnInView } from './use-keep-column-in-view';
import './variable-tracker.css';

/**
 * The variable tracker: each tracked variable's value at the start and after every step.
 * Columns not reached yet stay empty, so the table fills in as the player moves.
 */
export function VariableTracker() {
  const lesson = useAppStore(selectLesson);
  const trace = useAppStore(selectTrace);
  const step = useAppStore((state) => state.step);
  const view = useMemo(() => trackerRows(trace, lesson, step), [trace, lesson, step]);
  const boxRef = useRef<HTMLDivElement>(null);
  useKeepColumnInView(boxRef, step);

  return (
    <div className="vtracker" id="variable-tracker">
      <div
        ref={boxRef}
        className="vtracker__scroll"
        // Focusable so keyboard users can scroll a table wider than a phone screen.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label="Variable tracker, scrollable"
      >
        <table className="vtracker__table">
          <caption className="vtracker__caption">
            {/* The inner span sticks to the box's left edge while the table scrolls sideways. */}
            <span className="vtracker__caption-text">Variable tracker</span>
          </caption>
          <thead>
            <tr>
              <th scope="col" className="vtracker__head vtracker__head--name">
                Variable
              </th>
              {view.columns.map((column) => (
                <th
                  key={column.index}
                  scope="col"
                  className={`vtracker__head${column.isCurrent ? ' vtracker__head--current' : ''}`}
                  data-current={column.isCurrent ? 'true' : undefined}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.name} className="vtracker__row">
                <th scope="row" className="vtracker__name">
                  <code>{row.name}</code>
                </th>
                {row.cells.map((cell) => (
                  <td key={cell.index} className={cellClass(cell)}>
                    {cell.isReached && !cell.isUnset ? <code>{cell.text}</code> : cell.text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function cellClass(cell: TrackerCell): string {
  return [
    'vtracker__cell',
    !cell.isReached && 'vtracker__cell--empty',
    cell.isUnset && 'vtracker__cell--unset',
    cell.isChanged && 'vtracker__cell--changed',
    cell.isCurrent && 'vtracker__cell--current',
  ]
    .filter(Boolean)
    .join(' ');
}
