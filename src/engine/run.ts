import {
  changesOf,
  createCache,
  createCacheStore,
  slotsOf,
  type ChangeLog,
  type Slot,
} from './cache';
import { createClock } from './clock';
import { createDatabase, readsOf, type DatabaseReads } from './db';
import { pyRepr, pyStr } from './python-repr';
import { eventOf } from './outcomes';
import type {
  ActorOutcome,
  CacheBinding,
  CacheEntryView,
  Clock,
  Database,
  DbRowFrameView,
  DbRowView,
  DjangoCache,
  Frame,
  Lesson,
  LessonStep,
  Op,
  Pk,
  PyValue,
  RunOptions,
  Trace,
  TrackedVar,
  ValueExpr,
} from './types';

/** The actor a step runs as when the lesson does not name one. */
export const DEFAULT_ACTOR = 'request';

/** `cache.get` default that tells a miss from a stored `None`. */
const MISS = Symbol('miss');

/** The live simulation a lesson runs against. */
interface World {
  clock: Clock;
  cache: DjangoCache;
  /** The cache's slots, least recently used first, read by the Cache panel's view. */
  slots: ReadonlyMap<string, Slot>;
  /** What the cache changed in the step being run (emptied at every step). */
  changes: ChangeLog;
  db: Database;
  /** The database's reads without copies, for the views (which only read). */
  reads: DatabaseReads;
  vars: Map<string, PyValue>;
  bindings: readonly CompiledBinding[];
  /** How deep receivers are nested in each other (a receiver's save sends the next signal). */
  receiverDepth: number;
  /** Work done so far (operations run, cache entries and rows shown), against `maxWork`. */
  work: number;
  maxWork: number;
  /** The step being run (1-based), for the budget's message. */
  stepIndex: number;
  /**
   * Outcomes of the step being run (the first `outcomeCount`), including on_commit callbacks and
   * receivers it set off. One buffer for the whole run: each frame gets an exact-size copy, and
   * a step starts by setting the count to 0 (not the length: that is a runtime call each time).
   */
  outcomes: ActorOutcome[];
  outcomeCount: number;
  /** Parallel to `outcomes`: the shared outcome it is, or `null` for one of this step's own. */
  shared: (SharedOutcome | null)[];
  /**
   * Outcomes earlier steps had, frozen, by what they are about (a key, a row's pk, an actor),
   * a few each: a step that repeats one (the same key deleted or not by the same actor, the
   * same row saved, …) shares it, and the list of it alone, with the frames that had it.
   */
  gets: Map<string, SharedOutcome[]>;
  adds: Map<string, SharedOutcome[]>;
  deletes: Map<string, SharedOutcome[]>;
  touches: Map<string, SharedOutcome[]>;
  writes: Map<Pk, SharedOutcome[]>;
  atomics: Map<string, SharedOutcome[]>;
  /** Extra code lines that ran (receiver bodies). */
  extraLines: Set<number>;
  /** Whether the step moved the clock (TTLs and expiry in the cache view). */
  clockDirty: boolean;
  /**
   * Rows whose view may have changed in this step (the database's `onChange` says so): the
   * first `touchedCount`, each once. Like `outcomes`, one buffer for the run: emptying a Set or
   * making a fresh array at every step was much of a step's garbage.
   */
  touched: RowRef[];
  touchedCount: number;
  /** Which committed field a raw key mirrors (`null`: none); depends on the key alone. */
  bindingOf: Map<string, Bound | null>;
  /** Each row the engine has heard of, by model and pk. */
  rows: Map<string, Map<Pk, RowRef>>;
  /**
   * Bound values forgotten in this step (the first `forgottenCount`, each once, with `shown`:
   * the repr the views were built with).
   */
  forgotten: Bound[];
  forgottenCount: number;
  /** What the Cache panel last showed for each final key. */
  keys: Map<string, KeyInfo>;
  /**
   * The keys of the last cache view, in its order (most recent first; its first `view.length`),
   * and a spare buffer the next view's order is built in (then the two swap).
   */
  order: KeyInfo[];
  spareOrder: KeyInfo[];
  /** Raw key → final key, to spot two final keys printing as one raw key (a dict collision). */
  rawOwners: Map<string, string>;
  hasRawCollision: boolean;
  /**
   * The pieces of the dict `cacheView` last collected (`null`: the same as the dict last
   * printed), and of the dict last printed.
   */
  pieces: string[] | null;
  dictPieces: string[];
  /** Position of each row in the current DB view, by row id. */
  dbIndex: Map<string, number>;
}

interface RowRef {
  model: string;
  pk: Pk;
  id: string;
  /** The row's fields that keys or tracked variables mirror (forgotten when the row changes). */
  bounds: Bound[];
  /** The step in which it was last added to `World.touched`. */
  touchedIn: number;
}

function rowRef(world: World, model: string, pk: Pk): RowRef {
  let table = world.rows.get(model);
  if (table === undefined) {
    table = new Map();
    world.rows.set(model, table);
  }
  let row = table.get(pk);
  if (row === undefined) {
    row = { model, pk, id: rowId(model, pk), bounds: [], touchedIn: -1 };
    table.set(pk, row);
  }
  return row;
}

/** A committed field a cache key (or tracked variable) mirrors, with its repr until it changes. */
interface Bound {
  model: string;
  pk: Pk;
  field: string;
  repr: string | undefined;
  /** When forgotten in this step: the repr the views were built with, to tell if it changed. */
  shown: string;
  /** The step in which it was last added to `World.forgotten`. */
  forgottenIn: number;
  /** The cache keys that mirror it (each final key's info, once). */
  infos: KeyInfo[];
}

/** The last view of one final key, so an unchanged entry is neither printed nor rebuilt again. */
interface KeyInfo {
  key: string;
  rawKey: string;
  bound: Bound | null;
  /** The stored value last printed (compared with `Object.is`; stored values never change). */
  raw: unknown;
  value: string;
  view: CacheEntryView | null;
  /** The slot `view` was built for: the same slot holds the same value (a write makes a new one). */
  slot: Slot | null;
  /** `'raw_key': value` as the dict prints it, for `value`. */
  piece: string;
  /** The clock when `view` was built (its `ttl` and `isExpired` depend on it). */
  viewNow: number;
  /** `view.isExpired`, here so a walk over keys does not load every view as well. */
  expired: boolean;
  /** Steps in which the key changed in place (touched, removed, its DB value) or moved. */
  changedIn: number;
  movedIn: number;
  /** The step whose view placed it at the most recent end (so a key moved twice shows once). */
  placedIn: number;
}

/** Distinct for `1` and `'1'`, as the database's maps are. */
const rowId = (model: string, pk: Pk): string => `${model}\u0000${typeof pk}\u0000${String(pk)}`;

/** The scope of a step's own operations (receivers get `{ pk }`); never written to. */
const NO_SCOPE: Record<string, PyValue> = Object.freeze({});

/**
 * Replace `{name}` in a key template with the variable's `str()`; `scope` wins over lesson
 * variables. An unknown name is left as it is, so the learner sees the template, not a crash.
 */
export function interpolate(
  template: string,
  vars: ReadonlyMap<string, PyValue>,
  scope: Record<string, PyValue> = NO_SCOPE,
): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    // Own properties only: `{constructor}` must not read what every JavaScript object inherits.
    if (Object.hasOwn(scope, name)) return pyStr(scope[name]);
    if (vars.has(name)) return pyStr(vars.get(name));
    return whole;
  });
}

