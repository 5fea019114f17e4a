/**
 * Shared types of the engine: the simulated clock, the Django-faithful cache, the fake ORM,
 * lessons (as data) and the trace the interpreter produces. No logic lives here.
 */

/** A value a lesson can store: what Python would hold in a cache or a model field. */
export type PyValue =
  | null
  | boolean
  | number
  | string
  | PyValue[]
  | { [key: string]: PyValue }
  | Map<PyValue, PyValue>
  | Uint8Array;

/* ------------------------------------------------------------------ clock */

/** The simulated clock. Seconds, starting at 0 unless told otherwise. */
export interface Clock {
  now(): number;
  advance(seconds: number): void;
}

/* ------------------------------------------------------------------ cache */

/** A cache key as Django accepts it: stringified as Python's `str()` would. */
export type CacheKey = string | number;

/** One raw entry of a LocMem store (final key), most recently used first in `entries()`. */
export interface CacheEntry {
  key: string;
  value: unknown;
  /** Absolute expiry in simulated seconds, or `null` for never. */
  expiresAt: number | null;
}

/** A named LocMem store; caches sharing one see each other's keys. */
export interface CacheStore {
  readonly id: number;
}

export interface CacheOptions {
  clock: Clock;
  store?: CacheStore;
  /**
   * TIMEOUT. @default 300; `null` = never expire. Like every numeric setting it may be a
   * string (settings read from the environment), coerced as Python's `int()` would.
   */
  timeout?: number | string | null;
  /** OPTIONS.MAX_ENTRIES. @default 300 */
  maxEntries?: number | string;
  /** OPTIONS.CULL_FREQUENCY. @default 3 */
  cullFrequency?: number | string;
  /** KEY_PREFIX. @default '' */
  keyPrefix?: string;
  /** VERSION. @default 1 */
  version?: number;
  keyFunction?: (key: string, keyPrefix: string, version: number) => string;
  onWarning?: (message: string) => void;
}

/** `django.core.cache` with the LocMemCache backend; positional arguments as in Python. */
export interface DjangoCache {
  get(key: CacheKey, defaultValue?: unknown, version?: number | null): unknown;
  set(key: CacheKey, value: unknown, timeout?: number | null, version?: number | null): undefined;
  add(key: CacheKey, value: unknown, timeout?: number | null, version?: number | null): boolean;
  getOrSet(
    key: CacheKey,
    defaultOrFactory: unknown,
    timeout?: number | null,
    version?: number | null,
  ): unknown;
  touch(key: CacheKey, timeout?: number | null, version?: number | null): boolean;
  delete(key: CacheKey, version?: number | null): boolean;
  getMany(keys: Iterable<CacheKey>, version?: number | null): Map<CacheKey, unknown>;
  setMany(
    entries: Map<CacheKey, unknown>,
    timeout?: number | null,
    version?: number | null,
  ): CacheKey[];
  deleteMany(keys: Iterable<CacheKey>, version?: number | null): undefined;
  hasKey(key: CacheKey, version?: number | null): boolean;
  incr(key: CacheKey, delta?: number, version?: number | null): number;
  decr(key: CacheKey, delta?: number, version?: number | null): number;
  incrVersion(key: CacheKey, delta?: number, version?: number | null): number;
  decrVersion(key: CacheKey, delta?: number, version?: number | null): number;
  clear(): undefined;
  makeKey(key: CacheKey, version?: number | null): string;
  entries(): CacheEntry[];
  /**
   * Visit every raw entry, least recently used first, without copying or purging anything: the
   * stored value itself is passed, for display only (never mutate it).
   */
  forEachEntry(visit: (key: string, value: unknown, expiresAt: number | null) => void): void;
}

/* --------------------------------------------------------------------- db */

export type Pk = number | string;
export type Fields = Record<string, PyValue>;

/** A model instance as the ORM hands it out (a deep copy). */
export interface Row {
  model: string;
  pk: Pk;
  fields: Fields;
}

export type SignalName = 'post_save' | 'post_delete';

/** What a receiver gets, like Django's `sender`, `instance`, `created` keyword arguments. */
export interface SignalEvent {
  signal: SignalName;
  sender: string;
  instance: Row;
  /** post_save only: whether `save()` inserted a new row. */
  created: boolean;
  /** The actor (request / worker) whose code sent the signal. */
  actor: string;
}

export type Receiver = (event: SignalEvent) => void;

