import { useState } from 'react';
import type { CompareCell } from './compare-view';

export interface VerdictCellProps {
  cell: CompareCell;
  /** Whether the cell flashes when it appears: a changed verdict does, the first table not. */
  flashesOnMount?: boolean;
}

/** What one step's read gave the user: icon and word, or what a write step did to the cache. */
export function VerdictCell({ cell, flashesOnMount = false }: VerdictCellProps) {
  // Fixed when the cell mounts: cells that stay put do not start flashing later.
  const [flashes] = useState(flashesOnMount);
  const queries = cell.queries === 1 ? '1 query' : `${cell.queries} queries`;
  return (
    <td
      className={`compare__cell compare__cell--${cell.verdict}${flashes ? ' compare__cell--flash' : ''}`}
    >
      {cell.verdict === 'none' ? (
        <span className="compare__none">
          <span aria-hidden="true">—</span> {cell.note}
        </span>
      ) : (
        <span className={`compare__verdict compare__verdict--${cell.tone}`}>
          <span aria-hidden="true">{cell.icon}</span> {cell.label}
        </span>
      )}
      {cell.queries > 0 ? ' ' : null}
      {cell.queries > 0 ? <span className="compare__step-queries">{queries}</span> : null}
    </td>
  );
}