function evaluate(expr: ValueExpr, vars: ReadonlyMap<string, PyValue>): PyValue {
  if ('literal' in expr) return expr.literal;
  return vars.get(expr.var) ?? null;
}

function evaluateFields(
  fields: Record<string, ValueExpr>,
  vars: ReadonlyMap<string, PyValue>,
): Record<string, PyValue> {
  const out: Record<string, PyValue> = {};
  // for-in over own names: Object.keys' order without the array it allocates per call.
  for (const name in fields)
    if (Object.hasOwn(fields, name)) out[name] = evaluate(fields[name], vars);
  return out;
}

/** The key the code used: the final key without the default `:1:` prefix and version. */
export function rawKeyOf(finalKey: string): string {
  return finalKey.startsWith(':1:') ? finalKey.slice(3) : finalKey;
}

/** A field's value, or `None`: own fields only (a field named `constructor` is not inherited). */
function fieldOf(fields: Record<string, PyValue>, name: string): PyValue {
  return Object.hasOwn(fields, name) ? (fields[name] ?? null) : null;
}

/** A binding with its key compiled to a pattern once per run (`null`: it matches nothing). */
interface CompiledBinding {
  binding: CacheBinding;
  pattern: RegExp | null;
}

const PLACEHOLDER = /\{([A-Za-z_]\w*)\}/g;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A binding key as an anchored pattern: `{name}` placeholders capture a key segment, all other
 * text (braces included, so `{1,40}` is never a quantifier) matches literally. A repeated
 * placeholder must repeat the same text. The schema rejects bad and repeated names; this never
 * throws, whatever it is given.
 */
export function compileBindingKey(key: string): RegExp | null {
  const seen = new Set<string>();
  let source = '';
  let last = 0;
  for (const match of key.matchAll(PLACEHOLDER)) {
    const name = match[1];
    source += escapeRegExp(key.slice(last, match.index));
    source += seen.has(name) ? `\\k<${name}>` : `(?<${name}>[^:]+)`;
    seen.add(name);
    last = match.index + match[0].length;
  }
  source += escapeRegExp(key.slice(last));
  try {
    return new RegExp(`^${source}$`);
  } catch {
    return null;
  }
}

function compileBindings(bindings: readonly CacheBinding[]): CompiledBinding[] {
  return bindings.map((binding) => ({ binding, pattern: compileBindingKey(binding.key) }));
}

/**
 * The committed DB field a cached raw key mirrors, or `null` when no binding matches (memoised
 * by raw key: it depends on the key alone). A `{pk}` placeholder in the binding's key captures
 * the row's pk from the key itself.
 */
function bindingFor(world: World, rawKey: string): Bound | null {
  let bound = world.bindingOf.get(rawKey);
  if (bound === undefined) {
    bound = findBinding(world, rawKey);
    world.bindingOf.set(rawKey, bound);
  }
  return bound;
}

function findBinding(world: World, rawKey: string): Bound | null {
  for (const { binding, pattern } of world.bindings) {
    const match = pattern?.exec(rawKey);
    if (!match) continue;
    const captured = match.groups?.pk;
    const pk =
      captured === undefined ? binding.pk : /^\d+$/.test(captured) ? Number(captured) : captured;
    return boundField(world, binding.model, pk, binding.field);
  }
  return null;
}

/** The one `Bound` of a committed (row, field). */
function boundField(world: World, model: string, pk: Pk, field: string): Bound {
  const row = rowRef(world, model, pk);
  let bound = row.bounds.find((b) => b.field === field);
  if (bound === undefined) {
    bound = { model, pk, field, repr: undefined, shown: '', forgottenIn: -1, infos: [] };
    row.bounds.push(bound);
  }
  return bound;
}

/** Python repr of a committed field (`None` without the row), memoised until the row changes. */
function boundRepr(world: World, bound: Bound): string {
  if (bound.repr === undefined) {
    const fields = world.reads.fields(bound.model, bound.pk);
    bound.repr = fields ? pyRepr(fieldOf(fields, bound.field)) : 'None';
  }
  return bound.repr;
}

/** The database says a row may have changed: its view is read again, its bound reprs forgotten. */
function rowChanged(world: World, model: string, pk: Pk): void {
  const row = rowRef(world, model, pk);
  const step = world.stepIndex;
  if (row.touchedIn !== step) {
    row.touchedIn = step;
    world.touched[world.touchedCount] = row;
    world.touchedCount += 1;
  }
  for (const bound of row.bounds) {
    // What the views were built with (its repr when first forgotten in this step), to tell at
    // the end of the step whether it changed.
    if (bound.repr !== undefined && bound.forgottenIn !== step) {
      bound.forgottenIn = step;
      bound.shown = bound.repr;
      world.forgotten[world.forgottenCount] = bound;
      world.forgottenCount += 1;
    }
    bound.repr = undefined;
  }
}

/**
 * Whether a database change in this step changed a committed value some cache key mirrors;
 * the infos of those keys are marked changed in this step.
 */
function markBoundChanges(world: World): boolean {
  let changed = false;
  for (let k = 0; k < world.forgottenCount; k += 1) {
    const bound = world.forgotten[k];
    if (bound.infos.length === 0 || boundRepr(world, bound) === bound.shown) continue;
    changed = true;
    for (let i = 0; i < bound.infos.length; i += 1) bound.infos[i].changedIn = world.stepIndex;
  }
  return changed;
}

/** Whether a value read from `rawKey` (printed as `repr`) differs from the DB value it mirrors. */
function isStaleRepr(world: World, rawKey: string, repr: string): boolean {
  const bound = bindingFor(world, rawKey);
  return bound !== null && boundRepr(world, bound) !== repr;
}

/** Record what an operation did; `actor` comes last, as every outcome lists it. */
function record(world: World, outcome: ActorOutcome): void {
  world.outcomes[world.outcomeCount] = outcome;
  world.shared[world.outcomeCount] = null;
  world.outcomeCount += 1;
}

/** Record a shared (frozen) outcome. */
function recordShared(world: World, shared: SharedOutcome): void {
  world.outcomes[world.outcomeCount] = shared.outcome;
  world.shared[world.outcomeCount] = shared;
  world.outcomeCount += 1;
}

/** A frozen outcome that steps which repeat it share, and the frozen list of it alone. */
interface SharedOutcome {
  outcome: ActorOutcome;
  list: ActorOutcome[] | null;
}

type OutcomeOf<K extends ActorOutcome['kind']> = Extract<ActorOutcome, { kind: K }>;

/** How many outcomes a subject keeps: enough for each actor's few results on a key or row. */
const SHARED_PER_SUBJECT = 8;

/** The shared outcomes about `subject` (made on first use). */
function sharedAbout<K>(table: Map<K, SharedOutcome[]>, subject: K): SharedOutcome[] {
  let list = table.get(subject);
  if (list === undefined) {
    list = [];
    table.set(subject, list);
  }
  return list;
}

/** Freeze a new outcome and keep it with its subject's (in place of an old one when full). */
function share(world: World, list: SharedOutcome[], outcome: ActorOutcome): SharedOutcome {
  const shared: SharedOutcome = { outcome: Object.freeze(outcome), list: null };
  if (list.length < SHARED_PER_SUBJECT) list.push(shared);
  else list[world.stepIndex % SHARED_PER_SUBJECT] = shared;
  return shared;
}

function sharedGet(
  world: World,
  key: string,
  hit: boolean,
  value: string,
  stale: boolean,
  actor: string,
): SharedOutcome {
  const list = sharedAbout(world.gets, key);
  for (let i = 0; i < list.length; i += 1) {
    const o = list[i].outcome as OutcomeOf<'get'>;
    if (o.hit === hit && o.value === value && o.stale === stale && o.actor === actor)
      return list[i];
  }
  return share(world, list, { kind: 'get', key, hit, value, stale, actor });
}

