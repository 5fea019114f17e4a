import { createCache } from './cache';
import { createClock } from './clock';
import { createDatabase } from './db';
import { pyRepr, pyStr } from './python-repr';
import { eventOf } from './outcomes';
import type {
  ActorOutcome,
  CacheBinding,
  CacheEntryView,
  Clock,
  Database,
  DbRowFrameView,
  DjangoCache,
  Frame,
  Lesson,
  LessonStep,
  Op,
  Outcome,
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
  db: Database;
  vars: Map<string, PyValue>;
  bindings: readonly CompiledBinding[];
  /** How deep receivers are nested in each other (a receiver's save sends the next signal). */
  receiverDepth: number;
  /** Work done so far (operations run, cache entries and rows shown), against `maxWork`. */
  work: number;
  maxWork: number;
  /** The step being run (1-based), for the budget's message. */
  stepIndex: number;
  /** Outcomes of the step being run, including on_commit callbacks and receivers it set off. */
  outcomes: ActorOutcome[];
  /** Extra code lines that ran (receiver bodies). */
  extraLines: Set<number>;
}

/**
 * Replace `{name}` in a key template with the variable's `str()`; `scope` wins over lesson
 * variables. An unknown name is left as it is, so the learner sees the template, not a crash.
 */
export function interpolate(
  template: string,
  vars: ReadonlyMap<string, PyValue>,
  scope: Record<string, PyValue> = {},
): string {
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
  for (const [name, expr] of Object.entries(fields)) out[name] = evaluate(expr, vars);
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
 * The committed DB value a cached key mirrors, or `undefined` when no binding matches.
 * A `{pk}` placeholder in the binding's key captures the row's pk from the key itself.
 */
function boundValue(world: World, rawKey: string): { value: string } | undefined {
  for (const { binding, pattern } of world.bindings) {
    const match = pattern?.exec(rawKey);
    if (!match) continue;
    const captured = match.groups?.pk;
    const pk =
      captured === undefined ? binding.pk : /^\d+$/.test(captured) ? Number(captured) : captured;
    const row = world.db.peek(binding.model, pk);
    return { value: row ? pyRepr(fieldOf(row.fields, binding.field)) : 'None' };
  }
  return undefined;
}

function isStaleValue(world: World, rawKey: string, value: unknown): boolean {
  const bound = boundValue(world, rawKey);
  return bound !== undefined && bound.value !== pyRepr(value);
}

function record(world: World, actor: string, outcome: Outcome): void {
  world.outcomes.push({ ...outcome, actor });
}

/** Run one operation as `actor`. Engine errors (Django's ValueError, …) become outcomes. */
function execute(world: World, op: Op, actor: string, scope: Record<string, PyValue> = {}): void {
  const { cache, db, vars } = world;
  const key = (template: string): string => interpolate(template, vars, scope);
  const assign = (name: string | undefined, value: PyValue): void => {
    if (name) vars.set(name, value);
  };
  switch (op.op) {
    case 'cache.get': {
      const k = key(op.key);
      const value = cache.get(k, MISS);
      const hit = value !== MISS;
      const stored = (hit ? value : null) as PyValue;
      record(world, actor, {
        kind: 'get',
        key: k,
        hit,
        value: pyRepr(stored),
        stale: hit && isStaleValue(world, k, stored),
      });
      assign(op.as, stored);
      return;
    }
    case 'cache.set': {
      const k = key(op.key);
      const value = evaluate(op.value, vars);
      cache.set(k, value, op.timeout);
      record(world, actor, { kind: 'set', key: k, value: pyRepr(value) });
      return;
    }
    case 'cache.add': {
      const k = key(op.key);
      const stored = cache.add(k, evaluate(op.value, vars), op.timeout);
      record(world, actor, { kind: 'add', key: k, stored });
      assign(op.as, stored);
      return;
    }
    case 'cache.delete': {
      const k = key(op.key);
      const deleted = cache.delete(k);
      record(world, actor, { kind: 'delete', key: k, deleted });
      assign(op.as, deleted);
      return;
    }
    case 'cache.deleteMany': {
      // Django's delete_many calls delete per key; each key is reported on its own.
      for (const template of op.keys) {
        const k = key(template);
        record(world, actor, { kind: 'delete', key: k, deleted: cache.delete(k) });
      }
      return;
    }
    case 'cache.touch': {
      const k = key(op.key);
      const live = cache.touch(k, op.timeout);
      record(world, actor, { kind: 'touch', key: k, live });
      assign(op.as, live);
      return;
    }
    case 'cache.incr': {
      const k = key(op.key);
      const value = cache.incr(k, op.delta ?? 1);
      record(world, actor, { kind: 'incr', key: k, value: pyRepr(value) });
      assign(op.as, value);
      return;
    }
    case 'cache.incrVersion': {
      const k = key(op.key);
      const version = cache.incrVersion(k);
      record(world, actor, { kind: 'incrVersion', key: k, version });
      assign(op.as, version);
      return;
    }
    case 'db.get': {
      const row = db.get(op.model, op.pk, actor);
      const value = row ? fieldOf(row.fields, op.field) : null;
      record(world, actor, { kind: 'db.read', model: op.model, pk: op.pk, value: pyRepr(value) });
      assign(op.as, value);
      return;
    }
    case 'db.save':
    case 'db.update':
    case 'db.delete': {
      const write: ActorOutcome = {
        kind: 'db.write',
        model: op.model,
        pk: op.pk,
        how: op.op === 'db.save' ? 'save' : op.op === 'db.update' ? 'update' : 'delete',
        signal: op.op !== 'db.update',
        actor,
      };
      // The write is recorded before its receivers run, so outcomes read in program order.
      world.outcomes.push(write);
      if (op.op === 'db.save') db.save(op.model, op.pk, evaluateFields(op.fields, vars), actor);
      else if (op.op === 'db.update')
        db.update(op.model, op.pk, evaluateFields(op.fields, vars), actor);
      else db.delete(op.model, op.pk, actor);
      return;
    }
    case 'atomic.begin':
      db.begin(actor);
      record(world, actor, { kind: 'atomic', how: 'begin', callbacks: 0 });
      return;
    case 'atomic.commit':
    case 'atomic.rollback': {
      const how = op.op === 'atomic.commit' ? 'commit' : 'rollback';
      const entry: ActorOutcome = { kind: 'atomic', how, callbacks: 0, actor };
      world.outcomes.push(entry);
      const before = world.outcomes.length;
      if (how === 'commit') db.commit(actor);
      else db.rollback(actor);
      // Callbacks run by the outermost commit leave their own outcomes after this one.
      entry.callbacks = world.outcomes.length - before;
      return;
    }
    case 'onCommit':
      db.onCommit(() => {
        for (const inner of op.ops) runSafely(world, inner, actor, scope);
      }, actor);
      return;
    case 'request': {
      const k = key(op.key);
      const cached = cache.get(k, MISS);
      if (cached !== MISS) {
        const value = cached as PyValue;
        record(world, actor, {
          kind: 'get',
          key: k,
          hit: true,
          value: pyRepr(value),
          stale: isStaleValue(world, k, value),
        });
        assign(op.as, value);
        return;
      }
      record(world, actor, { kind: 'get', key: k, hit: false, value: 'None', stale: false });
      const row = db.get(op.model, op.pk, actor);
      const value = row ? fieldOf(row.fields, op.field) : null;
      record(world, actor, { kind: 'db.read', model: op.model, pk: op.pk, value: pyRepr(value) });
      cache.set(k, value, op.timeout);
      record(world, actor, { kind: 'set', key: k, value: pyRepr(value) });
      assign(op.as, value);
      return;
    }
    case 'clock.advance':
      world.clock.advance(op.seconds);
      record(world, actor, { kind: 'clock', seconds: op.seconds, now: world.clock.now() });
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
    record(world, actor, { kind: 'error', message: `${err.name}: ${err.message}` });
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

function cacheView(world: World): CacheEntryView[] {
  const now = world.clock.now();
  return world.cache.entries().map((entry) => {
    const rawKey = rawKeyOf(entry.key);
    const isExpired = entry.expiresAt !== null && entry.expiresAt <= now;
    const bound = boundValue(world, rawKey);
    const value = pyRepr(entry.value);
    return {
      key: entry.key,
      rawKey,
      value,
      expiresAt: entry.expiresAt,
      ttl: entry.expiresAt === null ? null : entry.expiresAt - now,
      isExpired,
      isStale: !isExpired && bound !== undefined && bound.value !== value,
      dbValue: bound ? bound.value : null,
    };
  });
}

function dbView(db: Database): DbRowFrameView[] {
  const reprFields = (fields: Record<string, PyValue>): Record<string, string> =>
    Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, pyRepr(value)]));
  return db.rows().map((row) => ({
    model: row.model,
    pk: row.pk,
    fields: reprFields(row.fields),
    pending: row.pending.map((p) => ({
      actor: p.actor,
      fields: p.fields ? reprFields(p.fields) : null,
    })),
  }));
}

