import { pyRepr, type CacheEntryView, type Frame } from '../../engine';

/**
 * The Cache panel's view model: one frame (and the frame before it) in, rows with their
 * labels out. Pure, so the wording rules of the panel are tested without React.
 *
 * The word for "cached value differs from the database" is reserved for entries that are in
 * that state: no label produced here ever contains it, except the entry flag `isStale`, which
 * the component renders as the one badge allowed to say so.
 */

export type TtlState = 'never' | 'live' | 'expired';

/** A live cache entry as the panel lists it. */
export interface CacheEntryRow {
  /** Final key, e.g. `:1:user_profile_42`. */
  key: string;
  /** The key the code used, e.g. `user_profile_42`. */
  rawKey: string;
  /** Python repr of the value. */
  value: string;
  ttlState: TtlState;
  /** `never expires`, `expires in 300s` or `expired (purged on next read)`. */
  ttlText: string;
  /** The cached value differs from the database value it mirrors. */
  isStale: boolean;
  /** Python repr of the database value, when the key is bound to a field. */
  dbValue: string | null;
  /** Not in the cache before this step: the row grows in. */
  isNew: boolean;
  /** In the cache before this step with another value: the value flashes. */
  isChanged: boolean;
  /** The value before this step, when this step changed it (shown as before → after). */
  before: string | null;
}

/** An entry this step deleted, shown struck through for the step. */
export interface CacheGhostRow {
  key: string;
  rawKey: string;
  /** The value it held before the step, when known. */
  value: string | null;
}

/** One read through the cache this step: `cache.get`, and on a miss the DB read and refill. */
export interface CacheRequestRow {
  actor: string;
  rawKey: string;
  isHit: boolean;
  /** Value served by the cache on a hit. */
  servedValue: string | null;
  /** Value read from the database after a miss (`→ read DB`). */
  dbValue: string | null;
  /** Value put back into the cache after the database read. */
  cachedValue: string | null;
}

/** Any other cache call this step, written as the Django call and its return value. */
export interface CacheCallRow {
  actor: string;
  call: string;
  result: string | null;
}

export interface CacheView {
  entries: CacheEntryRow[];
  ghosts: CacheGhostRow[];
  requests: CacheRequestRow[];
  calls: CacheCallRow[];
  isEmpty: boolean;
}

/** Seconds as a short number: `300`, `2.5`. */
export function formatSeconds(seconds: number): string {
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}

/** How long an entry lives, in words. */
export function ttlOf(entry: Pick<CacheEntryView, 'ttl' | 'isExpired'>): {
  state: TtlState;
  text: string;
} {
  if (entry.isExpired) return { state: 'expired', text: 'expired (purged on next read)' };
  if (entry.ttl === null) return { state: 'never', text: 'never expires' };
  return { state: 'live', text: `expires in ${formatSeconds(entry.ttl)}s` };
}

function entryRows(frame: Frame, previous: Frame | null): CacheEntryRow[] {
  const before = new Map((previous?.cache ?? []).map((entry) => [entry.key, entry.value]));
  return frame.cache.map((entry) => {
    const ttl = ttlOf(entry);
    const old = before.get(entry.key);
    return {
      key: entry.key,
      rawKey: entry.rawKey,
      value: entry.value,
      ttlState: ttl.state,
      ttlText: ttl.text,
      isStale: entry.isStale,
      dbValue: entry.dbValue,
      // At the start nothing "arrived"; the first frame shows the initial state calmly.
      isNew: previous !== null && old === undefined,
      isChanged: old !== undefined && old !== entry.value,
      before: old !== undefined && old !== entry.value ? old : null,
    };
  });
}

function ghostRows(frame: Frame, previous: Frame | null): CacheGhostRow[] {
  const live = new Set(frame.cache.map((entry) => entry.rawKey));
  const ghosts: CacheGhostRow[] = [];
  for (const outcome of frame.outcomes) {
    if (outcome.kind !== 'delete' || !outcome.deleted) continue;
    // Deleted and re-cached in the same step: the live row shows it as changed instead.
    if (live.has(outcome.key) || ghosts.some((ghost) => ghost.rawKey === outcome.key)) continue;
    const old = previous?.cache.find((entry) => entry.rawKey === outcome.key);
    ghosts.push({ key: old?.key ?? outcome.key, rawKey: outcome.key, value: old?.value ?? null });
  }
  return ghosts;
}

/** Folds `get` → `db.read` → `set` of one actor into one request; lists other calls as is. */
function operationRows(frame: Frame): { requests: CacheRequestRow[]; calls: CacheCallRow[] } {
  const requests: CacheRequestRow[] = [];
  const calls: CacheCallRow[] = [];
  // The actor's latest read, if it missed: only then does a DB read or a set belong to it.
  const lastMiss = (actor: string): CacheRequestRow | undefined => {
    for (let i = requests.length - 1; i >= 0; i -= 1) {
      if (requests[i].actor === actor) return requests[i].isHit ? undefined : requests[i];
    }
    return undefined;
  };
  const call = (actor: string, text: string, result: string | null): void => {
    calls.push({ actor, call: text, result });
  };
  for (const o of frame.outcomes) {
    switch (o.kind) {
      case 'get':
        requests.push({
          actor: o.actor,
          rawKey: o.key,
          isHit: o.hit,
          servedValue: o.hit ? o.value : null,
          dbValue: null,
          cachedValue: null,
        });
        break;
      case 'db.read': {
        const miss = lastMiss(o.actor);
        if (miss && miss.dbValue === null) miss.dbValue = o.value;
        break;
      }
      case 'set': {
        const miss = lastMiss(o.actor);
        if (miss && miss.rawKey === o.key && miss.dbValue !== null && miss.cachedValue === null) {
          miss.cachedValue = o.value;
        } else {
          call(o.actor, `cache.set(${pyRepr(o.key)}, ${o.value})`, null);
        }
        break;
      }
      case 'add':
        call(o.actor, `cache.add(${pyRepr(o.key)}, …)`, o.stored ? 'True' : 'False');
        break;
      case 'delete':
        call(o.actor, `cache.delete(${pyRepr(o.key)})`, o.deleted ? 'True' : 'False');
        break;
      case 'touch':
        call(o.actor, `cache.touch(${pyRepr(o.key)})`, o.live ? 'True' : 'False');
        break;
      case 'incr':
        call(o.actor, `cache.incr(${pyRepr(o.key)})`, o.value);
        break;
      case 'incrVersion':
        call(o.actor, `cache.incr_version(${pyRepr(o.key)})`, String(o.version));
        break;
      default:
        break;
    }
  }
  return { requests, calls };
}

/** Everything the Cache panel shows for one frame. */
export function buildCacheView(frame: Frame, previous: Frame | null): CacheView {
  const entries = entryRows(frame, previous);
  return {
    entries,
    ghosts: ghostRows(frame, previous),
    ...operationRows(frame),
    isEmpty: entries.length === 0,
  };
}

/**
 * Whether the lesson moves the simulated clock, so the panel shows it. Decided over the whole
 * trace, so the clock line does not appear and vanish from step to step. A clock stuck at 0
 * says nothing a learner needs; the entries still show their time to live.
 */
export function tracksTime(frames: readonly Frame[]): boolean {
  return frames.some((frame) => frame.clock > 0);
}