function sharedAdd(world: World, key: string, stored: boolean, actor: string): SharedOutcome {
  const list = sharedAbout(world.adds, key);
  for (let i = 0; i < list.length; i += 1) {
    const o = list[i].outcome as OutcomeOf<'add'>;
    if (o.stored === stored && o.actor === actor) return list[i];
  }
  return share(world, list, { kind: 'add', key, stored, actor });
}

function sharedDelete(world: World, key: string, deleted: boolean, actor: string): SharedOutcome {
  const list = sharedAbout(world.deletes, key);
  for (let i = 0; i < list.length; i += 1) {
    const o = list[i].outcome as OutcomeOf<'delete'>;
    if (o.deleted === deleted && o.actor === actor) return list[i];
  }
  return share(world, list, { kind: 'delete', key, deleted, actor });
}

function sharedTouch(world: World, key: string, live: boolean, actor: string): SharedOutcome {
  const list = sharedAbout(world.touches, key);
  for (let i = 0; i < list.length; i += 1) {
    const o = list[i].outcome as OutcomeOf<'touch'>;
    if (o.live === live && o.actor === actor) return list[i];
  }
  return share(world, list, { kind: 'touch', key, live, actor });
}

function sharedWrite(
  world: World,
  model: string,
  pk: Pk,
  how: OutcomeOf<'db.write'>['how'],
  actor: string,
): SharedOutcome {
  const list = sharedAbout(world.writes, pk);
  for (let i = 0; i < list.length; i += 1) {
    const o = list[i].outcome as OutcomeOf<'db.write'>;
    // Object.is: a map finds -0 under 0.
    if (o.how === how && o.model === model && Object.is(o.pk, pk) && o.actor === actor)
      return list[i];
  }
  return share(world, list, { kind: 'db.write', model, pk, how, signal: how !== 'update', actor });
}

function sharedAtomic(
  world: World,
  how: OutcomeOf<'atomic'>['how'],
  callbacks: number,
  actor: string,
): SharedOutcome {
  const list = sharedAbout(world.atomics, actor);
  for (let i = 0; i < list.length; i += 1) {
    const o = list[i].outcome as OutcomeOf<'atomic'>;
    if (o.how === how && o.callbacks === callbacks) return list[i];
  }
  return share(world, list, { kind: 'atomic', how, callbacks, actor });
}

/**
 * An on_commit callback that runs `ops`. Made outside `execute`: a closure there over its
 * parameters would make every call of `execute` allocate a context for them.
 */
function callbackOf(
  world: World,
  ops: readonly Op[],
  actor: string,
  scope: Record<string, PyValue>,
): () => void {
  return () => {
    for (const inner of ops) runSafely(world, inner, actor, scope);
  };
}

/** Run one operation as `actor`. Engine errors (Django's ValueError, …) become outcomes. */
function execute(
  world: World,
  op: Op,
  actor: string,
  scope: Record<string, PyValue> = NO_SCOPE,
): void {
  const { cache, db, vars } = world;
  switch (op.op) {
    case 'cache.get': {
      const k = interpolate(op.key, vars, scope);
      const value = cache.get(k, MISS);
      const hit = value !== MISS;
      const stored = (hit ? value : null) as PyValue;
      const repr = pyRepr(stored);
      recordShared(
        world,
        sharedGet(world, k, hit, repr, hit && isStaleRepr(world, k, repr), actor),
      );
      if (op.as) vars.set(op.as, stored);
      return;
    }
    case 'cache.set': {
      const k = interpolate(op.key, vars, scope);
      const value = evaluate(op.value, vars);
      cache.set(k, value, op.timeout);
      record(world, { kind: 'set', key: k, value: pyRepr(value), actor });
      return;
    }
    case 'cache.add': {
      const k = interpolate(op.key, vars, scope);
      const stored = cache.add(k, evaluate(op.value, vars), op.timeout);
      recordShared(world, sharedAdd(world, k, stored, actor));
      if (op.as) vars.set(op.as, stored);
      return;
    }
    case 'cache.delete': {
      const k = interpolate(op.key, vars, scope);
      const deleted = cache.delete(k);
      recordShared(world, sharedDelete(world, k, deleted, actor));
      if (op.as) vars.set(op.as, deleted);
      return;
    }
    case 'cache.deleteMany': {
      // Django's delete_many calls delete per key; each key is reported on its own.
      for (const template of op.keys) {
        const k = interpolate(template, vars, scope);
        recordShared(world, sharedDelete(world, k, cache.delete(k), actor));
      }
      return;
    }
    case 'cache.touch': {
      const k = interpolate(op.key, vars, scope);
      const live = cache.touch(k, op.timeout);
      recordShared(world, sharedTouch(world, k, live, actor));
      if (op.as) vars.set(op.as, live);
      return;
    }
    case 'cache.incr': {
      const k = interpolate(op.key, vars, scope);
      const value = cache.incr(k, op.delta ?? 1);
      record(world, { kind: 'incr', key: k, value: pyRepr(value), actor });
      if (op.as) vars.set(op.as, value);
      return;
    }
    case 'cache.incrVersion': {
      const k = interpolate(op.key, vars, scope);
      const version = cache.incrVersion(k);
      record(world, { kind: 'incrVersion', key: k, version, actor });
      if (op.as) vars.set(op.as, version);
      return;
    }
    case 'db.get': {
      const row = db.get(op.model, op.pk, actor);
      const value = row ? fieldOf(row.fields, op.field) : null;
      record(world, { kind: 'db.read', model: op.model, pk: op.pk, value: pyRepr(value), actor });
      if (op.as) vars.set(op.as, value);
      return;
    }
    case 'db.save':
    case 'db.update':
    case 'db.delete': {
      const how = op.op === 'db.save' ? 'save' : op.op === 'db.update' ? 'update' : 'delete';
      // The write is recorded before its receivers run, so outcomes read in program order.
      recordShared(world, sharedWrite(world, op.model, op.pk, how, actor));
      if (op.op === 'db.save') db.save(op.model, op.pk, evaluateFields(op.fields, vars), actor);
      else if (op.op === 'db.update')
        db.update(op.model, op.pk, evaluateFields(op.fields, vars), actor);
      else db.delete(op.model, op.pk, actor);
      return;
    }
    case 'atomic.begin':
      db.begin(actor);
      recordShared(world, sharedAtomic(world, 'begin', 0, actor));
      return;
    case 'atomic.commit':
    case 'atomic.rollback': {
      const how = op.op === 'atomic.commit' ? 'commit' : 'rollback';
      const entry: ActorOutcome = { kind: 'atomic', how, callbacks: 0, actor };
      record(world, entry);
      const before = world.outcomeCount;
      if (how === 'commit') db.commit(actor);
      else db.rollback(actor);
      // Callbacks run by the outermost commit leave their own outcomes after this one; the
      // entry then takes its place, shared with the steps that did the same.
      const shared = sharedAtomic(world, how, world.outcomeCount - before, actor);
      world.outcomes[before - 1] = shared.outcome;
      world.shared[before - 1] = shared;
      return;
    }
    case 'onCommit':
      db.onCommit(callbackOf(world, op.ops, actor, scope), actor);
      return;
    case 'request': {
      const k = interpolate(op.key, vars, scope);
      const cached = cache.get(k, MISS);
      if (cached !== MISS) {
        const value = cached as PyValue;
        const repr = pyRepr(value);
        recordShared(world, sharedGet(world, k, true, repr, isStaleRepr(world, k, repr), actor));
        if (op.as) vars.set(op.as, value);
        return;
      }
      recordShared(world, sharedGet(world, k, false, 'None', false, actor));
      const row = db.get(op.model, op.pk, actor);
      const value = row ? fieldOf(row.fields, op.field) : null;
      record(world, { kind: 'db.read', model: op.model, pk: op.pk, value: pyRepr(value), actor });
      cache.set(k, value, op.timeout);
      record(world, { kind: 'set', key: k, value: pyRepr(value), actor });
      if (op.as) vars.set(op.as, value);
      return;
    }
    case 'clock.advance':
      world.clockDirty = true;
      world.clock.advance(op.seconds);
      record(world, { kind: 'clock', seconds: op.seconds, now: world.clock.now(), actor });
      return;
    case 'set.var':
      vars.set(op.name, evaluate(op.value, vars));
      return;
  }
}