/** A row as the DB panel shows it: the committed value and any uncommitted change. */
export interface DbRowView {
  model: string;
  pk: Pk;
  fields: Fields;
  /** Fields written inside an open transaction, by actor, not yet visible to others. */
  pending: { actor: string; fields: Fields | null }[];
}

export interface DatabaseOptions {
  models?: Record<string, { pk: Pk; fields: Fields }[]>;
  /**
   * Called whenever what `rows()`, `row()` or `peek()` show for a row may have changed: a
   * committed write, a pending write in an atomic block, or a block left (its writes dropped,
   * released into the parent or committed). May be called when nothing visible changed.
   */
  onChange?: (model: string, pk: Pk) => void;
}

/** A fake database that behaves like the parts of the Django ORM the lessons need. */
export interface Database {
  /** `Model.objects.get(pk=pk)` as seen by `actor` (own uncommitted writes included); `null` if absent. Counts one query. */
  get(model: string, pk: Pk, actor?: string): Row | null;
  /** `instance.save()`: insert or update, then send `post_save`. */
  save(model: string, pk: Pk, fields: Fields, actor?: string): void;
  /** `Model.objects.filter(pk=pk).update(**fields)`: no signal; returns rows matched (0 or 1). */
  update(model: string, pk: Pk, fields: Fields, actor?: string): number;
  /** `instance.delete()`: remove, then send `post_delete`. Returns whether a row was removed. */
  delete(model: string, pk: Pk, actor?: string): boolean;
  /** `@receiver(signal, sender=model)`. */
  connect(signal: SignalName, model: string, receiver: Receiver): void;
  /** Enter `transaction.atomic()` for `actor` (nested blocks are savepoints). */
  begin(actor?: string): void;
  /** Leave the innermost atomic block normally. The outermost commit runs on_commit callbacks. */
  commit(actor?: string): void;
  /** Leave the innermost atomic block by an exception: undo its writes, drop its callbacks. */
  rollback(actor?: string): void;
  /** `transaction.on_commit(fn)`: after the outermost commit; at once outside a transaction. */
  onCommit(fn: () => void, actor?: string): void;
  /** Whether `actor` is inside `transaction.atomic()`. */
  inAtomicBlock(actor?: string): boolean;
  /** Committed rows plus pending writes, for display. Deep copies, model then pk order. */
  rows(): DbRowView[];
  /** The one entry `rows()` would list for this row, or `null` (also for an unknown model). */
  row(model: string, pk: Pk): DbRowView | null;
  /** The committed value of a row (what a new connection would read), without counting a query. */
  peek(model: string, pk: Pk): Row | null;
  /** Number of queries run so far (`get`, `save`, `update`, `delete`). */
  queryCount(): number;
}

/* ---------------------------------------------------------------- lessons */

/**
 * A value expression in a lesson operation: a literal, a variable set by an earlier operation
 * (`{ var: 'profile' }`), or a field read from the committed DB without a query.
 */
export type ValueExpr = { literal: PyValue } | { var: string };

/**
 * Operations a lesson step performs. The engine decides what happens; lessons never state
 * outcomes. `key` strings may interpolate variables: `'article:{gen}:42'`.
 * `as` stores the operation's result in a variable for later operations and the tracker.
 */
export type Op =
  | { op: 'cache.get'; key: string; as?: string }
  | { op: 'cache.set'; key: string; value: ValueExpr; timeout?: number | null }
  | { op: 'cache.add'; key: string; value: ValueExpr; timeout?: number | null; as?: string }
  | { op: 'cache.delete'; key: string; as?: string }
  | { op: 'cache.deleteMany'; keys: string[] }
  | { op: 'cache.touch'; key: string; timeout?: number | null; as?: string }
  | { op: 'cache.incr'; key: string; delta?: number; as?: string }
  | { op: 'cache.incrVersion'; key: string; as?: string }
  | { op: 'db.get'; model: string; pk: Pk; field: string; as?: string }
  | { op: 'db.save'; model: string; pk: Pk; fields: Record<string, ValueExpr> }
  | { op: 'db.update'; model: string; pk: Pk; fields: Record<string, ValueExpr> }
  | { op: 'db.delete'; model: string; pk: Pk }
  | { op: 'atomic.begin' }
  | { op: 'atomic.commit' }
  | { op: 'atomic.rollback' }
  | { op: 'onCommit'; ops: Op[] }
  /**
   * The cache-aside read: `value = cache.get(key)`; on a miss read the DB field and
   * `cache.set(key, value, timeout)`.
   */
  | {
      op: 'request';
      key: string;
      model: string;
      pk: Pk;
      field: string;
      timeout?: number | null;
      as?: string;
    }
  | { op: 'clock.advance'; seconds: number }
  | { op: 'set.var'; name: string; value: ValueExpr };