function trackedValue(world: World, tracked: TrackedVar): string | undefined {
  switch (tracked.source) {
    case 'cache':
      return cacheDict(world.cache, world.clock.now());
    case 'var':
      return world.vars.has(tracked.var) ? pyRepr(world.vars.get(tracked.var)) : undefined;
    case 'db': {
      const row = world.db.peek(tracked.model, tracked.pk);
      return row ? pyRepr(fieldOf(row.fields, tracked.field)) : 'None';
    }
    case 'clock':
      return String(world.clock.now());
    case 'queries':
      return String(world.db.queryCount());
  }
}

function trackedVars(world: World, lesson: Lesson): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tracked of lesson.tracked) {
    const value = trackedValue(world, tracked);
    if (value !== undefined) out[tracked.name] = value;
  }
  return out;
}

function createWorld(lesson: Lesson, maxWork: number): World {
  const clock = createClock();
  const settings = lesson.setup.cache ?? {};
  const world: World = {
    clock,
    cache: createCache({
      clock,
      timeout: settings.timeout,
      maxEntries: settings.maxEntries,
      cullFrequency: settings.cullFrequency,
    }),
    db: createDatabase({ models: structuredClone(lesson.setup.models) }),
    vars: new Map(Object.entries(structuredClone(lesson.setup.vars ?? {}))),
    bindings: compileBindings(lesson.setup.bindings),
    receiverDepth: 0,
    work: 0,
    maxWork,
    stepIndex: 0,
    outcomes: [],
    extraLines: new Set(),
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

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

interface RawFrame {
  outcomes: ActorOutcome[];
  cacheAfter: string;
}

function runFrames(
  lesson: Lesson,
  skip: ReadonlySet<number>,
  maxWork: number,
  onStep?: (step: number) => void,
): { frames: Frame[]; raw: RawFrame[] } {
  const world = createWorld(lesson, maxWork);
  const steps = lesson.steps;
  const nextLinesAfter = (index: number): number[] => {
    for (let k = index; k < steps.length; k += 1) if (!skip.has(k + 1)) return steps[k].lines;
    return [];
  };
  const start: Frame = {
    index: 0,
    action: 'Start',
    cacheKey: '',
    result: '',
    narration: lesson.flowCaption,
    actor: DEFAULT_ACTOR,
    isSkipped: false,
    isDiverged: false,
    cacheBefore: cacheDict(world.cache, world.clock.now()),
    cacheAfter: cacheDict(world.cache, world.clock.now()),
    cache: cacheView(world),
    db: dbView(world.db),
    outcomes: [],
    clock: world.clock.now(),
    lines: [],
    nextLines: nextLinesAfter(0),
    stage: -1,
    event: 'start',
    queries: world.db.queryCount(),
    stepQueries: 0,
    vars: trackedVars(world, lesson),
    changedVars: [],
    transcript: null,
  };
  const frames: Frame[] = [start];
  const raw: RawFrame[] = [{ outcomes: [], cacheAfter: start.cacheAfter }];
  steps.forEach((step: LessonStep, i) => {
    const index = i + 1;
    const actor = step.actor ?? DEFAULT_ACTOR;
    const isSkipped = skip.has(index);
    const cacheBefore = cacheDict(world.cache, world.clock.now());
    const queriesBefore = world.db.queryCount();
    world.outcomes = [];
    world.extraLines = new Set();
    world.stepIndex = index;
    onStep?.(index);
    if (!isSkipped) for (const op of step.ops) runSafely(world, op, actor);
    const previous = frames[frames.length - 1];
    const vars = trackedVars(world, lesson);
    const cacheAfter = cacheDict(world.cache, world.clock.now());
    const cache = cacheView(world);
    const db = dbView(world.db);
    // Every frame shows the whole cache (as entries, before, after and tracked: four passes)
    // and the database: that is most of a long run's work.
    spend(world, 4 * cache.length + db.length);
    frames.push({
      index,
      action: step.action,
      cacheKey: step.cacheKey,
      result: step.result,
      narration: step.narration,
      actor,
      isSkipped,
      isDiverged: false,
      cacheBefore,
      cacheAfter,
      cache,
      db,
      outcomes: world.outcomes,
      clock: world.clock.now(),
      lines: isSkipped ? [] : [...step.lines, ...[...world.extraLines].sort((a, b) => a - b)],
      nextLines: nextLinesAfter(index),
      stage: step.stage,
      event: isSkipped ? 'other' : eventOf(world.outcomes),
      queries: world.db.queryCount(),
      stepQueries: world.db.queryCount() - queriesBefore,
      vars,
      changedVars: Object.keys(vars).filter((name) => vars[name] !== previous.vars[name]),
      transcript: step.transcript ?? null,
    });
    raw.push({ outcomes: world.outcomes, cacheAfter });
  });
  return { frames, raw };
}

function sameRun(a: RawFrame, b: RawFrame): boolean {
  return a.cacheAfter === b.cacheAfter && JSON.stringify(a.outcomes) === JSON.stringify(b.outcomes);
}

/**
 * Run a lesson against a fresh clock, cache and database and return its frozen trace:
 * frame 0 is the start, frame k the state after step k. With `skip`, those steps do not run;
 * every step whose outcome then differs from the normal path is marked `isDiverged` and keeps
 * the engine's cache states; the app then shows engine-derived words for it, not the authored
 * ones (lessons/vocabulary.ts), so a skipped invalidation really shows stale data.
 */
export function run(lesson: Lesson, options: RunOptions = {}): Trace {
  const skip = new Set(
    (options.skip ?? []).filter((n) => Number.isInteger(n) && n >= 1 && n <= lesson.steps.length),
  );
  const maxWork = options.maxWork ?? Number.POSITIVE_INFINITY;
  const actual = runFrames(lesson, skip, maxWork, options.onStep);
  const normal = skip.size > 0 ? runFrames(lesson, new Set(), maxWork, options.onStep) : actual;
  const frames = actual.frames.map((frame, index) => {
    if (index === 0) return frame;
    const step = lesson.steps[index - 1];
    const isDiverged = skip.size > 0 && !sameRun(actual.raw[index], normal.raw[index]);
    if (!isDiverged && !frame.isSkipped) {
      return {
        ...frame,
        cacheBefore: step.display?.cacheBefore ?? frame.cacheBefore,
        cacheAfter: step.display?.cacheAfter ?? frame.cacheAfter,
      };
    }
    // A diverged row shows the engine's own cache states. Its authored text describes the normal
    // path; the app shows the engine's words instead (lessons/vocabulary.ts `shownStep`).
    return { ...frame, isDiverged: true };
  });
  return deepFreeze({ lessonId: lesson.id, frames, skip: [...skip].sort((a, b) => a - b) });
}

/** Count of skippable steps, for the what-if toggles. */
export function skippableSteps(lesson: Lesson): number[] {
  return lesson.steps.flatMap((step, i) => (step.skippable ? [i + 1] : []));
}