/**
 * How deeply receivers may set each other off (a `post_save` receiver that saves its sender).
 * Python stops such a recursion with `RecursionError` after its recursion limit (1000 frames,
 * a few dozen of them per `save()` → signal → receiver round); the error unwinds every nested
 * save up to the step's own operation, so the recursion ends once, not at every branch.
 */
export const RECEIVER_DEPTH_LIMIT = 50;

class RecursionLimitError extends Error {
  constructor() {
    super('maximum recursion depth exceeded while calling a Python object');
    this.name = 'RecursionError';
  }
}

/** A run went over its work budget (`RunOptions.maxWork`); `step` is where it stopped. */
export class RunBudgetError extends Error {
  constructor(readonly step: number) {
    super(`The run went over its work budget at step ${step}`);
    this.name = 'RunBudgetError';
  }
}

function spend(world: World, amount: number): void {
  world.work += amount;
  if (world.work > world.maxWork) throw new RunBudgetError(world.stepIndex);
}

/** Execute, turning a Python-style exception into an `error` outcome instead of a crash. */
function runSafely(world: World, op: Op, actor: string, scope?: Record<string, PyValue>): void {
  spend(world, 1);
  try {
    execute(world, op, actor, scope);
  } catch (error) {
    if (error instanceof RunBudgetError) throw error;
    // Inside a receiver, the recursion error unwinds to the step's operation, as in Python.
    if (error instanceof RecursionLimitError && world.receiverDepth > 0) throw error;
    const err = error instanceof Error ? error : new Error(String(error));
    record(world, { kind: 'error', message: `${err.name}: ${err.message}`, actor });
  }
}

/** The cache as a Python dict of live entries, oldest first: `{'user_profile_42': 'old_data'}`. */
export function cacheDict(cache: DjangoCache, now: number): string {
  const live = cache
    .entries()
    .filter((entry) => entry.expiresAt === null || entry.expiresAt > now)
    .reverse();
  const map = new Map<string, unknown>();
  for (const entry of live) map.set(rawKeyOf(entry.key), entry.value);
  return pyRepr(map);
}

/** A lesson's own array, frozen once (a frozen check is far cheaper than a freeze). */
function frozen<T>(list: T[]): T[] {
  return Object.isFrozen(list) ? list : (Object.freeze(list) as T[]);
}

/** Shared by every frame that has nothing there, so an empty list costs nothing per frame. */
const NO_LINES: number[] = Object.freeze([]) as unknown as number[];
const NO_NAMES: string[] = Object.freeze([]) as unknown as string[];
const NO_OUTCOMES: ActorOutcome[] = Object.freeze([]) as unknown as ActorOutcome[];

function keyInfo(world: World, finalKey: string): KeyInfo {
  let info = world.keys.get(finalKey);
  if (info === undefined) {
    const rawKey = rawKeyOf(finalKey);
    const owner = world.rawOwners.get(rawKey);
    if (owner === undefined) world.rawOwners.set(rawKey, finalKey);
    else if (owner !== finalKey) world.hasRawCollision = true;
    info = newKeyInfo(finalKey, rawKey, bindingFor(world, rawKey));
    info.bound?.infos.push(info);
    world.keys.set(finalKey, info);
  }
  return info;
}

function newKeyInfo(key: string, rawKey: string, bound: Bound | null): KeyInfo {
  return {
    key,
    rawKey,
    bound,
    raw: MISS,
    value: '',
    view: null,
    slot: null,
    piece: '',
    viewNow: Number.NaN,
    expired: false,
    changedIn: -1,
    movedIn: -1,
    placedIn: -1,
  };
}

/** Fills order buffers up to a length, so they stay packed arrays of infos. */
const NO_INFO = newKeyInfo('', '', null);

/**
 * A copy of `list` with its entries after `index` (a loop: `slice` of a frozen array takes a
 * slow path in V8).
 */
function copyAfter<T>(list: readonly T[], index: number): T[] {
  const copy = new Array<T>(list.length);
  for (let i = index + 1; i < list.length; i += 1) copy[i] = list[i];
  return copy;
}

/** The Cache panel's note on a slot: its key's info, found by key once per slot. */
function noteOf(world: World, finalKey: string, slot: Slot): KeyInfo {
  // Only run.ts writes notes on its own cache's slots, and only KeyInfo.
  let info = slot.note as KeyInfo | undefined;
  if (info === undefined) {
    info = keyInfo(world, finalKey);
    slot.note = info;
  }
  return info;
}

/** Whether the key's last view still shows the slot: same slot, expiry, clock and DB value. */
function isCurrent(info: KeyInfo, slot: Slot, now: number): boolean {
  const last = info.view;
  return (
    info.slot === slot &&
    last !== null &&
    info.viewNow === now &&
    last.expiresAt === slot.expiresAt &&
    (info.bound === null || info.bound.repr === last.dbValue)
  );
}

/** The view of one slot, rebuilt; the key's last view when it reads the same. */
function refreshView(
  world: World,
  info: KeyInfo,
  key: string,
  slot: Slot,
  now: number,
): CacheEntryView {
  const { value: stored, expiresAt } = slot;
  // A stored value is the cache's private copy and never changes: the same one prints the same.
  if (info.raw === MISS || !Object.is(info.raw, stored)) {
    const value = pyRepr(stored);
    if (value !== info.value) {
      info.value = value;
      info.piece = `${pyRepr(info.rawKey)}: ${value}`;
    }
    info.raw = stored;
  }
  const { value } = info;
  const isExpired = expiresAt !== null && expiresAt <= now;
  const ttl = expiresAt === null ? null : expiresAt - now;
  const dbValue = info.bound === null ? null : boundRepr(world, info.bound);
  const isStale = !isExpired && dbValue !== null && dbValue !== value;
  const old = info.view;
  const next =
    old !== null &&
    old.value === value &&
    old.expiresAt === expiresAt &&
    Object.is(old.ttl, ttl) &&
    old.isExpired === isExpired &&
    old.isStale === isStale &&
    old.dbValue === dbValue
      ? old
      : Object.freeze({
          key,
          rawKey: info.rawKey,
          value,
          expiresAt,
          ttl,
          isExpired,
          isStale,
          dbValue,
        });
  info.view = next;
  info.expired = isExpired;
  info.slot = slot;
  info.viewNow = now;
  return next;
}

/**
 * The Cache panel's view of the cache, built only when the step may have changed it (a cache
 * operation, the clock or a mirrored DB value). An entry equal to its last view is that
 * (frozen) view, and an unchanged list is the previous list itself. It also collects the dict's
 * `'raw_key': value` pieces of the live entries for `dictOfView` (`world.pieces`).
 */
