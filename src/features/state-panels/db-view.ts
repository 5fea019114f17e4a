import { pyRepr, type Frame, type Pk } from '../../engine';

/**
 * The Database panel's view model: one table per model, the rows this step wrote, and the
 * values other transactions cannot see yet. Pure, so it is tested without React.
 */

export type DbWriteHow = 'save' | 'update' | 'delete';

/** One field of one row: the committed value and any uncommitted ones beside it. */
export interface DbCell {
  field: string;
  /** Python repr of the committed value; `null` when the row does not have the field. */
  value: string | null;
  /** The committed value before this step, when this step changed it (shown as before → after). */
  before: string | null;
  pending: { actor: string; value: string }[];
}

export interface DbRowModel {
  /** Python repr of the primary key: `42`, `'abc'`. */
  pk: string;
  cells: DbCell[];
  /** What this step did to the row, if anything. */
  write: { how: DbWriteHow; label: string } | null;
  /** The row was deleted this step: shown struck through with its last values. */
  isGhost: boolean;
  /** Actors whose open transaction deletes the row. */
  pendingDeletes: string[];
}

export interface DbTableModel {
  model: string;
  fields: string[];
  rows: DbRowModel[];
}

export interface DbView {
  tables: DbTableModel[];
  queries: number;
  stepQueries: number;
}

const WRITE_LABEL: Record<DbWriteHow, string> = {
  save: 'write',
  // QuerySet.update() skips save(), so no post_save receiver runs: worth saying on the row.
  update: 'update (no signal)',
  delete: 'deleted',
};

type RowSource = Frame['db'][number];

const rowId = (model: string, pk: Pk): string => `${model}\u0000${String(pk)}`;

function rowModel(
  row: RowSource,
  fields: string[],
  write: DbWriteHow | undefined,
  isGhost: boolean,
  previous?: RowSource,
): DbRowModel {
  return {
    pk: pyRepr(row.pk),
    cells: fields.map((field) => ({
      field,
      value: row.fields[field] ?? null,
      before:
        !isGhost && previous && (previous.fields[field] ?? null) !== (row.fields[field] ?? null)
          ? (previous.fields[field] ?? null)
          : null,
      pending: isGhost
        ? []
        : row.pending.flatMap((p) =>
            p.fields && field in p.fields ? [{ actor: p.actor, value: p.fields[field] }] : [],
          ),
    })),
    write: write ? { how: write, label: WRITE_LABEL[write] } : null,
    isGhost,
    pendingDeletes: isGhost ? [] : row.pending.filter((p) => p.fields === null).map((p) => p.actor),
  };
}

/** Everything the Database panel shows for one frame. */
export function buildDbView(frame: Frame, previous: Frame | null): DbView {
  // The last write to a row in this step is the one to show.
  const writes = new Map<string, DbWriteHow>();
  for (const o of frame.outcomes) {
    if (o.kind === 'db.write') writes.set(rowId(o.model, o.pk), o.how);
  }
  const present = new Set(frame.db.map((row) => rowId(row.model, row.pk)));
  // Only a frame after the start marks changes: the first frame shows the initial state calmly.
  const before = new Map((previous?.db ?? []).map((row) => [rowId(row.model, row.pk), row]));
  const ghosts = (previous?.db ?? []).filter(
    (row) =>
      writes.get(rowId(row.model, row.pk)) === 'delete' && !present.has(rowId(row.model, row.pk)),
  );

  const byModel = new Map<string, { rows: RowSource[]; ghosts: RowSource[]; fields: string[] }>();
  const group = (model: string) => {
    let entry = byModel.get(model);
    if (!entry) {
      entry = { rows: [], ghosts: [], fields: [] };
      byModel.set(model, entry);
    }
    return entry;
  };
  const addFields = (fields: string[], names: Iterable<string>): void => {
    for (const name of names) if (!fields.includes(name)) fields.push(name);
  };
  for (const row of frame.db) {
    const entry = group(row.model);
    entry.rows.push(row);
    addFields(entry.fields, Object.keys(row.fields));
    for (const p of row.pending) if (p.fields) addFields(entry.fields, Object.keys(p.fields));
  }
  for (const row of ghosts) {
    const entry = group(row.model);
    entry.ghosts.push(row);
    addFields(entry.fields, Object.keys(row.fields));
  }

  const tables = [...byModel].map(([model, entry]) => ({
    model,
    fields: entry.fields,
    rows: [
      ...entry.rows.map((row) =>
        rowModel(
          row,
          entry.fields,
          writes.get(rowId(row.model, row.pk)),
          false,
          before.get(rowId(row.model, row.pk)),
        ),
      ),
      ...entry.ghosts.map((row) => rowModel(row, entry.fields, 'delete', true)),
    ],
  }));
  return { tables, queries: frame.queries, stepQueries: frame.stepQueries };
}
