import { describe, it, expect } from 'vitest';
import { createDatabase, readsOf } from '../../../src/engine/db';
import type { Database, SignalEvent } from '../../../src/engine/types';

/** A database with one profile row, as most lessons start. */
function seeded(): Database {
  return createDatabase({
    models: {
      Profile: [{ pk: 42, fields: { data: 'old_data', visits: 1 } }],
      Article: [],
    },
  });
}

/** Collects every signal sent for `model`. */
function listen(db: Database, model: string): SignalEvent[] {
  const events: SignalEvent[] = [];
  db.connect('post_save', model, (event) => events.push(event));
  db.connect('post_delete', model, (event) => events.push(event));
  return events;
}

describe('Model.objects.get()', () => {
  it('returns the row as a model instance', () => {
    expect(seeded().get('Profile', 42)).toEqual({
      model: 'Profile',
      pk: 42,
      fields: { data: 'old_data', visits: 1 },
    });
  });

  it('returns null when no row has that pk', () => {
    expect(seeded().get('Profile', 7)).toBeNull();
  });

  it('tells pk 42 and pk "42" apart', () => {
    expect(seeded().get('Profile', '42')).toBeNull();
  });

  it('counts one query per call, found or not', () => {
    const db = seeded();
    db.get('Profile', 42);
    db.get('Profile', 7);
    expect(db.queryCount()).toBe(2);
  });

  it('hands out copies: mutating one does not change the database', () => {
    const db = createDatabase({
      models: {
        Profile: [{ pk: 1, fields: { tags: ['a'], prefs: new Map([['theme', 'dark']]) } }],
      },
    });
    const row = db.get('Profile', 1);
    (row?.fields.tags as string[]).push('b');
    (row?.fields.prefs as Map<string, string>).set('theme', 'light');
    expect(db.peek('Profile', 1)?.fields).toEqual({
      tags: ['a'],
      prefs: new Map([['theme', 'dark']]),
    });
  });

  it('does not keep a reference to the seed data', () => {
    const seed = { pk: 1, fields: { tags: ['a'] } };
    const db = createDatabase({ models: { Profile: [seed] } });
    seed.fields.tags.push('b');
    expect(db.peek('Profile', 1)?.fields).toEqual({ tags: ['a'] });
  });
});

describe('Unknown models', () => {
  it.each([
    ['get', (db: Database) => db.get('Usr', 1)],
    ['save', (db: Database) => db.save('Usr', 1, {})],
    ['update', (db: Database) => db.update('Usr', 1, {})],
    ['delete', (db: Database) => db.delete('Usr', 1)],
    ['peek', (db: Database) => db.peek('Usr', 1)],
    ['connect', (db: Database) => db.connect('post_save', 'Usr', () => {})],
  ])('%s throws a LookupError naming the model', (_name, call) => {
    const db = seeded();
    expect(() => call(db)).toThrow(
      expect.objectContaining({ name: 'LookupError', message: "Model 'Usr' is not registered" }),
    );
    expect(db.queryCount()).toBe(0);
  });
});