function cacheView(world: World, previous: readonly CacheEntryView[]): CacheEntryView[] {
  const now = world.clock.now();
  const n = world.slots.size;
  // The slots are least recently used first and the view lists the most recent first, so slot
  // k is entry n-1-k. A list of the same length is copied only at its first differing entry.
  let view: CacheEntryView[] | null = n === previous.length ? null : new Array<CacheEntryView>(n);
  const { order } = world;
  while (order.length < n) order.push(NO_INFO);
  let index = n;
  // Live pieces, oldest first, checked against the dict last printed as they come.
  const printed = world.dictPieces;
  let live = 0;
  let samePieces = true;
  // `values()`, not entries: a walk over entries makes a [key, slot] pair per entry.
  for (const slot of world.slots.values()) {
    const { key } = slot;
    index -= 1;
    const info = noteOf(world, key, slot);
    order[index] = info;
    const entry = isCurrent(info, slot, now)
      ? (info.view as CacheEntryView)
      : refreshView(world, info, key, slot, now);
    if (view === null && entry !== previous[index]) view = copyAfter(previous, index);
    if (view !== null) view[index] = entry;
    if (slot.expiresAt === null || slot.expiresAt > now) {
      if (samePieces) samePieces = live < printed.length && printed[live] === info.piece;
      live += 1;
    }
  }
  // Only a changed dict needs its pieces: an exact-size array, in a second walk (a pushed-to
  // array would grow, and keep its spare room).
  world.pieces = samePieces && live === printed.length ? null : livePieces(world, now, live);
  return view === null ? (previous as CacheEntryView[]) : (Object.freeze(view) as CacheEntryView[]);
}

/**
 * The cache view after a step that changed only the keys the cache logged and those whose DB
 * value changed, built from the previous view without walking the others: the keys moved to the
 * most recent end come first (the last moved first), then the previous view's other entries in
 * their order, less the removed ones, rebuilt where changed. Only when the clock stood still
 * (a moved clock changes every TTL). `null` when the log does not account for the store.
 */
function changedCacheView(
  world: World,
  previous: readonly CacheEntryView[],
): CacheEntryView[] | null {
  const { slots, changes } = world;
  const { keys, moved } = changes;
  const step = world.stepIndex;
  const now = world.clock.now();
  for (let k = 0; k < changes.count; k += 1) {
    const info = world.keys.get(keys[k]);
    if (info === undefined) continue;
    if (moved[k]) info.movedIn = step;
    else info.changedIn = step;
  }
  const n = slots.size;
  const order = world.spareOrder;
  while (order.length < n) order.push(NO_INFO);
  let count = 0;
  // Backwards: the first move met is a key's last one, and the last moved key is the newest.
  for (let k = changes.count - 1; k >= 0; k -= 1) {
    if (!moved[k]) continue;
    const key = keys[k];
    const slot = slots.get(key);
    // Removed after it moved.
    if (slot === undefined) continue;
    const info = noteOf(world, key, slot);
    if (info.placedIn === step) continue;
    // A new key had no info to mark above.
    info.placedIn = step;
    info.movedIn = step;
    if (count === n) return null;
    order[count] = info;
    count += 1;
    if (!isCurrent(info, slot, now)) refreshView(world, info, key, slot, now);
  }
  const last = world.order;
  for (let i = 0; i < previous.length; i += 1) {
    const info = last[i];
    if (info.movedIn === step) continue;
    if (info.changedIn === step) {
      const slot = slots.get(info.key);
      if (slot === undefined) continue;
      if (!isCurrent(info, slot, now)) refreshView(world, info, info.key, slot, now);
    }
    if (count === n) return null;
    order[count] = info;
    count += 1;
  }
  if (count !== n) return null;
  world.spareOrder = last;
  world.order = order;
  // Only a logged change can change the dict: a DB value is not in it.
  world.pieces = changes.count > 0 ? changedPieces(world, order, n) : null;
  // Filled and compared in one pass: the list nearly always changed.
  const view = new Array<CacheEntryView>(n);
  let same = n === previous.length;
  for (let i = 0; i < n; i += 1) {
    const entry = order[i].view as CacheEntryView;
    view[i] = entry;
    if (entry !== previous[i]) same = false;
  }
  return same ? (previous as CacheEntryView[]) : (Object.freeze(view) as CacheEntryView[]);
}

/**
 * The dict pieces of the live keys among the first `n` of `order` (most recent first, each
 * with its view current), oldest first; `null` when they are the pieces of the dict last printed.
 */
function changedPieces(world: World, order: readonly KeyInfo[], n: number): string[] | null {
  const printed = world.dictPieces;
  let live = 0;
  let same = true;
  for (let i = n - 1; i >= 0; i -= 1) {
    const info = order[i];
    if (info.expired) continue;
    if (same) same = live < printed.length && printed[live] === info.piece;
    live += 1;
  }
  if (same && live === printed.length) return null;
  const pieces = new Array<string>(live);
  let k = 0;
  for (let i = n - 1; i >= 0; i -= 1) {
    const info = order[i];
    if (info.expired) continue;
    pieces[k] = info.piece;
    k += 1;
  }
  return pieces;
}

/** The dict pieces of the `count` live slots, oldest first (every slot has its note by now). */
function livePieces(world: World, now: number, count: number): string[] {
  const pieces = new Array<string>(count);
  let k = 0;
  for (const slot of world.slots.values()) {
    if (slot.expiresAt === null || slot.expiresAt > now) {
      pieces[k] = (slot.note as KeyInfo).piece;
      k += 1;
    }
  }
  return pieces;
}

/**
 * {@link cacheDict} from a cache view: live entries, oldest first, as a Python dict. Equal to
 * `cacheDict(cache, now)` for the state the view shows (the view holds each value's repr).
 */
function dictOfView(world: World, view: readonly CacheEntryView[], previous: string): string {
  if (world.hasRawCollision) {
    const now = world.clock.now();
    const isLive = (entry: CacheEntryView): boolean =>
      entry.expiresAt === null || entry.expiresAt > now;
    // Two final keys print as one raw key: a dict keeps the first position and the last value.
    const live = new Map<string, string>();
    for (let i = view.length - 1; i >= 0; i -= 1) {
      if (isLive(view[i])) live.set(view[i].rawKey, view[i].value);
    }
    const parts: string[] = [];
    for (const [rawKey, value] of live) parts.push(`${pyRepr(rawKey)}: ${value}`);
    return `{${parts.join(', ')}}`;
  }
  // The pieces `cacheView` just collected for this view: the same pieces as the previous
  // dict's print the same text, which frames then share.
  const { pieces } = world;
  if (pieces === null) return previous === '' ? dictText(world.dictPieces) : previous;
  const text = editedDictText(world.dictPieces, previous, pieces) ?? dictText(pieces);
  world.dictPieces = pieces;
  return text;
}

/**
 * The text of `pieces` made from `previous` (the text of `printed`) when a step removed at most
 * one piece and added at most one at the end, as a key read, written, added or deleted does
 * (a written key moves to the most recent end): the text around the removed piece, then the
 * new piece, in one flat string. A quarter of the time of a join of every piece in V8.
 * `null` for any other change.
 */
