import { memo } from 'react';
import type { ExecutionTableCell } from './execution-table-rows';

export interface ExecutionTableRowProps {
  /** Cells in column order; their text is the frame's text, nothing added. */
  cells: readonly ExecutionTableCell[];
  /** Marks the row with `aria-current="step"`. @default false */
  isCurrent?: boolean;
  /** Rows after the current step (shown with "Show all steps") are dimmed. @default true */
  isReached?: boolean;
  /** What-if: the step did not run; struck through. @default false */
  isSkipped?: boolean;
  /** What-if: the outcome left the normal path; a marker at the left edge. @default false */
  isDiverged?: boolean;
  /** The step served stale data. @default false */
  isStaleRead?: boolean;
  /**
   * Long traces only: `false` marks a row the player did not just move forward onto (class
   * `xtable__row--still`: it does not slide in), so a jump to the end does not start hundreds
   * of animations. Left out in a short table, where every new row slides in.
   */
  isEntering?: boolean;
}

/**
 * One step of the execution table. Every state is a class or data attribute, never extra text
 * in a cell: the contract compares cell text with the lesson character for character.
 */
export const ExecutionTableRow = memo(function ExecutionTableRow({
  cells,
  isCurrent = false,
  isReached = true,
  isSkipped = false,
  isDiverged = false,
  isStaleRead = false,
  isEntering,
}: ExecutionTableRowProps) {
  const className = [
    'xtable__row',
    isCurrent && 'xtable__row--current',
    isSkipped && 'xtable__row--skipped',
    isDiverged && 'xtable__row--diverged',
    isStaleRead && 'xtable__row--stale',
    isEntering === false && 'xtable__row--still',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      className={className}
      aria-current={isCurrent ? 'step' : undefined}
      data-reached={isReached ? undefined : 'false'}
    >
      {cells.map((cell) => (
        <td
          key={cell.column}
          data-label={cell.header}
          className={`xtable__cell xtable__cell--${cell.column}${cell.isChanged ? ' xtable__cell--changed' : ''}`}
        >
          {cell.isCode ? <code>{withBreaks(cell.text)}</code> : cell.text}
        </td>
      ))}
    </tr>
  );
});

/**
 * A Python value or key with a line-break opportunity after each `_`, `:`, `,` and `{` (a
 * `<wbr>`, no text), so a narrow cell wraps `user_profile_42` as `user_ / profile_42` rather
 * than in the middle of a word. Short values are left as they are.
 */
function withBreaks(text: string) {
  if (text.length < 12) return text;
  const parts = text.split(/(?<=[_:,{])/);
  return parts.flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}
