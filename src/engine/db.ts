/**
 * A fake database that behaves like the parts of the Django ORM the lessons need: rows by model
 * and pk, `save()` / `QuerySet.update()` / `delete()`, `post_save` / `post_delete` signals, and
 * `transaction.atomic()` with savepoints and `transaction.on_commit()`, per actor (request or
 * worker), with read-committed isolation between actors.
 *
 * What is deliberately not simulated: row locks (two open transactions may write one row; at
 * commit each applies the fields it wrote, so the last commit wins field by field), schemas and
 * defaults, and the extra queries Django sometimes runs (`save()` with an explicit pk may run an
 * UPDATE then an INSERT); every ORM call counts as exactly one query, as the lessons count them.
 */

import type {
  Database,
  DatabaseOptions,
  DbRowView,
  Fields,
  Pk,
  Receiver,
  Row,
  SignalEvent,
  SignalName,
} from './types';

/**
 * Reads without copies, for the engine's own views (run.ts), which only read what they get:
 * a row as `row()` gives it and a committed row's fields as `peek()` gives them, uncopied.
 * Not part of the public API.
 */
export interface DatabaseReads {
  row(model: string, pk: Pk): DbRowView | null;
  fields(model: string, pk: Pk): Readonly<Fields> | null;
}

const reads = new WeakMap<Database, DatabaseReads>();

/** The uncopied reads of a database made by {@link createDatabase}. */
export function readsOf(db: Database): DatabaseReads | undefined {
  return reads.get(db);
}

/** Fields as they are, where a caller only reads them. */
const asIs = (fields: Fields): Fields => fields;

/** The actor whose code runs when a caller names none, as in `LessonStep.actor`. */
export const DEFAULT_ACTOR = 'request';

/**
 * What an open transaction has done to one row, invisible to other actors until the outermost
 * commit. An `update` only carries the fields written, so a commit re-applies them onto whatever
 * is committed by then (read committed), instead of overwriting other actors' fields.
 */
type PendingWrite =
  /** The row was deleted. */
  | { kind: 'delete' }
  /** The row was created (or deleted and created again): these are all its fields. */
  | { kind: 'insert'; fields: Fields }
  /** These fields were written onto the existing row. */
  | { kind: 'update'; fields: Fields };

/** One `transaction.atomic()` block: the outermost one, or a savepoint inside it. */
interface AtomicBlock {
  writes: Map<string, Map<Pk, PendingWrite>>;
  /** `on_commit` callbacks registered inside this block, in registration order. */
  callbacks: (() => void)[];
  /**
   * Whether entering the block set a savepoint. Django sets none when the transaction is
   * already broken (`needs_rollback`): leaving such a block leaves the transaction broken.
   */
  savepoint: boolean;
}

/** The open blocks of an actor outside a transaction: none (never written to). */
const NO_BLOCKS: readonly AtomicBlock[] = Object.freeze([]);

/** An `Error` whose `name` is the Django exception class, as the UI prints `name: message`. */
function djangoError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** The state of a row after a pending write; `null` = no row. */
function applyWrite(base: Fields | null, write: PendingWrite): Fields | null {
  switch (write.kind) {
    case 'delete':
      return null;
    case 'insert':
      return write.fields;
    case 'update':
      // UPDATE ... WHERE pk = x matches nothing once another actor's commit removed the row.
      return base === null ? null : { ...base, ...write.fields };
  }
}

/**
 * One pending write equivalent to `outer` followed by `inner`, so that
 * `applyWrite(base, combine(outer, inner))` equals applying both in turn. Used to release a
 * savepoint into its parent block and to show an actor's nested blocks as one pending change.
 */
function combine(outer: PendingWrite | undefined, inner: PendingWrite): PendingWrite {
  if (outer === undefined || inner.kind !== 'update') return inner;
  // An update after a delete finds no row (and the ORM only records it when it found one).
  if (outer.kind === 'delete') return outer;
  return { kind: outer.kind, fields: { ...outer.fields, ...inner.fields } };
}

/** Numbers before strings, numbers by value, strings by code unit: the same order every run. */
function comparePk(a: Pk, b: Pk): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * A deep copy of a row's fields. Immutable field values (strings, numbers, booleans, `None`)
 * are shared; containers are structured-cloned, as the whole object used to be.
 */