function editedDictText(
  printed: readonly string[],
  previous: string,
  pieces: readonly string[],
): string | null {
  const n = printed.length;
  const m = pieces.length;
  if (n === 0 || m < n - 1 || m > n + 1) return null;
  let p = 0;
  // Character offset of printed piece p in `previous` (after `{` and each `, `).
  let start = 1;
  while (p < n && p < m && printed[p] === pieces[p]) {
    start += printed[p].length + 2;
    p += 1;
  }
  let body: string;
  if (p === n) {
    // Nothing removed: one piece added.
    if (m !== n + 1) return null;
    body = previous.slice(0, -1);
  } else {
    // Piece p removed: the rest must follow unchanged, then at most one new piece.
    if (n === 1 || m > n) return null;
    for (let i = p + 1; i < n; i += 1) if (printed[i] !== pieces[i - 1]) return null;
    // With the separator after it, or before it when it was the last.
    const end = start + printed[p].length;
    body =
      p < n - 1
        ? previous.slice(0, start) + previous.slice(end + 2, -1)
        : previous.slice(0, start - 2);
    if (m === n - 1) return flatten(`${body}}`);
  }
  return flatten(`${body}, ${pieces[m - 1]}}`);
}

/**
 * `text` flattened: reading a character of a rope (strings concatenated or sliced) makes it one
 * flat string in place in V8, so a frame keeps its own text, not pieces of the previous one.
 */
function flatten(text: string): string {
  text.charCodeAt(0);
  return text;
}

/**
 * `{piece, piece}` as one flat string, as frames keep it and compare it: neither a chain of
 * concatenations nor braces concatenated around a join (a rope of three strings), but one join,
 * with the braces stuck to the first and last pieces for its length only.
 */
function dictText(pieces: string[]): string {
  const n = pieces.length;
  if (n === 0) return '{}';
  const first = pieces[0];
  const last = pieces[n - 1];
  pieces[0] = `{${first}`;
  pieces[n - 1] = `${pieces[n - 1]}}`;
  const text = pieces.join(', ');
  pieces[0] = first;
  pieces[n - 1] = last;
  return text;
}

/** Whether two field views list the same names, in the same order, with the same reprs. */
function sameFields(a: Record<string, string> | null, b: Record<string, string> | null): boolean {
  if (a === null || b === null) return a === b;
  // Most rows compared did change: a field of `a` that `b` lacks or prints otherwise tells so
  // without the two arrays `Object.keys` would allocate.
  for (const k in a) {
    if (Object.hasOwn(a, k) && (!Object.hasOwn(b, k) || a[k] !== b[k])) return false;
  }
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i += 1) if (other[i] !== keys[i]) return false;
  return true;
}

function sameRowView(a: DbRowFrameView, b: DbRowFrameView): boolean {
  if (!sameFields(a.fields, b.fields) || a.pending.length !== b.pending.length) return false;
  for (let i = 0; i < a.pending.length; i += 1) {
    const p = a.pending[i];
    const q = b.pending[i];
    if (p.actor !== q.actor || !sameFields(p.fields, q.fields)) return false;
  }
  return true;
}

function reprFields(fields: Record<string, PyValue>): Record<string, string> {
  const out: Record<string, string> = {};
  // for-in over own names: Object.keys' order without the array it allocates per call.
  for (const name in fields) {
    if (!Object.hasOwn(fields, name)) continue;
    // An own `__proto__` field must stay a field: only a defined property (fromEntries) does that.
    if (name === '__proto__') {
      return Object.freeze(
        Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, pyRepr(value)])),
      );
    }
    out[name] = pyRepr(fields[name]);
  }
  return Object.freeze(out);
}

function frameRow(row: DbRowView): DbRowFrameView {
  return Object.freeze({
    model: row.model,
    pk: row.pk,
    fields: reprFields(row.fields),
    pending:
      row.pending.length === 0
        ? NO_PENDING
        : (Object.freeze(
            row.pending.map((p) =>
              Object.freeze({ actor: p.actor, fields: p.fields ? reprFields(p.fields) : null }),
            ),
          ) as DbRowFrameView['pending']),
  });
}

/** Shared by every row view without uncommitted changes (most of them). */
const NO_PENDING = Object.freeze([]) as unknown as DbRowFrameView['pending'];

/** The DB panel's view, rebuilt in full; rows equal to the previous frame's are shared. */
function dbView(world: World, previous: readonly DbRowFrameView[]): DbRowFrameView[] {
  const byId = new Map<string, DbRowFrameView>();
  for (const row of previous) byId.set(rowId(row.model, row.pk), row);
  const rows = world.db.rows();
  let same = rows.length === previous.length;
  world.dbIndex = new Map();
  const view = rows.map((row, i) => {
    const id = rowId(row.model, row.pk);
    world.dbIndex.set(id, i);
    const fresh = frameRow(row);
    const old = byId.get(id);
    const next = old !== undefined && sameRowView(old, fresh) ? old : fresh;
    if (next !== previous[i]) same = false;
    return next;
  });
  return same ? (previous as DbRowFrameView[]) : (Object.freeze(view) as DbRowFrameView[]);
}

/**
 * The DB panel's view after a step that changed rows: only those rows are read again. A row
 * that appears or disappears rebuilds the whole (ordered) view.
 */
function updateDbView(world: World, previous: readonly DbRowFrameView[]): DbRowFrameView[] {
  let view: DbRowFrameView[] | null = null;
  for (let k = 0; k < world.touchedCount; k += 1) {
    const ref = world.touched[k];
    const row = world.reads.row(ref.model, ref.pk);
    const index = world.dbIndex.get(ref.id);
    if ((row === null) !== (index === undefined)) return dbView(world, previous);
    if (row === null || index === undefined) continue;
    const fresh = frameRow(row);
    if (sameRowView(fresh, previous[index])) continue;
    view ??= [...previous];
    view[index] = fresh;
  }
  return view === null ? (previous as DbRowFrameView[]) : (Object.freeze(view) as DbRowFrameView[]);
}

function trackedValue(world: World, tracked: TrackedVar, dict: string): string | undefined {
  switch (tracked.source) {
    case 'cache':
      return dict;
    case 'var':
      return world.vars.has(tracked.var) ? pyRepr(world.vars.get(tracked.var)) : undefined;
    case 'db':
      return boundRepr(world, boundField(world, tracked.model, tracked.pk, tracked.field));
    case 'clock':
      return String(world.clock.now());
    case 'queries':
      return String(world.db.queryCount());
  }
}

/** The tracked variables of one run, with what the previous frame showed. */
interface Tracker {
  tracked: readonly TrackedVar[];
  /** Each tracked variable's value at the previous frame (`undefined`: not shown). */
  values: (string | undefined)[];
  /**
   * Whether the names are distinct identifiers (not integer-like, not `__proto__`), so the
   * frame's `vars` keys are the tracked names in order and a change can be told by index.
   */
  simple: boolean;
  /** Bit i: tracked variable i is shown and changed in the last `update` (simple only). */
  changed: number;
  /** One shared frozen list per distinct set of changed names. */
  lists: Map<string | number, string[]>;
}

function createTracker(lesson: Lesson): Tracker {
  const names = lesson.tracked.map((tracked) => tracked.name);
  const simple =
    names.length <= 30 &&
    new Set(names).size === names.length &&
    names.every((name) => /^[A-Za-z_]\w*$/.test(name) && name !== '__proto__');
  return { tracked: lesson.tracked, values: [], simple, changed: 0, lists: new Map() };
}