export type OpName = Op['op'];

/** Kinds of event that colour the slider ticks and the step badge. */
export type EventKind = 'start' | 'write' | 'invalidate' | 'miss' | 'hit' | 'stale-read' | 'other';

/** A signal receiver a lesson registers, run by the engine when the ORM sends the signal. */
export interface LessonReceiver {
  signal: SignalName;
  model: string;
  /** Operations run inside the receiver; `{pk}` in keys is the instance's pk. */
  ops: Op[];
  /** Code lines of the receiver body, highlighted when it runs. */
  lines?: number[];
}

/** Declares which DB field a cache key mirrors, so the engine can flag stale entries. */
export interface CacheBinding {
  /**
   * Raw key or pattern; `{x}` matches any run of characters without ':'. A `{pk}` placeholder
   * takes the row's pk from the key (digits become a number) instead of `pk`.
   */
  key: string;
  model: string;
  pk: Pk;
  field: string;
}

export interface LessonStep {
  /** The Action column. */
  action: string;
  /** The Cache Key column (`-` when none). */
  cacheKey: string;
  /** The Result column on the lesson's normal path. */
  result: string;
  /** Why this step matters, shown beside the code. */
  narration: string;
  ops: Op[];
  /** 1-based code lines that run in this step. */
  lines: number[];
  /** Index into the lesson's concept-flow stages. */
  stage: number;
  /** Request or worker running the step (lanes in race lessons). @default 'request' */
  actor?: string;
  /** Whether the what-if "Skip step N" toggle is offered. */
  skippable?: boolean;
  /** Index of the transcript sentence this step illustrates. */
  transcript?: number;
  /**
   * The outcome facts the authored Result, narration, stage and transcript sentence describe
   * (`factsOf` of the step's outcomes on its own path). Where a run's facts differ, the app
   * shows the engine's words instead. Absent: the authored text claims nothing checkable.
   */
  shows?: OutcomeFact[];
  /** Authored text for table columns on the normal path, where the seed's wording differs from the engine's. */
  display?: { cacheBefore?: string; cacheAfter?: string };
}

/** A tracked variable: the cache as a dict, a lesson variable, or a committed DB field. */
export type TrackedVar =
  | { name: string; source: 'cache' }
  | { name: string; source: 'var'; var: string }
  | { name: string; source: 'db'; model: string; pk: Pk; field: string }
  | { name: string; source: 'clock' }
  | { name: string; source: 'queries' };

export interface KeyMoment {
  question: string;
  answer: string;
  step: number;
}

export interface QuizQuestion {
  question: string;
  options: [string, string, string, string];
  /** Index 0..3 of the right option. */
  answer: number;
  hint: string;
  /** Step that explains the answer (`Show me step N`). */
  step: number;
  /** Why the right answer is right. */
  explanation: string;
  /** Per-option feedback for wrong options (optional; falls back to the explanation). */
  feedback?: [string, string, string, string];
}

export type TableColumn =
  | 'step'
  | 'actor'
  | 'clock'
  | 'action'
  | 'cacheKey'
  | 'cacheBefore'
  | 'cacheAfter'
  | 'result'
  | 'queries';

export interface Lesson {
  id: string;
  title: string;
  /** One line for the lesson index. */
  summary: string;
  group: 'Strategies' | 'Failure modes';
  difficulty: 'Beginner' | 'Intermediate' | 'Advanced';
  /** Concept-flow stage labels, in order. */
  flow: string[];
  flowCaption: string;
  code: { language: 'python'; source: string; caption: string };
  setup: {
    models: Record<string, { pk: Pk; fields: Record<string, PyValue> }[]>;
    cache?: { timeout?: number | null; maxEntries?: number; cullFrequency?: number };
    receivers?: LessonReceiver[];
    bindings: CacheBinding[];
    vars?: Record<string, PyValue>;
  };
  steps: LessonStep[];
  /** Table columns in order with their headers. */
  columns: { id: TableColumn; header: string }[];
  tableNote?: string;
  tracked: TrackedVar[];
  keyMoments: KeyMoment[];
  quiz: QuizQuestion[];
  snapshot: { title: string; lines: string[] };
  transcript: string[];
  /** Lessons with a remedy can be replayed with it switched on. */
  remedy?: {
    /** Toggle label, e.g. `Use transaction.on_commit`. */
    label: string;
    description: string;
    /** What the remedy replaces; steps keep their count so frames line up. */
    patch: Partial<Pick<Lesson, 'steps' | 'code' | 'setup'>>;
  };
}