describe('instance.save()', () => {
  it('inserts a new row and sends post_save with created=True', () => {
    const db = seeded();
    const events = listen(db, 'Profile');
    db.save('Profile', 7, { data: 'fresh' });
    expect(db.peek('Profile', 7)?.fields).toEqual({ data: 'fresh' });
    expect(events).toEqual([
      {
        signal: 'post_save',
        sender: 'Profile',
        instance: { model: 'Profile', pk: 7, fields: { data: 'fresh' } },
        created: true,
        actor: 'request',
      },
    ]);
  });

  it('updates an existing row and sends post_save with created=False', () => {
    const db = seeded();
    const events = listen(db, 'Profile');
    db.save('Profile', 42, { data: 'new_data' }, 'worker');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ created: false, actor: 'worker' });
    // The instance is the whole row as saved: written fields merged into the old ones.
    expect(events[0].instance.fields).toEqual({ data: 'new_data', visits: 1 });
  });

  it('counts one query', () => {
    const db = seeded();
    db.save('Profile', 42, { data: 'new_data' });
    expect(db.queryCount()).toBe(1);
  });

  it('stores a copy of the fields it was given', () => {
    const db = seeded();
    const fields = { data: 'new_data', tags: ['a'] };
    db.save('Profile', 42, fields);
    fields.tags.push('b');
    expect(db.peek('Profile', 42)?.fields.tags).toEqual(['a']);
  });

  it('gives receivers a copy: a receiver mutating the instance changes nothing', () => {
    const db = seeded();
    db.connect('post_save', 'Profile', (event) => {
      event.instance.fields.data = 'mutated';
    });
    db.save('Profile', 42, { data: 'new_data' });
    expect(db.peek('Profile', 42)?.fields.data).toBe('new_data');
  });

  it('only notifies receivers connected for that sender', () => {
    const db = seeded();
    const events = listen(db, 'Article');
    db.save('Profile', 42, { data: 'new_data' });
    expect(events).toEqual([]);
  });

  it('calls receivers in connection order, each function once per sender', () => {
    const db = seeded();
    const calls: string[] = [];
    const first = () => calls.push('first');
    db.connect('post_save', 'Profile', first);
    db.connect('post_save', 'Profile', () => calls.push('second'));
    db.connect('post_save', 'Profile', first);
    db.save('Profile', 42, { data: 'new_data' });
    expect(calls).toEqual(['first', 'second']);
  });

  it('lets a receiver read the saved row and run more ORM calls', () => {
    const db = seeded();
    const seen: unknown[] = [];
    db.connect('post_save', 'Profile', (event) => {
      seen.push(db.get('Profile', event.instance.pk, event.actor)?.fields.data);
    });
    db.save('Profile', 42, { data: 'new_data' });
    expect(seen).toEqual(['new_data']);
    expect(db.queryCount()).toBe(2);
  });
});

describe('QuerySet.update()', () => {
  it('writes the fields and sends no post_save', () => {
    const db = seeded();
    const events = listen(db, 'Profile');
    expect(db.update('Profile', 42, { data: 'new_data' })).toBe(1);
    expect(db.peek('Profile', 42)?.fields).toEqual({ data: 'new_data', visits: 1 });
    expect(events).toEqual([]);
  });

  it('matches no row for a missing pk: returns 0, inserts nothing, still one query', () => {
    const db = seeded();
    expect(db.update('Profile', 7, { data: 'x' })).toBe(0);
    expect(db.peek('Profile', 7)).toBeNull();
    expect(db.queryCount()).toBe(1);
  });
});

describe('instance.delete()', () => {
  it('removes the row and sends post_delete with the instance as it was', () => {
    const db = seeded();
    const events = listen(db, 'Profile');
    expect(db.delete('Profile', 42)).toBe(true);
    expect(db.peek('Profile', 42)).toBeNull();
    expect(events).toEqual([
      {
        signal: 'post_delete',
        sender: 'Profile',
        instance: { model: 'Profile', pk: 42, fields: { data: 'old_data', visits: 1 } },
        created: false,
        actor: 'request',
      },
    ]);
  });

  it('returns false and sends nothing when there is no row', () => {
    const db = seeded();
    const events = listen(db, 'Profile');
    expect(db.delete('Profile', 7)).toBe(false);
    expect(events).toEqual([]);
    expect(db.queryCount()).toBe(1);
  });
});

describe('Signals inside transaction.atomic()', () => {
  it('fire before the commit: other actors still read the old row in the receiver', () => {
    const db = seeded();
    const seenByReader: unknown[] = [];
    db.connect('post_save', 'Profile', () => {
      seenByReader.push(db.get('Profile', 42, 'reader')?.fields.data);
    });
    db.begin();
    db.save('Profile', 42, { data: 'new_data' });
    // The receiver already ran — and a concurrent reader could re-cache 'old_data' right now.
    expect(seenByReader).toEqual(['old_data']);
    expect(db.peek('Profile', 42)?.fields.data).toBe('old_data');
    db.commit();
    expect(seenByReader).toEqual(['old_data']);
    expect(db.peek('Profile', 42)?.fields.data).toBe('new_data');
  });

  it('are not taken back by a rollback', () => {
    const db = seeded();
    const events = listen(db, 'Profile');
    db.begin();
    db.save('Profile', 42, { data: 'new_data' });
    db.rollback();
    expect(events).toHaveLength(1);
    expect(db.peek('Profile', 42)?.fields.data).toBe('old_data');
  });
});