/** Tracked values by name; the previous frame's object when nothing in it changed. */
function trackedVars(
  world: World,
  tracker: Tracker,
  dict: string,
  previous: Readonly<Record<string, string>> | null,
): Record<string, string> {
  const { tracked, values } = tracker;
  let changed = 0;
  let same = previous !== null;
  for (let i = 0; i < tracked.length; i += 1) {
    const value = trackedValue(world, tracked[i], dict);
    if (value !== values[i]) {
      same = false;
      values[i] = value;
      if (value !== undefined) changed |= 1 << i;
    }
  }
  tracker.changed = changed;
  if (same) return previous as Record<string, string>;
  const out: Record<string, string> = {};
  for (let i = 0; i < tracked.length; i += 1) {
    const value = values[i];
    if (value !== undefined) out[tracked[i].name] = value;
  }
  // Distinct names: a changed value is a changed object. Otherwise two variables may share a
  // name, and the one shown may not have changed.
  if (!tracker.simple && previous !== null && sameFields(out, previous)) {
    return previous as Record<string, string>;
  }
  return Object.freeze(out);
}

/**
 * Names whose value differs from the previous frame's, as one shared frozen list per distinct
 * set of names (a run has only a few).
 */
function changedNames(
  tracker: Tracker,
  vars: Readonly<Record<string, string>>,
  previous: Readonly<Record<string, string>>,
): string[] {
  if (vars === previous) return NO_NAMES;
  const { lists } = tracker;
  if (tracker.simple) {
    const mask = tracker.changed;
    if (mask === 0) return NO_NAMES;
    let list = lists.get(mask);
    if (list === undefined) {
      list = namesOf(tracker, mask);
      lists.set(mask, list);
    }
    return list;
  }
  const names = Object.keys(vars).filter((name) => vars[name] !== previous[name]);
  if (names.length === 0) return NO_NAMES;
  const id = names.join('\u0000');
  let list = lists.get(id);
  if (list === undefined) {
    list = Object.freeze(names) as string[];
    lists.set(id, list);
  }
  return list;
}

/**
 * The names of the tracked variables in `mask`, frozen. Not inline in `changedNames`: a closure
 * there over `mask` would make every call allocate a context for it.
 */
function namesOf(tracker: Tracker, mask: number): string[] {
  const names = tracker.tracked.flatMap((t, i) => ((mask >> i) & 1 ? [t.name] : []));
  return Object.freeze(names) as string[];
}

function createWorld(lesson: Lesson, maxWork: number): World {
  const clock = createClock();
  const settings = lesson.setup.cache ?? {};
  const store = createCacheStore();
  const db = createDatabase({
    models: structuredClone(lesson.setup.models),
    onChange: (model, pk) => rowChanged(world, model, pk),
  });
  const world: World = {
    clock,
    slots: slotsOf(store),
    changes: changesOf(store),
    cache: createCache({
      store,
      clock,
      timeout: settings.timeout,
      maxEntries: settings.maxEntries,
      cullFrequency: settings.cullFrequency,
    }),
    db,
    // Always there for a database createDatabase made.
    reads: readsOf(db) as DatabaseReads,
    vars: new Map(Object.entries(structuredClone(lesson.setup.vars ?? {}))),
    bindings: compileBindings(lesson.setup.bindings),
    receiverDepth: 0,
    work: 0,
    maxWork,
    stepIndex: 0,
    outcomes: [],
    outcomeCount: 0,
    shared: [],
    gets: new Map(),
    adds: new Map(),
    deletes: new Map(),
    touches: new Map(),
    writes: new Map(),
    atomics: new Map(),
    extraLines: new Set(),
    clockDirty: false,
    touched: [],
    touchedCount: 0,
    bindingOf: new Map(),
    rows: new Map(),
    forgotten: [],
    forgottenCount: 0,
    keys: new Map(),
    order: [],
    spareOrder: [],
    rawOwners: new Map(),
    hasRawCollision: false,
    pieces: null,
    dictPieces: [],
    dbIndex: new Map(),
  };
  for (const receiver of lesson.setup.receivers ?? []) {
    world.db.connect(receiver.signal, receiver.model, (event) => {
      for (const line of receiver.lines ?? []) world.extraLines.add(line);
      const scope: Record<string, PyValue> = { pk: event.instance.pk };
      if (world.receiverDepth >= RECEIVER_DEPTH_LIMIT) throw new RecursionLimitError();
      world.receiverDepth += 1;
      try {
        // Not runSafely: as in Python, a receiver's exception stops it and propagates out of
        // Signal.send() to the ORM call that sent the signal (the later receivers do not run).
        for (const op of receiver.ops) {
          spend(world, 1);
          execute(world, op, event.actor, scope);
        }
      } finally {
        world.receiverDepth -= 1;
      }
    });
  }
  return world;
}

interface RawFrame {
  outcomes: ActorOutcome[];
  cacheAfter: string;
}

/** A frame under construction: `run` settles divergence and authored text, then freezes it. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Run the steps, building each frame from what its step changed: the cache, DB and tracked
 * views (and the dict text) are built only when the step may have changed them, and otherwise
 * are the previous frame's (frozen) objects. With `display` (a run without skips) the authored
 * table text is applied and every frame is frozen as it is built; otherwise `run` settles both.
 */
function runFrames(
  lesson: Lesson,
  skip: ReadonlySet<number>,
  maxWork: number,
  display: boolean,
  onStep?: (step: number) => void,
): { frames: Mutable<Frame>[]; raw: RawFrame[] } {
  const world = createWorld(lesson, maxWork);
  const steps = lesson.steps;
  // A loop, not `steps.map`: V8 inlines map with a bound on the length it allocates, and a long
  // lesson (over about 16k steps) then deoptimised this function in every run.
  const stepLines = new Array<number[]>(steps.length);
  for (let k = 0; k < steps.length; k += 1) stepLines[k] = frozen(steps[k].lines);
  // nextLines[k]: the lines of the first step after frame k that runs (one pass, from the end).
  const nextLines = new Array<number[]>(steps.length + 1);
  nextLines[steps.length] = NO_LINES;
  for (let k = steps.length - 1; k >= 0; k -= 1) {
    nextLines[k] = skip.size > 0 && skip.has(k + 1) ? nextLines[k + 1] : stepLines[k];
  }
  const cache = cacheView(world, NO_CACHE);
  const db = dbView(world, NO_ROWS);
  const dict = dictOfView(world, cache, '');
  const tracker = createTracker(lesson);
  world.touchedCount = 0;
  world.forgottenCount = 0;
  const start: Mutable<Frame> = {
    index: 0,
    action: 'Start',
    cacheKey: '',
    result: '',
    narration: lesson.flowCaption,
    actor: DEFAULT_ACTOR,
    isSkipped: false,
    isDiverged: false,
    cacheBefore: dict,
    cacheAfter: dict,
    cache,
    db,
    outcomes: NO_OUTCOMES,
    clock: world.clock.now(),
    lines: NO_LINES,
    nextLines: nextLines[0],
    stage: -1,
    event: 'start',
    queries: world.db.queryCount(),
    stepQueries: 0,
    vars: trackedVars(world, tracker, dict, null),
    changedVars: NO_NAMES,
    transcript: null,
  };
  const frames: Mutable<Frame>[] = [Object.freeze(start)];
  // What a what-if run compares with the normal path (only kept when there are skips).
  const raw: RawFrame[] = display ? [] : [{ outcomes: NO_OUTCOMES, cacheAfter: dict }];
  const runner: Runner = {
    world,
    tracker,
    skip,
    display,
    onStep,
    stepLines,
    nextLines,
    cache,
    db,
    dict,
  };
  for (let i = 0; i < steps.length; i += 1) {
    const frame = stepFrame(runner, steps[i], i + 1, frames[i]);
    frames.push(display ? Object.freeze(frame) : frame);
    // Without `display`, a frame holds the engine's own dict text.
    if (!display) raw.push({ outcomes: frame.outcomes, cacheAfter: frame.cacheAfter });
  }
  return { frames, raw };
}