/* ------------------------------------------------------------------ trace */

/** What one operation did, for the hit/miss badges and generated results. */
export type Outcome =
  | { kind: 'get'; key: string; hit: boolean; value: string; stale: boolean }
  | { kind: 'set'; key: string; value: string }
  | { kind: 'add'; key: string; stored: boolean }
  | { kind: 'delete'; key: string; deleted: boolean }
  | { kind: 'touch'; key: string; live: boolean }
  | { kind: 'incr'; key: string; value: string }
  | { kind: 'incrVersion'; key: string; version: number }
  | { kind: 'db.read'; model: string; pk: Pk; value: string }
  | { kind: 'db.write'; model: string; pk: Pk; how: 'save' | 'update' | 'delete'; signal: boolean }
  | { kind: 'atomic'; how: 'begin' | 'commit' | 'rollback'; callbacks: number }
  | { kind: 'clock'; seconds: number; now: number }
  | { kind: 'error'; message: string };

/**
 * One thing an operation did, as a word a lesson can declare (`LessonStep.shows`): a fresh
 * `hit`, a `stale` hit, a `miss`, a `deleted` key, … See `factsOf`.
 */
export type OutcomeFact =
  | 'hit'
  | 'stale'
  | 'miss'
  | 'set'
  | 'added'
  | 'not-added'
  | 'deleted'
  | 'not-deleted'
  | 'touched'
  | 'not-touched'
  | 'incr'
  | 'version'
  | 'read'
  | 'saved'
  | 'updated'
  | 'removed'
  | 'begin'
  | 'commit'
  | 'rollback'
  | 'clock'
  | 'error';

/** An outcome tagged with the actor that caused it. */
export type ActorOutcome = Outcome & { actor: string };

/** A cache entry as the Cache panel shows it. */
export interface CacheEntryView {
  /** The final key, e.g. `:1:user_profile_42`. */
  key: string;
  /** The key the code used, e.g. `user_profile_42`. */
  rawKey: string;
  /** Python repr of the value. */
  value: string;
  expiresAt: number | null;
  /** Seconds left, `null` for never; 0 or less when expired but not purged. */
  ttl: number | null;
  isExpired: boolean;
  isStale: boolean;
  /** Python repr of the DB value it mirrors, when bound. */
  dbValue: string | null;
}

export interface DbRowFrameView {
  model: string;
  pk: Pk;
  fields: Record<string, string>;
  /** Uncommitted values by field, with the actor whose transaction holds them. */
  pending: { actor: string; fields: Record<string, string> | null }[];
}

/** One frame of the trace: everything every panel needs at one step. Frozen. */
export interface Frame {
  /** 0 = start; k = after step k. */
  index: number;
  action: string;
  cacheKey: string;
  result: string;
  narration: string;
  actor: string;
  isSkipped: boolean;
  /** True when this step's outcome differs from the lesson's normal path. */
  isDiverged: boolean;
  cacheBefore: string;
  cacheAfter: string;
  cache: CacheEntryView[];
  db: DbRowFrameView[];
  outcomes: ActorOutcome[];
  clock: number;
  /** Lines that ran in this step, and lines that run next. */
  lines: number[];
  nextLines: number[];
  stage: number;
  event: EventKind;
  /** DB queries so far, and in this step. */
  queries: number;
  stepQueries: number;
  /** Python repr of each tracked variable by name; absent when not set yet. */
  vars: Record<string, string>;
  /** Variables this step changed. */
  changedVars: string[];
  transcript: number | null;
}

export interface Trace {
  lessonId: string;
  frames: readonly Frame[];
  /** Steps skipped in this run. */
  skip: readonly number[];
}

export interface RunOptions {
  skip?: readonly number[];
  seed?: number;
  /**
   * Stop with `RunBudgetError` once this much work is done (one unit per operation run and
   * per database row shown in a frame, four per cache entry shown). Unbounded by default; the sandbox's
   * check sets it, so no scenario it accepts can freeze the tab.
   */
  maxWork?: number;
  /** Called as each step (1-based) starts to run: a long check reports where it is. */
  onStep?: (step: number) => void;
}
