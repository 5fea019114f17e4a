import { memo, useMemo, useRef, type CSSProperties } from 'react';
import type { Trace } from '../../engine';
import { selectLesson, selectTrace } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { isLongTrace } from '../../components/long-trace';
import {
  blockStep,
  clampStep,
  frameBlocks,
  trackerCells,
  trackerColumns,
  type TrackerCell,
} from './tracker-rows';
import { useKeepColumnInView } from './use-keep-column-in-view';
import './variable-tracker.css';

/**
 * The variable tracker: each tracked variable's value at the start and after every step.
 * Columns not reached yet stay empty, so the table fills in as the player moves. A long
 * trace's tracker skips rendering while it is off screen (a column per step costs layout at
 * every step); its number of rows sizes it meanwhile.
 */
export function VariableTracker() {
  const lesson = useAppStore(selectLesson);
  const trace = useAppStore(selectTrace);
  const step = useAppStore((state) => state.step);
  const current = clampStep(trace, step);
  const blocks = useMemo(() => frameBlocks(trace), [trace]);
  const boxRef = useRef<HTMLDivElement>(null);
  useKeepColumnInView(boxRef, step);
  const isLong = isLongTrace(trace.frames.length - 1);

  return (
    <div
      className={isLong ? 'vtracker vtracker--long' : 'vtracker'}
      id="variable-tracker"
      style={isLong ? ({ '--vtracker-rows': lesson.tracked.length } as CSSProperties) : undefined}
    >
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
              {blocks.map((block) => (
                <HeadBlock
                  key={block.from}
                  trace={trace}
                  from={block.from}
                  to={block.to}
                  step={blockStep(current, block)}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {lesson.tracked.map(({ name }) => (
              <tr key={name} className="vtracker__row">
                <th scope="row" className="vtracker__name">
                  <code>{name}</code>
                </th>
                {blocks.map((block) => (
                  <ValueBlock
                    key={block.from}
                    trace={trace}
                    name={name}
                    from={block.from}
                    to={block.to}
                    step={blockStep(current, block)}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/*
 * A row is rendered in blocks of frames, each memoised on plain values (see `frameBlocks` and
 * `blockStep`): a step change re-renders the one or two blocks it touches, not a cell per
 * frame of a long trace. The blocks' cells sit side by side in the row, as before.
 */

interface BlockProps {
  trace: Trace;
  from: number;
  to: number;
  /** The step as this block sees it (`blockStep`). */
  step: number;
}

const HeadBlock = memo(function HeadBlock({ trace, from, to, step }: BlockProps) {
  return trackerColumns(trace, step, { from, to }).map((column) => (
    <th
      key={column.index}
      scope="col"
      className={`vtracker__head${column.isCurrent ? ' vtracker__head--current' : ''}`}
      data-current={column.isCurrent ? 'true' : undefined}
    >
      {column.header}
    </th>
  ));
});

const ValueBlock = memo(function ValueBlock({
  trace,
  name,
  from,
  to,
  step,
}: BlockProps & { name: string }) {
  return trackerCells(trace, name, step, { from, to }).map((cell) => (
    <td key={cell.index} className={cellClass(cell)}>
      {cell.isReached && !cell.isUnset ? <code>{cell.text}</code> : cell.text}
    </td>
  ));
});

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
