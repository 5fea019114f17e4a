import { describe, expect, it } from 'vitest';
import { run, type Frame } from '../../../src/engine';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';
import { buildDbView } from '../../../src/features/state-panels/db-view';

const frames = run(deleteOnUpdate).frames;

describe('Database view', () => {
  it('shows one table per model with pk and field columns', () => {
    const view = buildDbView(frames[0], null);
    expect(view.tables).toEqual([
      {
        model: 'Profile',
        fields: ['data'],
        rows: [
          {
            pk: '42',
            cells: [{ field: 'data', value: "'old_data'", before: null, pending: [] }],
            write: null,
            isGhost: false,
            pendingDeletes: [],
          },
        ],
      },
    ]);
    expect(view.queries).toBe(0);
  });

  it('marks the row a save wrote in this step, and counts its queries', () => {
    const view = buildDbView(frames[2], frames[1]);
    expect(view.tables[0].rows[0].write).toEqual({ how: 'save', label: 'write' });
    expect(view.tables[0].rows[0].cells[0].value).toBe("'fresh_data'");
    expect(view).toMatchObject({ queries: 3, stepQueries: 2 });
  });

  it('does not mark rows in steps that only read', () => {
    expect(buildDbView(frames[4], frames[3]).tables[0].rows[0].write).toBeNull();
  });

  it('says when an update sent no signal', () => {
    const frame: Frame = {
      ...frames[2],
      outcomes: [
        { kind: 'db.write', model: 'Profile', pk: 42, how: 'update', signal: false, actor: 'a' },
      ],
    };
    expect(buildDbView(frame, frames[1]).tables[0].rows[0].write?.label).toBe('update (no signal)');
  });

  it('shows uncommitted values beside the committed one, by actor', () => {
    const frame: Frame = {
      ...frames[1],
      db: [
        {
          model: 'Profile',
          pk: 42,
          fields: { data: "'old_data'" },
          pending: [
            { actor: 'writer', fields: { data: "'fresh_data'" } },
            { actor: 'cleaner', fields: null },
          ],
        },
      ],
    };
    const [row] = buildDbView(frame, frames[0]).tables[0].rows;
    // Committed values did not change, so nothing is marked as before → after.
    expect(row.cells[0]).toEqual({
      field: 'data',
      value: "'old_data'",
      before: null,
      pending: [{ actor: 'writer', value: "'fresh_data'" }],
    });
    expect(row.pendingDeletes).toEqual(['cleaner']);
  });

  it('keeps a deleted row as a ghost for the step that deleted it', () => {
    const frame: Frame = {
      ...frames[2],
      db: [],
      outcomes: [
        { kind: 'db.write', model: 'Profile', pk: 42, how: 'delete', signal: true, actor: 'a' },
      ],
    };
    const [row] = buildDbView(frame, frames[1]).tables[0].rows;
    expect(row).toMatchObject({
      pk: '42',
      isGhost: true,
      write: { how: 'delete', label: 'deleted' },
      cells: [{ field: 'data', value: "'old_data'", before: null, pending: [] }],
    });
  });
});

describe('Database view, a stepped change', () => {
  it('marks a committed value this step changed as before → after', () => {
    const trace = run(deleteOnUpdate);
    const [row] = buildDbView(trace.frames[2], trace.frames[1]).tables[0].rows;
    expect(row.cells[0]).toMatchObject({ value: "'fresh_data'", before: "'old_data'" });
    const [same] = buildDbView(trace.frames[3], trace.frames[2]).tables[0].rows;
    expect(same.cells[0].before).toBeNull();
  });
});