describe('transaction.atomic()', () => {
  it('keeps writes from other actors until the commit (read committed)', () => {
    const db = seeded();
    db.begin('writer');
    db.save('Profile', 42, { data: 'new_data' }, 'writer');
    expect(db.get('Profile', 42, 'reader')?.fields.data).toBe('old_data');
    expect(db.get('Profile', 42, 'writer')?.fields.data).toBe('new_data');
  });

  it('makes the writes visible to everyone at the commit', () => {
    const db = seeded();
    db.begin('writer');
    db.update('Profile', 42, { data: 'new_data' }, 'writer');
    db.save('Profile', 7, { data: 'fresh' }, 'writer');
    db.commit('writer');
    expect(db.inAtomicBlock('writer')).toBe(false);
    expect(db.get('Profile', 42, 'reader')?.fields.data).toBe('new_data');
    expect(db.get('Profile', 7, 'reader')?.fields).toEqual({ data: 'fresh' });
  });

  it('restores the committed value on rollback', () => {
    const db = seeded();
    db.begin();
    db.save('Profile', 42, { data: 'new_data' });
    db.delete('Profile', 42);
    db.save('Profile', 7, { data: 'fresh' });
    db.rollback();
    expect(db.get('Profile', 42)?.fields.data).toBe('old_data');
    expect(db.get('Profile', 7)).toBeNull();
    expect(db.inAtomicBlock()).toBe(false);
  });

  it('undoes only the savepoint on an inner rollback', () => {
    const db = seeded();
    db.begin();
    db.save('Profile', 42, { data: 'outer' });
    db.begin();
    db.save('Profile', 42, { visits: 2 });
    db.rollback();
    expect(db.get('Profile', 42)?.fields).toEqual({ data: 'outer', visits: 1 });
    db.commit();
    expect(db.peek('Profile', 42)?.fields).toEqual({ data: 'outer', visits: 1 });
  });

  it('keeps an inner commit pending until the outermost commit', () => {
    const db = seeded();
    db.begin();
    db.begin();
    db.save('Profile', 42, { data: 'inner' });
    db.commit();
    expect(db.inAtomicBlock()).toBe(true);
    expect(db.peek('Profile', 42)?.fields.data).toBe('old_data');
    db.commit();
    expect(db.peek('Profile', 42)?.fields.data).toBe('inner');
  });

  it('throws away a released savepoint with the outer block that rolls back', () => {
    const db = seeded();
    db.begin();
    db.begin();
    db.save('Profile', 42, { data: 'inner' });
    db.commit();
    db.rollback();
    expect(db.peek('Profile', 42)?.fields.data).toBe('old_data');
  });

  it('tracks each actor separately', () => {
    const db = seeded();
    db.begin('a');
    expect(db.inAtomicBlock('a')).toBe(true);
    expect(db.inAtomicBlock('b')).toBe(false);
    expect(db.inAtomicBlock()).toBe(false);
  });

  it('applies concurrent transactions field by field, last commit wins', () => {
    const db = seeded();
    db.begin('a');
    db.begin('b');
    db.update('Profile', 42, { data: 'from_a' }, 'a');
    db.update('Profile', 42, { data: 'from_b', visits: 5 }, 'b');
    db.commit('b');
    db.commit('a');
    expect(db.peek('Profile', 42)?.fields).toEqual({ data: 'from_a', visits: 5 });
  });

  it.each([
    ['commit', (db: Database) => db.commit()],
    ['rollback', (db: Database) => db.rollback()],
  ])('refuses %s outside a transaction with a TransactionManagementError', (_name, call) => {
    expect(() => call(seeded())).toThrow(
      expect.objectContaining({
        name: 'TransactionManagementError',
        message: "This code isn't under the control of a transaction.",
      }),
    );
  });

  it('refuses a commit once the outermost block is closed', () => {
    const db = seeded();
    db.begin();
    db.commit();
    expect(() => db.commit()).toThrow("This code isn't under the control of a transaction.");
  });
});