/**
 * The step's outcomes as an exact-size frozen copy (the buffer keeps room for more), each
 * outcome frozen; a shared outcome alone is its own shared list. The usual single outcome is
 * an array literal: about half the cost of a frozen slice in V8.
 */
function frozenOutcomes(world: World): ActorOutcome[] {
  const count = world.outcomeCount;
  if (count === 0) return NO_OUTCOMES;
  const { outcomes, shared } = world;
  if (count === 1) {
    const one = shared[0];
    if (one === null) return Object.freeze([Object.freeze(outcomes[0])]) as ActorOutcome[];
    one.list ??= Object.freeze([one.outcome]) as ActorOutcome[];
    return one.list;
  }
  const list = outcomes.slice(0, count);
  for (let k = 0; k < count; k += 1) if (shared[k] === null) Object.freeze(list[k]);
  return Object.freeze(list) as ActorOutcome[];
}

/** What a run carries from step to step (`runFrames`'s state, for `stepFrame`). */
interface Runner {
  world: World;
  tracker: Tracker;
  skip: ReadonlySet<number>;
  display: boolean;
  onStep: ((step: number) => void) | undefined;
  /** Each step's lines, frozen; `nextLines[k]`: the lines of the next step to run after frame k. */
  stepLines: readonly number[][];
  nextLines: readonly number[][];
  /** What the last frame showed: the next frame shares what its step did not change. */
  cache: CacheEntryView[];
  db: DbRowFrameView[];
  dict: string;
}

/**
 * Run step `index` (1-based; its ops are skipped when the run skips it) and build its frame,
 * unfrozen, from what it changed. A function of its own, so the engine optimises it as it is
 * called rather than by replacing the whole run loop while it runs.
 */
function stepFrame(
  runner: Runner,
  step: LessonStep,
  index: number,
  previous: Frame,
): Mutable<Frame> {
  const { world, tracker, display } = runner;
  const actor = step.actor ?? DEFAULT_ACTOR;
  const isSkipped = runner.skip.has(index);
  const cacheBefore = runner.dict;
  const queriesBefore = world.db.queryCount();
  world.outcomeCount = 0;
  if (world.extraLines.size > 0) world.extraLines = new Set();
  world.changes.count = 0;
  world.changes.all = false;
  world.clockDirty = false;
  world.touchedCount = 0;
  world.forgottenCount = 0;
  world.stepIndex = index;
  runner.onStep?.(index);
  if (!isSkipped) for (let k = 0; k < step.ops.length; k += 1) runSafely(world, step.ops[k], actor);
  if (world.touchedCount > 0) runner.db = updateDbView(world, runner.db);
  const { changes } = world;
  // Before the test below, which it must not be skipped by: it marks the keys to rebuild.
  const boundChanged = markBoundChanges(world);
  if (changes.count > 0 || changes.all || world.clockDirty || boundChanged) {
    // A moved clock changes every TTL: then (or when the log is not enough) walk every entry.
    const next =
      (world.clockDirty || changes.all ? null : changedCacheView(world, runner.cache)) ??
      cacheView(world, runner.cache);
    // Which entries are live depends on the clock as well as on the entries.
    if (next !== runner.cache || world.clockDirty)
      runner.dict = dictOfView(world, next, runner.dict);
    runner.cache = next;
  }
  const { cache, db, dict: cacheAfter } = runner;
  const vars = trackedVars(world, tracker, cacheAfter, previous.vars);
  // Every frame shows the whole cache (as entries, before, after and tracked: four passes)
  // and the database: the work budget counts them as if each frame built them anew.
  spend(world, 4 * cache.length + db.length);
  const changedVars = changedNames(tracker, vars, previous.vars);
  const outcomes = frozenOutcomes(world);
  const lines = isSkipped
    ? NO_LINES
    : world.extraLines.size === 0
      ? runner.stepLines[index - 1]
      : (Object.freeze([
          ...step.lines,
          ...[...world.extraLines].sort((a, b) => a - b),
        ]) as number[]);
  return {
    index,
    action: step.action,
    cacheKey: step.cacheKey,
    result: step.result,
    narration: step.narration,
    actor,
    isSkipped,
    isDiverged: false,
    cacheBefore: display ? (step.display?.cacheBefore ?? cacheBefore) : cacheBefore,
    cacheAfter: display ? (step.display?.cacheAfter ?? cacheAfter) : cacheAfter,
    cache,
    db,
    outcomes,
    clock: world.clock.now(),
    lines,
    nextLines: runner.nextLines[index],
    stage: step.stage,
    event: isSkipped ? 'other' : eventOf(outcomes),
    queries: world.db.queryCount(),
    stepQueries: world.db.queryCount() - queriesBefore,
    vars,
    changedVars,
    transcript: step.transcript ?? null,
  };
}

const NO_CACHE: readonly CacheEntryView[] = Object.freeze([]);
const NO_ROWS: readonly DbRowFrameView[] = Object.freeze([]);

function sameRun(a: RawFrame, b: RawFrame): boolean {
  return a.cacheAfter === b.cacheAfter && JSON.stringify(a.outcomes) === JSON.stringify(b.outcomes);
}

/**
 * Run a lesson against a fresh clock, cache and database and return its frozen trace:
 * frame 0 is the start, frame k the state after step k. With `skip`, those steps do not run;
 * every step whose outcome then differs from the normal path is marked `isDiverged` and keeps
 * the engine's cache states; the app then shows engine-derived words for it, not the authored
 * ones (lessons/vocabulary.ts), so a skipped invalidation really shows stale data.
 *
 * Frames share what their step did not change (the cache, DB and tracked views, the dict text,
 * lists), so a long trace costs little more than what each step did.
 */
export function run(lesson: Lesson, options: RunOptions = {}): Trace {
  const skip = new Set(
    (options.skip ?? []).filter((n) => Number.isInteger(n) && n >= 1 && n <= lesson.steps.length),
  );
  const maxWork = options.maxWork ?? Number.POSITIVE_INFINITY;
  if (skip.size === 0) {
    // Every frame and everything in it is frozen as it is built.
    const { frames } = runFrames(lesson, skip, maxWork, true, options.onStep);
    return Object.freeze({ lessonId: lesson.id, frames: Object.freeze(frames), skip: NO_LINES });
  }
  const actual = runFrames(lesson, skip, maxWork, false, options.onStep);
  const normal = runFrames(lesson, new Set(), maxWork, false, options.onStep);
  actual.frames.forEach((frame, index) => {
    if (index === 0) return;
    const step = lesson.steps[index - 1];
    const isDiverged = !sameRun(actual.raw[index], normal.raw[index]);
    if (!isDiverged && !frame.isSkipped) {
      frame.cacheBefore = step.display?.cacheBefore ?? frame.cacheBefore;
      frame.cacheAfter = step.display?.cacheAfter ?? frame.cacheAfter;
    } else {
      // A diverged row shows the engine's own cache states. Its authored text describes the
      // normal path; the app shows the engine's words instead (lessons/vocabulary.ts `shownStep`).
      frame.isDiverged = true;
    }
    Object.freeze(frame);
  });
  return Object.freeze({
    lessonId: lesson.id,
    frames: Object.freeze(actual.frames),
    skip: Object.freeze([...skip].sort((a, b) => a - b)),
  });
}

/** Count of skippable steps, for the what-if toggles. */
export function skippableSteps(lesson: Lesson): number[] {
  return lesson.steps.flatMap((step, i) => (step.skippable ? [i + 1] : []));
}
