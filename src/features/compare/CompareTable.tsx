import { useChangedSinceMount } from '../../components/use-changed-since-mount';
import { StrategyHeader } from './StrategyHeader';
import { VerdictCell } from './VerdictCell';
import type { CompareMatrix } from './compare-view';

export interface CompareTableProps {
  matrix: CompareMatrix;
}

/**
 * Story steps down, strategies across, verdicts in the cells and DB queries in the footer. A
 * verdict that changes after the first table shown flashes once; the first table (prerendered,
 * or the view opening) does not, since every cell in it is new and none changed.
 */
export function CompareTable({ matrix }: CompareTableProps) {
  const isChanged = useChangedSinceMount(matrix);
  return (
    <div
      className="compare__scroll"
      // Focusable so keyboard users can scroll a table wider than a phone screen.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label="Comparison table, scrollable"
    >
      <table className="compare__table">
        <caption className="compare__caption">
          {/* Sticky inside the caption, so the title stays in view when the table scrolls. */}
          <span className="compare__caption-text">Compare strategies</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            {matrix.columns.map((column) => (
              <StrategyHeader key={column.strategy.id} strategy={column.strategy} />
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.step}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                // Keyed by verdict too: a cell whose verdict changes remounts and flashes once.
                <VerdictCell
                  key={`${matrix.columns[i].strategy.id}:${cell.label}`}
                  cell={cell}
                  flashesOnMount={isChanged}
                />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">DB queries</th>
            {matrix.columns.map((column) => (
              <td key={column.strategy.id} className="compare__total">
                {column.queries}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
