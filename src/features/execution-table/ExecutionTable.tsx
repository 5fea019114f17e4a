import { memo, useMemo, useRef, useState } from 'react';
import type { Lesson, Trace } from '../../engine';
import { selectLesson, selectTrace } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { isLongTrace } from '../../components/long-trace';
import { stepBlocks, tableRows } from './execution-table-rows';
import { ExecutionTableRow } from './ExecutionTableRow';
import { useKeepRowInView } from './use-keep-row-in-view';
import './execution-table.css';
import { clampStep } from '../../store/clamp-step';

/**
 * The execution table: one row per step run so far, growing as the player moves. Its caption
 * names the table (the contract's `Execution table`), so it is a plain box, not a named region.
 * A long trace's table has fixed column widths, scrolls up and down in its own box, which
 * follows the current row, and skips rendering while off screen: laying out hundreds of rows
 * of measured text at every step would not fit in a frame.
 */
export function ExecutionTable() {
  const lesson = useAppStore(selectLesson);
  const trace = useAppStore(selectTrace);
  const step = useAppStore((state) => state.step);
  const isShowingAllSteps = useAppStore((state) => state.isShowingAllSteps);
  const toggleShowAllSteps = useAppStore((state) => state.toggleShowAllSteps);
  const blocks = useMemo(() => stepBlocks(trace), [trace]);
  const stepCount = trace.frames.length - 1;
  const current = clampStep(step, stepCount);
  const hasUnreached = isShowingAllSteps && step < stepCount;
  const isLong = isLongTrace(stepCount);
  const boxRef = useRef<HTMLDivElement>(null);
  // Any box that scrolls (a long trace's, or the Stage's fixed one) keeps the current row in view.
  useKeepRowInView(boxRef, step, true);
  // The step the player last moved forward to. In a long table only that row slides in: a
  // jump to the end would otherwise start hundreds of animations, out of sight, at once.
  const [move, setMove] = useState({ step, reached: 0 });
  if (move.step !== step) setMove({ step, reached: step > move.step ? step : 0 });
  const enteringIn = (from: number, to: number): number | undefined => {
    if (!isLong) return undefined;
    return from <= move.reached && move.reached <= to ? move.reached : 0;
  };

  return (
    <div className={isLong ? 'xtable xtable--long' : 'xtable'} id="execution-table">
      <button
        type="button"
        className="button button--small xtable__toggle"
        aria-pressed={isShowingAllSteps}
        onClick={toggleShowAllSteps}
      >
        Show all steps
      </button>
      <div
        ref={boxRef}
        className="xtable__scroll"
        // Focusable so keyboard users can scroll a table wider than a phone screen
        // (or, in a long trace, taller than its box).
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
            {blocks.map(({ from, to }) => (
              <RowBlock
                key={from}
                trace={trace}
                lesson={lesson}
                from={from}
                to={to}
                // The steps as this block sees them: unchanged while the player is elsewhere.
                step={Math.min(Math.max(current, from - 1), to + 1)}
                isShowingAllSteps={isShowingAllSteps}
                entering={enteringIn(from, to)}
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

interface RowBlockProps {
  trace: Trace;
  lesson: Lesson;
  from: number;
  to: number;
  step: number;
  isShowingAllSteps: boolean;
  /** Long traces: the step whose row slides in (0: none in this block). */
  entering: number | undefined;
}

/**
 * The rows of steps `from`..`to` (see `stepBlocks`), memoised on plain values: a step change
 * re-renders the blocks holding the old and the new current row, and their unchanged rows
 * (memoised too) skip rendering. The rows sit directly in the table body, as before.
 */
const RowBlock = memo(function RowBlock({
  trace,
  lesson,
  from,
  to,
  step,
  isShowingAllSteps,
  entering,
}: RowBlockProps) {
  return tableRows(trace, lesson, step, isShowingAllSteps, { from, to }).map((row) => (
    <ExecutionTableRow
      key={row.step}
      cells={row.cells}
      isCurrent={row.isCurrent}
      isReached={row.isReached}
      isSkipped={row.isSkipped}
      isDiverged={row.isDiverged}
      isStaleRead={row.isStaleRead}
      isEntering={entering === undefined ? undefined : row.step === entering}
    />
  ));
});