describe('transaction.on_commit', () => {
  it('runs at once outside a transaction', () => {
    const db = seeded();
    const calls: string[] = [];
    db.onCommit(() => calls.push('ran'));
    expect(calls).toEqual(['ran']);
  });

  it('runs after the outermost commit, not after an inner one', () => {
    const db = seeded();
    const calls: string[] = [];
    db.begin();
    db.begin();
    db.onCommit(() => calls.push('ran'));
    db.commit();
    expect(calls).toEqual([]);
    db.commit();
    expect(calls).toEqual(['ran']);
  });

  it('runs the callbacks in registration order', () => {
    const db = seeded();
    const calls: number[] = [];
    db.begin();
    db.onCommit(() => calls.push(1));
    db.begin();
    db.onCommit(() => calls.push(2));
    db.commit();
    db.onCommit(() => calls.push(3));
    db.commit();
    expect(calls).toEqual([1, 2, 3]);
  });

  it('is dropped on rollback', () => {
    const db = seeded();
    const calls: string[] = [];
    db.begin();
    db.onCommit(() => calls.push('ran'));
    db.rollback();
    expect(calls).toEqual([]);
    db.begin();
    db.commit();
    expect(calls).toEqual([]);
  });

  it('drops only the inner callbacks on an inner rollback', () => {
    const db = seeded();
    const calls: string[] = [];
    db.begin();
    db.onCommit(() => calls.push('outer'));
    db.begin();
    db.onCommit(() => calls.push('inner'));
    db.rollback();
    db.commit();
    expect(calls).toEqual(['outer']);
  });

  it('sees the committed row, outside any atomic block', () => {
    const db = seeded();
    const seen: unknown[] = [];
    db.begin('writer');
    db.save('Profile', 42, { data: 'new_data' }, 'writer');
    db.onCommit(() => {
      seen.push(db.get('Profile', 42, 'reader')?.fields.data, db.inAtomicBlock('writer'));
    }, 'writer');
    db.commit('writer');
    expect(seen).toEqual(['new_data', false]);
  });

  it('runs a callback registered by a callback at once', () => {
    const db = seeded();
    const calls: string[] = [];
    db.begin();
    db.onCommit(() => {
      calls.push('first');
      db.onCommit(() => calls.push('nested'));
      calls.push('after nested');
    });
    db.commit();
    expect(calls).toEqual(['first', 'nested', 'after nested']);
  });

  it("waits for the registering actor's commit, not another actor's", () => {
    const db = seeded();
    const calls: string[] = [];
    db.begin('a');
    db.begin('b');
    db.onCommit(() => calls.push('a'), 'a');
    db.commit('b');
    expect(calls).toEqual([]);
    db.commit('a');
    expect(calls).toEqual(['a']);
  });

  it('drops the remaining callbacks when one raises, as Django does', () => {
    const db = seeded();
    const calls: string[] = [];
    db.begin();
    db.onCommit(() => {
      throw new Error('boom');
    });
    db.onCommit(() => calls.push('second'));
    expect(() => db.commit()).toThrow('boom');
    expect(calls).toEqual([]);
    expect(db.inAtomicBlock()).toBe(false);
  });

  it('invalidates after the commit when a receiver defers its delete', () => {
    const db = seeded();
    const log: string[] = [];
    db.connect('post_save', 'Profile', (event) => {
      db.onCommit(() => {
        log.push(`delete, reader sees ${String(db.get('Profile', 42, 'reader')?.fields.data)}`);
      }, event.actor);
    });
    db.begin();
    db.save('Profile', 42, { data: 'new_data' });
    log.push('saved');
    db.commit();
    expect(log).toEqual(['saved', 'delete, reader sees new_data']);
  });
});

describe('rows()', () => {
  it('lists committed rows by model then pk, with nothing pending', () => {
    const db = createDatabase({
      models: {
        Profile: [
          { pk: 10, fields: { n: 10 } },
          { pk: 2, fields: { n: 2 } },
        ],
        Article: [
          { pk: 'b', fields: {} },
          { pk: 'a', fields: {} },
        ],
      },
    });
    expect(db.rows().map((row) => [row.model, row.pk, row.pending])).toEqual([
      ['Article', 'a', []],
      ['Article', 'b', []],
      ['Profile', 2, []],
      ['Profile', 10, []],
    ]);
  });

  it('shows uncommitted writes by actor, null for a pending delete', () => {
    const db = seeded();
    db.begin('a');
    db.save('Profile', 42, { data: 'from_a' }, 'a');
    db.begin('b');
    db.delete('Profile', 42, 'b');
    expect(db.rows()).toEqual([
      {
        model: 'Profile',
        pk: 42,
        fields: { data: 'old_data', visits: 1 },
        pending: [
          { actor: 'a', fields: { data: 'from_a' } },
          { actor: 'b', fields: null },
        ],
      },
    ]);
  });

  it('merges the savepoints of one actor into one pending change', () => {
    const db = seeded();
    db.begin();
    db.update('Profile', 42, { data: 'outer' });
    db.begin();
    db.update('Profile', 42, { visits: 2 });
    expect(db.rows()[0].pending).toEqual([
      { actor: 'request', fields: { data: 'outer', visits: 2 } },
    ]);
  });

  it('lists a row that exists only inside a transaction with empty committed fields', () => {
    const db = seeded();
    db.begin();
    db.save('Article', 1, { title: 'Draft' });
    expect(db.rows()[0]).toEqual({
      model: 'Article',
      pk: 1,
      fields: {},
      pending: [{ actor: 'request', fields: { title: 'Draft' } }],
    });
  });

  it('leaves out a row a transaction created and deleted again', () => {
    const db = seeded();
    db.begin();
    db.save('Article', 1, { title: 'Draft' });
    db.delete('Article', 1);
    expect(db.rows().map((row) => row.model)).toEqual(['Profile']);
  });

  it('hands out copies and counts no query', () => {
    const db = seeded();
    db.rows()[0].fields.data = 'mutated';
    expect(db.peek('Profile', 42)?.fields.data).toBe('old_data');
    expect(db.queryCount()).toBe(0);
  });
});

