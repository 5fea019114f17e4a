import { Badge } from '../../components/Badge';
import type { DbCell, DbRowModel, DbTableModel } from './db-view';

export interface DbTableProps {
  table: DbTableModel;
  /** The current step, so a row written again in the next step flashes again. */
  step: number;
}

/** One model's rows: a small table captioned with the model name. */
export function DbTable({ table, step }: DbTableProps) {
  return (
    <div
      className="dbpanel__scroll"
      // Wide rows scroll inside their own box, which must then be reachable by keyboard.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label={`${table.model} rows`}
    >
      <table className="dbpanel__table">
        <caption className="dbpanel__caption">{table.model}</caption>
        <thead>
          <tr>
            <th scope="col">pk</th>
            {table.fields.map((field) => (
              <th scope="col" key={field}>
                {field}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <DbTableRow
              // A new key restarts the flash animation on every step that writes the row.
              key={row.write ? `${row.pk}@${step}` : row.pk}
              row={row}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DbTableRow({ row }: { row: DbRowModel }) {
  const classes = ['dbpanel__row'];
  if (row.write) classes.push('dbpanel__row--written');
  if (row.isGhost) classes.push('dbpanel__row--ghost');
  return (
    <tr className={classes.join(' ')}>
      <th scope="row" className="dbpanel__pk">
        <code>{row.pk}</code>
        {row.write ? (
          <>
            {' '}
            <Badge tone={row.write.how === 'delete' ? 'invalidate' : 'write'}>
              {row.write.label}
            </Badge>
          </>
        ) : null}
        {row.pendingDeletes.map((actor) => (
          <span className="dbpanel__pending" key={actor}>
            delete <span className="dbpanel__pending-label">uncommitted ({actor})</span>
          </span>
        ))}
      </th>
      {row.cells.map((cell) => (
        <DbTableCell key={cell.field} cell={cell} />
      ))}
    </tr>
  );
}

function DbTableCell({ cell }: { cell: DbCell }) {
  return (
    <td className={cell.before === null ? 'dbpanel__cell' : 'dbpanel__cell dbpanel__cell--changed'}>
      {cell.before === null ? null : (
        <>
          <del className="dbpanel__before">
            <span className="visually-hidden">was </span>
            <code>{cell.before}</code>
          </del>
          <span aria-hidden="true"> → </span>
        </>
      )}
      {cell.value === null ? <span className="dbpanel__none">—</span> : <code>{cell.value}</code>}
      {cell.pending.map((p) => (
        <span className="dbpanel__pending" key={p.actor}>
          <span aria-hidden="true">→ </span>
          <code>{p.value}</code>{' '}
          <span className="dbpanel__pending-label">uncommitted ({p.actor})</span>
        </span>
      ))}
    </td>
  );
}