function cloneFields(fields: Fields): Fields {
  const proto: unknown = Object.getPrototypeOf(fields);
  if (proto !== Object.prototype && proto !== null) return structuredClone(fields);
  const out: Fields = {};
  // for-in over own names is Object.keys' order without the array it allocates per call.
  for (const name in fields) {
    if (!Object.hasOwn(fields, name)) continue;
    const value = fields[name];
    out[name] =
      value === null ||
      (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol')
        ? value
        : structuredClone(value);
  }
  return out;
}

function toRow(model: string, pk: Pk, fields: Fields): Row {
  return { model, pk, fields: cloneFields(fields) };
}

/**
 * Create a fake database seeded with `options.models` (model name → rows). Only those models
 * exist: naming another one throws a `LookupError`, as Django does for a model it does not know.
 *
 * Reads and writes take an `actor` (default `'request'`). Each actor has its own transaction
 * state: inside `begin()`…`commit()` its writes are visible to itself only, other actors keep
 * reading the committed value. Signals are sent synchronously when the ORM call runs — inside a
 * transaction that is before the commit, which is exactly the trap one lesson teaches.
 *
 * `rows()` also lists a row that exists only inside an open transaction: its committed `fields`
 * are then `{}` and its `pending` entries hold the whole row.
 *
 * Everything handed in or out is a deep copy (containers are structured-cloned, immutable field
 * values shared), so no caller can change a stored row by mutating an object.
 *
 * @example
 * const db = createDatabase({ models: { Profile: [{ pk: 42, fields: { data: 'old_data' } }] } });
 * db.connect('post_save', 'Profile', (e) => cache.delete(`user_profile_${e.instance.pk}`));
 * db.save('Profile', 42, { data: 'new_data' }); // sends post_save with created: false
 */
export function createDatabase(options: DatabaseOptions = {}): Database {
  const committed = new Map<string, Map<Pk, Fields>>();
  for (const [model, rows] of Object.entries(options.models ?? {})) {
    const table = new Map<Pk, Fields>();
    for (const row of rows) table.set(row.pk, cloneFields(row.fields));
    committed.set(model, table);
  }

  /**
   * Open atomic blocks per actor, outermost first. An actor is a key only while it is inside a
   * transaction, so the map's order is the order in which the open transactions began.
   */
  const blocks = new Map<string, AtomicBlock[]>();
  const receivers = new Map<SignalName, Map<string, Receiver[]>>();
  let queries = 0;
  const changed = options.onChange;

  function table(model: string): Map<Pk, Fields> {
    const found = committed.get(model);
    if (found === undefined) throw djangoError('LookupError', `Model '${model}' is not registered`);
    return found;
  }

  /** An actor's open blocks; outside a transaction a shared empty list (no array per query). */
  function stackOf(actor: string): readonly AtomicBlock[] {
    return blocks.get(actor) ?? NO_BLOCKS;
  }

  /** The row as `actor` sees it: committed state, then its own blocks from outermost inwards. */
  function view(model: string, pk: Pk, actor: string): Fields | null {
    let fields = table(model).get(pk) ?? null;
    const stack = stackOf(actor);
    // An index loop: for-of over a frozen array (`NO_BLOCKS`) allocates in V8.
    for (let i = 0; i < stack.length; i += 1) {
      const block = stack[i];
      const write = block.writes.get(model)?.get(pk);
      if (write !== undefined) fields = applyWrite(fields, write);
    }
    return fields;
  }

  /** Add a write to a block, on top of what the block already did to that row. */
  function addWrite(block: AtomicBlock, model: string, pk: Pk, write: PendingWrite): void {
    let writes = block.writes.get(model);
    if (writes === undefined) {
      writes = new Map();
      block.writes.set(model, writes);
    }
    writes.set(pk, combine(writes.get(pk), write));
    changed?.(model, pk);
  }

  function writeCommitted(model: string, pk: Pk, write: PendingWrite): void {
    const rows = table(model);
    const next = applyWrite(rows.get(pk) ?? null, write);
    if (next === null) rows.delete(pk);
    else rows.set(pk, next);
    changed?.(model, pk);
  }

  function forEachWrite(
    block: AtomicBlock,
    fn: (model: string, pk: Pk, w: PendingWrite) => void,
  ): void {
    // forEach, not for-of over entries: that makes a [key, value] pair per entry.
    block.writes.forEach((writes, model) => writes.forEach((write, pk) => fn(model, pk, write)));
  }

  /** Autocommit mode writes at once; inside `atomic()` the innermost block keeps the write. */
  function record(model: string, pk: Pk, actor: string, write: PendingWrite): void {
    const block = stackOf(actor).at(-1);
    if (block === undefined) writeCommitted(model, pk, write);
    else addWrite(block, model, pk, write);
  }

  function send(
    signal: SignalName,
    model: string,
    pk: Pk,
    fields: Fields,
    created: boolean,
    actor: string,
  ): void {
    const connected = receivers.get(signal)?.get(model);
    if (connected === undefined || connected.length === 0) return;
    // One event shared by every receiver, like the one `instance` Django passes to all of them.
    // The list is copied first: a receiver connected during dispatch waits for the next send.
    const event: SignalEvent = {
      signal,
      sender: model,
      instance: toRow(model, pk, fields),
      created,
      actor,
    };
    for (const receiver of [...connected]) receiver(event);
  }

  /** Leave the innermost atomic block: the block left, and the blocks still open around it. */
  function popBlock(actor: string): [AtomicBlock, AtomicBlock[]] {
    const stack = blocks.get(actor) ?? [];
    const block = stack.pop();
    if (block === undefined) {
      throw djangoError(
        'TransactionManagementError',
        "This code isn't under the control of a transaction.",
      );
    }
    if (stack.length === 0) blocks.delete(actor);
    // Its pending writes leave it: dropped, released into the parent block or committed.
    if (changed !== undefined) forEachWrite(block, (model, pk) => changed(model, pk));
    return [block, stack];
  }

  /** The pending change each open transaction holds for one row, if it changes anything. */
  function pendingFor(
    model: string,
    pk: Pk,
    isCommitted: boolean,
    copy: (fields: Fields) => Fields,
  ): DbRowView['pending'] {
    const pending: DbRowView['pending'] = [];
    // Keys, not entries: a walk over entries makes a [key, value] pair per entry.
    for (const actor of blocks.keys()) {
      const stack = blocks.get(actor) ?? NO_BLOCKS;
      let write: PendingWrite | undefined;
      for (const block of stack) {
        const next = block.writes.get(model)?.get(pk);
        if (next !== undefined) write = combine(write, next);
      }
      // A delete or update of a row that is not committed would change nothing at commit.
      if (write === undefined || (write.kind !== 'insert' && !isCommitted)) continue;
      pending.push({
        actor,
        fields: write.kind === 'delete' ? null : copy(write.fields),
      });
    }
    return pending;
  }

  /** One entry of `rows()`, or `null` when neither committed nor pending. */
  function rowView(
    model: string,
    pk: Pk,
    copy: (fields: Fields) => Fields = cloneFields,
  ): DbRowView | null {
    const fields = table(model).get(pk);
    const pending = pendingFor(model, pk, fields !== undefined, copy);
    if (fields === undefined && pending.length === 0) return null;
    return { model, pk, fields: copy(fields ?? {}), pending };
  }

  /**
   * Actors whose transaction is broken (Django's connection-wide `needs_rollback`): an ORM call
   * failed inside an atomic block without a savepoint of its own (a `post_delete` receiver
   * raised inside `delete()`'s `atomic(savepoint=False)`). Queries raise until a block with a
   * savepoint, or the outermost block, is left, which rolls back.
   */
  const broken = new Set<string>();

  /** As Django's `validate_no_broken_transaction`. */
  function assertUsable(actor: string): void {
    if (broken.has(actor)) {
      throw djangoError(
        'TransactionManagementError',
        "An error occurred in the current transaction. You can't execute queries until the end of the 'atomic' block.",
      );
    }
  }

  function begin(actor: string): void {
    const stack = blocks.get(actor) ?? [];
    // Entering the outermost block resets needs_rollback; a nested one sets a savepoint unless
    // the transaction is broken.
    if (stack.length === 0) broken.delete(actor);
    stack.push({ writes: new Map(), callbacks: [], savepoint: !broken.has(actor) });
    blocks.set(actor, stack);
  }

  /**
   * Leave a block by rolling back (Atomic.__exit__'s rollback path): its writes and callbacks
   * are dropped; the transaction stays broken only if the block had no savepoint to roll back to.
   */
  function rollBack(actor: string): void {
    const [block, outer] = popBlock(actor);
    broken.delete(actor);
    if (outer.length > 0 && !block.savepoint) broken.add(actor);
  }

  function commit(actor: string): void {
    // Leaving a block normally while the transaction is broken rolls back instead.
    if (broken.has(actor)) {
      rollBack(actor);
      return;
    }
    const [block, outer] = popBlock(actor);
    const parent = outer.at(-1);
    if (parent !== undefined) {
      // Releasing a savepoint commits nothing: its writes and callbacks now belong to the
      // enclosing block and share its fate.
      forEachWrite(block, (model, pk, write) => addWrite(parent, model, pk, write));
      parent.callbacks.push(...block.callbacks);
      return;
    }
    forEachWrite(block, writeCommitted);
    // As Django's run_and_clear_commit_hooks: the actor has left the atomic block (so a
    // callback's own on_commit runs at once), callbacks run in order, and if one raises the
    // exception propagates and the remaining callbacks are dropped.
    const callbacks = [...block.callbacks];
    for (let next = callbacks.shift(); next !== undefined; next = callbacks.shift()) next();
  }

  const db: Database = {
    get(model, pk, actor = DEFAULT_ACTOR) {
      assertUsable(actor);
      const fields = view(model, pk, actor);
      queries += 1;
      return fields === null ? null : toRow(model, pk, fields);
    },

    save(model, pk, fields, actor = DEFAULT_ACTOR) {
      assertUsable(actor);
      const before = view(model, pk, actor);
      queries += 1;
      // save() INSERTs when the actor sees no row (created=True), otherwise UPDATEs.
      const created = before === null;
      const written = cloneFields(fields);
      record(model, pk, actor, { kind: created ? 'insert' : 'update', fields: written });
      // Model.save_base sends post_save after its write, outside any block of its own: in
      // autocommit the row is committed when receivers run, and a receiver's exception
      // propagates to the caller without undoing it.
      send('post_save', model, pk, view(model, pk, actor) ?? written, created, actor);
    },

    update(model, pk, fields, actor = DEFAULT_ACTOR) {
      assertUsable(actor);
      const before = view(model, pk, actor);
      queries += 1;
      if (before === null) return 0;
      // QuerySet.update() is plain SQL: no save(), so no post_save — the lesson's catch.
      record(model, pk, actor, { kind: 'update', fields: cloneFields(fields) });
      return 1;
    },

    delete(model, pk, actor = DEFAULT_ACTOR) {
      assertUsable(actor);
      const before = view(model, pk, actor);
      queries += 1;
      if (before === null) return false;
      // Collector.delete() runs the DELETE and sends post_delete inside its own
      // `atomic(savepoint=False)`: in autocommit that block is the transaction, so a
      // receiver's exception rolls the delete back and a receiver's on_commit waits for the
      // block's commit; inside the caller's atomic() it joins the caller's block, and an
      // exception marks that block for rollback.
      const enclosing = stackOf(actor).at(-1);
      if (enclosing === undefined) begin(actor);
      try {
        record(model, pk, actor, { kind: 'delete' });
        // Receivers get the instance as it was, like Django's in-memory instance after delete().
        send('post_delete', model, pk, before, false, actor);
      } catch (error) {
        // The block without a savepoint breaks the caller's transaction; on its own it is the
        // outermost block and simply rolls back.
        if (enclosing === undefined) rollBack(actor);
        else broken.add(actor);
        throw error;
      }
      if (enclosing === undefined) commit(actor);
      return true;
    },

    connect(signal, model, receiver) {
      // Django's system checks reject a receiver bound to a model that does not exist.
      table(model);
      let bySender = receivers.get(signal);
      if (bySender === undefined) {
        bySender = new Map();
        receivers.set(signal, bySender);
      }
      const list = bySender.get(model) ?? [];
      // Django keys receivers by (receiver, sender): connecting the same function twice is a no-op.
      if (!list.includes(receiver)) list.push(receiver);
      bySender.set(model, list);
    },

    begin(actor = DEFAULT_ACTOR) {
      begin(actor);
    },

    commit(actor = DEFAULT_ACTOR) {
      commit(actor);
    },

    rollback(actor = DEFAULT_ACTOR) {
      // Dropping the innermost block undoes its writes and forgets its on_commit callbacks;
      // outer blocks keep theirs, as with a savepoint rollback.
      rollBack(actor);
    },

    onCommit(fn, actor = DEFAULT_ACTOR) {
      const block = stackOf(actor).at(-1);
      if (block === undefined) fn();
      else block.callbacks.push(fn);
    },

    inAtomicBlock(actor = DEFAULT_ACTOR) {
      return stackOf(actor).length > 0;
    },

    /**
     * Committed rows by model then pk, each with the uncommitted change of every actor whose open
     * transaction touches it: `fields` are the fields that transaction wrote (all of them for a
     * row it created), `null` for a delete. A row that exists only inside a transaction is listed
     * too, with committed `fields` of `{}` and one `pending` entry per creating actor.
     */
    rows() {
      const views: DbRowView[] = [];
      for (const model of [...committed.keys()].sort()) {
        const rows = table(model);
        const pks = new Set<Pk>(rows.keys());
        for (const stack of blocks.values()) {
          for (const block of stack)
            for (const pk of block.writes.get(model)?.keys() ?? []) pks.add(pk);
        }
        for (const pk of [...pks].sort(comparePk)) {
          const row = rowView(model, pk);
          if (row !== null) views.push(row);
        }
      }
      return views;
    },

    row(model, pk) {
      return committed.has(model) ? rowView(model, pk) : null;
    },

    peek(model, pk) {
      const fields = table(model).get(pk);
      return fields === undefined ? null : toRow(model, pk, fields);
    },

    queryCount() {
      return queries;
    },
  };
  reads.set(db, {
    row: (model, pk) => (committed.has(model) ? rowView(model, pk, asIs) : null),
    fields: (model, pk) => table(model).get(pk) ?? null,
  });
  return db;
}