describe('peek()', () => {
  it('reads the committed value, ignoring open transactions, without a query', () => {
    const db = seeded();
    db.begin();
    db.save('Profile', 42, { data: 'new_data' });
    const before = db.queryCount();
    expect(db.peek('Profile', 42)?.fields.data).toBe('old_data');
    expect(db.peek('Profile', 7)).toBeNull();
    expect(db.queryCount()).toBe(before);
  });
});

describe('row() and onChange', () => {
  function watched() {
    const changes: string[] = [];
    const db = createDatabase({
      models: { Profile: [{ pk: 1, fields: { data: 'v0', tags: ['a'] } }], Other: [] },
      onChange: (model, pk) => changes.push(`${model}:${String(pk)}`),
    });
    return { db, changes };
  }

  it('row() is the entry rows() lists, or null', () => {
    const { db } = watched();
    db.begin('w');
    db.save('Profile', 2, { data: 'new' }, 'w');
    db.update('Profile', 1, { data: 'v1' }, 'w');
    for (const row of db.rows()) expect(db.row(row.model, row.pk)).toEqual(row);
    expect(db.row('Profile', 3)).toBeNull();
    expect(db.row('Nope', 1)).toBeNull();
    db.rollback('w');
    expect(db.row('Profile', 2)).toBeNull();
  });

  it('reports committed writes, pending writes and the rows of a block that is left', () => {
    const { db, changes } = watched();
    db.save('Profile', 1, { data: 'v1' });
    expect(changes).toEqual(['Profile:1']);
    changes.length = 0;
    db.begin('w');
    db.save('Profile', 2, { data: 'x' }, 'w');
    expect(changes).toEqual(['Profile:2']);
    changes.length = 0;
    db.rollback('w');
    expect(changes).toEqual(['Profile:2']);
    changes.length = 0;
    db.begin('w');
    db.begin('w');
    db.delete('Profile', 1, 'w');
    db.commit('w');
    db.commit('w');
    expect(changes).toContain('Profile:1');
    expect(db.peek('Profile', 1)).toBeNull();
    changes.length = 0;
    db.get('Profile', 1);
    db.update('Profile', 9, { data: 'none' });
    expect(changes).toEqual([]);
  });

  it('copies container fields out and in, shares nothing mutable', () => {
    const { db } = watched();
    const row = db.get('Profile', 1);
    (row?.fields.tags as string[]).push('b');
    expect(db.peek('Profile', 1)?.fields.tags).toEqual(['a']);
    const fields = { data: 'v', tags: ['x'] };
    db.save('Profile', 1, fields);
    fields.tags.push('y');
    expect(db.rows()[0].fields).toEqual({ data: 'v', tags: ['x'] });
  });
});

describe('reads without copies (the engine views)', () => {
  it('read what row() and peek() copy, for committed and pending rows', () => {
    const db = seeded();
    const reads = readsOf(db);
    expect(reads).toBeDefined();
    db.begin('worker');
    db.update('Profile', 42, { data: 'pending' }, 'worker');
    db.save('Article', 7, { title: 'new', tags: ['a'] }, 'worker');
    for (const [model, pk] of [
      ['Profile', 42],
      ['Article', 7],
      ['Article', 8],
      ['Nope', 1],
    ] as const) {
      expect(reads?.row(model, pk)).toEqual(db.row(model, pk));
    }
    expect(reads?.fields('Profile', 42)).toEqual(db.peek('Profile', 42)?.fields);
    expect(reads?.fields('Article', 7)).toBeNull();
  });
});
