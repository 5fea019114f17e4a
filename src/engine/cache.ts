/**
 * A faithful model of `django.core.cache.backends.locmem.LocMemCache` (Django 4.2 – 5.x) on a
 * simulated clock: the same key making and validation, timeouts, lazy expiry, LRU order and
 * culling, so what learners see here is what their Django process would do.
 */
import { pyStr } from './python-repr';
import type { CacheEntry, CacheKey, CacheOptions, CacheStore, DjangoCache } from './types';

/** One slot of a store: the private copy of the value and its absolute expiry. */
export interface Slot {
  /** The final key it is stored under, for a walk over the values (which allocates nothing). */
  key: string;
  value: unknown;
  expiresAt: number | null;
  /**
   * What the engine's Cache panel keeps about this slot's key (run.ts), so a view rebuild finds
   * it without a lookup by key; the cache itself never reads it. A write makes a new slot.
   */
  note: unknown;
}

/**
 * Slots of one store. Map insertion order is the LRU order: the first entry is the least
 * recently used (Django's `OrderedDict` tail, where `popitem()` culls), the last the most recent.
 */
type Slots = Map<string, Slot>;

/**
 * What changed in a store's slots since the engine last emptied the log (run.ts does at every
 * step, so its Cache panel rebuilds only those entries): each final key moved to the most
 * recent end (a write, or a read that hit), touched or removed, in order, repeats allowed; the
 * first `count`. `all`: more changed than is listed (`clear`, or a log no one empties).
 */
export interface ChangeLog {
  keys: string[];
  /** Parallel to `keys`: whether that change moved the key to the most recent end. */
  moved: boolean[];
  count: number;
  all: boolean;
}

/** Past this many changes a log gives up listing them (`all`): a cache outside the engine stays small. */
const LOG_LIMIT = 64;

interface Store {
  slots: Slots;
  log: ChangeLog;
}

/** `MEMCACHE_MAX_KEY_LENGTH` in `django/core/cache/backends/base.py`. */
const MEMCACHE_MAX_KEY_LENGTH = 250;

/** Characters Python's `str.isprintable()` rejects outside ASCII (other + separator categories). */
const NON_PRINTABLE = /^[\p{C}\p{Z}]$/u;

/** Django's `BaseCache._missing_key`: tells a stored `null` apart from a miss. */
const MISSING: unique symbol = Symbol('missing');

/** Stores live outside the handles so a handle stays a plain, serialisable `{ id }`. */
const stores = new WeakMap<CacheStore, Store>();
let nextStoreId = 1;

/**
 * Create a named LocMem store (Django's `LOCATION`). Caches created with the same store share
 * keys and LRU order, like two `CACHES` aliases pointing at one LocMem location.
 */
export function createCacheStore(): CacheStore {
  const store: CacheStore = Object.freeze({ id: nextStoreId++ });
  stores.set(store, newStore());
  return store;
}

/**
 * The slots of a store, least recently used first: for the engine's own views only (read the
 * values, never change them; `note` is the viewer's). Not part of the public API.
 */
export function slotsOf(store: CacheStore): ReadonlyMap<string, Slot> {
  return storeFor(store).slots;
}

/** The change log of a store, for the engine's views only (they empty it). Not public API. */
export function changesOf(store: CacheStore): ChangeLog {
  return storeFor(store).log;
}

function newStore(): Store {
  return { slots: new Map(), log: { keys: [], moved: [], count: 0, all: false } };
}

function storeFor(handle: CacheStore): Store {
  let store = stores.get(handle);
  if (store === undefined) {
    // A handle not made by createCacheStore (e.g. rebuilt from data) still gets its own store.
    store = newStore();
    stores.set(handle, store);
  }
  return store;
}

function logChange(log: ChangeLog, key: string, moved: boolean): void {
  if (log.all) return;
  if (log.count === LOG_LIMIT) {
    log.all = true;
    return;
  }
  log.keys[log.count] = key;
  log.moved[log.count] = moved;
  log.count += 1;
}

/**
 * Django's `default_key_func`: `'%s:%s:%s' % (key_prefix, version, key)`.
 *
 * @example defaultKeyFunction('user_profile_42', '', 1) // ':1:user_profile_42'
 */
export function defaultKeyFunction(key: string, keyPrefix: string, version: number): string {
  return `${keyPrefix}:${version}:${key}`;
}

function hex(codePoint: number, width: number): string {
  return codePoint.toString(16).padStart(width, '0');
}

/**
 * Python's `repr()` of a `str`, as Django's warnings print keys: single quotes unless the text
 * holds `'` and no `"`; backslashes and the chosen quote escaped; `\t \n \r`, other control
 * characters and non-printable code points as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
 *
 * @example pyStrRepr("it's") // "\"it's\""
 */
function pyStrRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const codePoint = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') {
      out += `\\${ch}`;
    } else if (ch === '\t') {
      out += '\\t';
    } else if (ch === '\n') {
      out += '\\n';
    } else if (ch === '\r') {
      out += '\\r';
    } else if (codePoint < 0x20 || codePoint === 0x7f) {
      out += `\\x${hex(codePoint, 2)}`;
    } else if (codePoint < 0x7f || !NON_PRINTABLE.test(ch)) {
      out += ch;
    } else if (codePoint <= 0xff) {
      out += `\\x${hex(codePoint, 2)}`;
    } else if (codePoint <= 0xffff) {
      out += `\\u${hex(codePoint, 4)}`;
    } else {
      out += `\\U${hex(codePoint, 8)}`;
    }
  }
  return out + quote;
}

/**
 * Django's `memcache_key_warnings`: the length warning first, then the character warning
 * (`memcached_error_chars_re` is `[\x00-\x20\x7f]`: control characters, space and DEL).
 */
function memcacheKeyWarnings(key: string): string[] {
  // Python's len() counts code points, so an astral character counts once, not twice.
  let length = 0;
  let hasErrorChar = false;
  for (const ch of key) {
    length += 1;
    const codePoint = ch.codePointAt(0) ?? 0;
    if (codePoint <= 0x20 || codePoint === 0x7f) hasErrorChar = true;
  }
  const warnings: string[] = [];
  if (length > MEMCACHE_MAX_KEY_LENGTH) {
    warnings.push(
      `Cache key will cause errors if used with memcached: ${pyStrRepr(key)} ` +
        `(longer than ${MEMCACHE_MAX_KEY_LENGTH})`,
    );
  }
  if (hasErrorChar) {
    warnings.push(
      `Cache key contains characters that will cause errors if used with memcached: ${pyStrRepr(key)}`,
    );
  }
  return warnings;
}

/**
 * What Python's `str.strip()` (and so `int()`) treats as whitespace: `str.isspace()`, which is
 * not JS's `\s` (Python adds U+001C–U+001F and U+0085; JS adds U+FEFF).
 */
const PY_SPACE =
  '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';
/** `int(text)` in base 10: optional sign, digits (any Unicode decimal digit), single `_` between digits. */
const PY_INT_TEXT = new RegExp(
  `^[${PY_SPACE}]*([+-]?)(\\p{Nd}+(?:_\\p{Nd}+)*)[${PY_SPACE}]*$`,
  'u',
);
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * The value of a Unicode decimal digit (`'٣'` → 3): digits come in runs of ten from zero, so
 * it is the number of digits just before it, modulo 10.
 */
function digitValue(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  let before = 0;
  while (before < 100 && DECIMAL_DIGIT.test(String.fromCodePoint(code - before - 1))) before += 1;
  return before % 10;
}

/**
 * Python's `int(value)` with Django's `except (ValueError, TypeError)` fallback, so a bad
 * setting degrades the way `BaseCache.__init__` does instead of breaking the lesson: a `str`
 * such as `'300'`, `' 300\n'`, `'+3_000'` or `'٣٠٠'` is parsed as `int()` parses it; `'3.0'`,
 * `'0x10'` or `''` fall back; a float is truncated; `True` is 1.
 */
function pyInt(value: unknown, fallback: number): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') {
    // Python raises OverflowError for infinities (not caught by Django); falling back keeps the
    // simulator usable and is the closest "setting ignored" behaviour. NaN is a ValueError.
    return Number.isFinite(value) ? Math.trunc(value) : fallback;
  }
  if (typeof value === 'string') {
    const match = PY_INT_TEXT.exec(value);
    if (match === null) return fallback;
    let digits = '';
    for (const ch of match[2]) if (ch !== '_') digits += String(digitValue(ch));
    const parsed = Number.parseInt(digits, 10);
    return match[1] === '-' ? -parsed : parsed;
  }
  return fallback;
}

/** Python's type name, for the `TypeError` message of `value + delta`. */
function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'bigint') return 'int';
  if (Array.isArray(value)) return 'list';
  // The tag, not instanceof: structuredClone may hand back a typed array of another realm
  // (Node's, under jsdom), and it is still bytes.
  switch (Object.prototype.toString.call(value)) {
    case '[object Uint8Array]':
      return 'bytes';
    case '[object Set]':
      return 'set';
    case '[object Map]':
    case '[object Object]':
      return 'dict';
    default:
      return 'object';
  }
}

/** `value + delta` as Python evaluates it in `LocMemCache.incr`. */
function pyAdd(value: unknown, delta: number): number {
  // bool is a subclass of int in Python: `True + 1 == 2`.
  if (typeof value === 'number' || typeof value === 'boolean') return Number(value) + delta;
  const left = pyTypeName(value);
  const right = pyTypeName(delta);
  if (left === 'str' || left === 'list') {
    throw new TypeError(`can only concatenate ${left} (not "${right}") to ${left}`);
  }
  if (left === 'bytes') throw new TypeError(`can't concat ${right} to bytes`);
  throw new TypeError(`unsupported operand type(s) for +: '${left}' and '${right}'`);
}

/** A Python `ValueError` as a JS `Error` whose `name` says so. */
function valueError(message: string): Error {
  const error = new Error(message);
  error.name = 'ValueError';
  return error;
}

/**
 * Values are pickled in Django; a structured clone gives the same "no shared references".
 * Strings, numbers, booleans and `None` are immutable, so they need no copy (functions and
 * symbols still go through the clone, which rejects them as pickle would).
 */
function copy<T>(value: T): T {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'undefined':
      return value;
    default:
      return value === null ? value : structuredClone(value);
  }
}

/**
 * Create a cache handle that behaves like `django.core.cache.caches[alias]` with the LocMem
 * backend. Every primitive that builds a key (`get`, `set`, `add`, `delete`, `touch`, `incr`,
 * `hasKey`) validates the final key and reports Django's `CacheKeyWarning` texts to
 * `onWarning`; composite methods are written in terms of them, as in `BaseCache`, so they warn
 * through them.
 *
 * @param options - `TIMEOUT`, `OPTIONS.MAX_ENTRIES`, `OPTIONS.CULL_FREQUENCY`, `KEY_PREFIX`,
 *   `VERSION`, `KEY_FUNCTION`, the simulated clock and the store to use.
 */
export function createCache(options: CacheOptions): DjangoCache {
  const { clock } = options;
  const { slots, log } = storeFor(options.store ?? createCacheStore());
  const defaultTimeout = options.timeout === null ? null : pyInt(options.timeout ?? 300, 300);
  const maxEntries = pyInt(options.maxEntries ?? 300, 300);
  const cullFrequency = pyInt(options.cullFrequency ?? 3, 3);
  const keyPrefix = options.keyPrefix ?? '';
  const defaultVersion = options.version ?? 1;
  const keyFunction = options.keyFunction ?? defaultKeyFunction;
  // Python prints CacheKeyWarning to stderr; an engine without a listener stays silent.
  const onWarning = options.onWarning ?? ((): void => undefined);

  /** Final keys of string keys at the default version, when the key function is Django's own. */
  const finalKeys = keyFunction === defaultKeyFunction ? new Map<string, string>() : null;

  function makeKey(key: CacheKey, version?: number | null): string {
    const v = version ?? defaultVersion;
    if (finalKeys !== null && typeof key === 'string' && v === defaultVersion) {
      let finalKey = finalKeys.get(key);
      if (finalKey === undefined) {
        finalKey = defaultKeyFunction(key, keyPrefix, v);
        // Bounded, for a handle that lives long and sees endless distinct keys.
        if (finalKeys.size >= 10_000) finalKeys.clear();
        finalKeys.set(key, finalKey);
      }
      return finalKey;
    }
    // Django formats the key with '%s': str(), so a float key reads 1e-05, not 0.00001.
    return keyFunction(pyStr(key), keyPrefix, v);
  }

  /** Final keys already found to raise no warning (a key with warnings warns every time). */
  const cleanKeys = new Set<string>();

  function makeAndValidateKey(key: CacheKey, version?: number | null): string {
    const finalKey = makeKey(key, version);
    if (cleanKeys.has(finalKey)) return finalKey;
    const warnings = memcacheKeyWarnings(finalKey);
    for (const warning of warnings) onWarning(warning);
    if (warnings.length === 0) {
      // Bounded, for a handle that lives long and sees endless distinct keys.
      if (cleanKeys.size >= 10_000) cleanKeys.clear();
      cleanKeys.add(finalKey);
    }
    return finalKey;
  }

  /** `BaseCache.get_backend_timeout`: `undefined` is Django's `DEFAULT_TIMEOUT` sentinel. */
  function expiryFor(timeout: number | null | undefined): number | null {
    const now = clock.now();
    if (timeout === undefined) return defaultTimeout === null ? null : now + defaultTimeout;
    if (timeout === null) return null;
    // Ticket #21147: 0 means "expire at once", stored one second in the past.
    if (timeout === 0) return now - 1;
    return now + timeout;
  }

  /** `LocMemCache._has_expired`: the boundary itself is expired (`exp <= time.time()`). */
  function isLive(slot: Slot | undefined): slot is Slot {
    return slot !== undefined && (slot.expiresAt === null || slot.expiresAt > clock.now());
  }

  function moveToFront(finalKey: string, slot: Slot): void {
    slots.delete(finalKey);
    slots.set(finalKey, slot);
    logChange(log, finalKey, true);
  }

  /** Drop a slot (expired, deleted or culled); whether there was one. */
  function drop(finalKey: string): boolean {
    const dropped = slots.delete(finalKey);
    if (dropped) logChange(log, finalKey, false);
    return dropped;
  }

  function dropAll(): void {
    slots.clear();
    log.all = true;
  }

  /** `LocMemCache._cull`: drops from the LRU end whether or not the entries have expired. */
  function cull(): void {
    if (cullFrequency === 0) {
      dropAll();
      return;
    }
    // Python's `//` floors; a negative frequency gives a negative count and culls nothing.
    const count = Math.floor(slots.size / cullFrequency);
    const doomed: string[] = [];
    for (const finalKey of slots.keys()) {
      if (doomed.length >= count) break;
      doomed.push(finalKey);
    }
    for (const finalKey of doomed) drop(finalKey);
  }

  /** `LocMemCache._set`: culls first, even when the write overwrites an existing key. */
  function write(finalKey: string, value: unknown, timeout: number | null | undefined): void {
    if (slots.size >= maxEntries) cull();
    moveToFront(finalKey, { key: finalKey, value, expiresAt: expiryFor(timeout), note: undefined });
  }

  function get(key: CacheKey, defaultValue: unknown = null, version?: number | null): unknown {
    const finalKey = makeAndValidateKey(key, version);
    const slot = slots.get(finalKey);
    if (!isLive(slot)) {
      drop(finalKey);
      return defaultValue;
    }
    moveToFront(finalKey, slot);
    return copy(slot.value);
  }

  function set(
    key: CacheKey,
    value: unknown,
    timeout?: number | null,
    version?: number | null,
  ): undefined {
    const finalKey = makeAndValidateKey(key, version);
    // Django pickles before taking the lock, so an uncopyable value changes nothing.
    const stored = copy(value);
    write(finalKey, stored, timeout);
    return undefined;
  }

  function add(
    key: CacheKey,
    value: unknown,
    timeout?: number | null,
    version?: number | null,
  ): boolean {
    const finalKey = makeAndValidateKey(key, version);
    const stored = copy(value);
    if (isLive(slots.get(finalKey))) return false;
    write(finalKey, stored, timeout);
    return true;
  }

  function remove(key: CacheKey, version?: number | null): boolean {
    // `_delete` removes whatever is there: an expired entry not yet purged counts as deleted.
    return drop(makeAndValidateKey(key, version));
  }

  function incr(key: CacheKey, delta = 1, version?: number | null): number {
    const finalKey = makeAndValidateKey(key, version);
    const slot = slots.get(finalKey);
    if (!isLive(slot)) {
      drop(finalKey);
      // Django formats with '%s', not %r: the final key between literal single quotes.
      throw valueError(`Key '${finalKey}' not found`);
    }
    const value = pyAdd(slot.value, delta);
    // Same expiry, front of the LRU, and no cull: incr writes in place in Django.
    moveToFront(finalKey, { key: finalKey, value, expiresAt: slot.expiresAt, note: undefined });
    return value;
  }

  function incrVersion(key: CacheKey, delta = 1, version?: number | null): number {
    const from = version ?? defaultVersion;
    const value = get(key, MISSING, from);
    if (value === MISSING) throw valueError(`Key '${pyStr(key)}' not found`);
    // No timeout is passed on, so the moved key gets the cache's default TTL, as in Django.
    set(key, value, undefined, from + delta);
    remove(key, from);
    return from + delta;
  }

  return {
    get,
    set,
    add,
    getOrSet(key, defaultOrFactory, timeout, version) {
      const value = get(key, MISSING, version);
      if (value !== MISSING) return value;
      const fresh =
        typeof defaultOrFactory === 'function'
          ? (defaultOrFactory as () => unknown)()
          : defaultOrFactory;
      add(key, fresh, timeout, version);
      // Read again, as Django does, so a concurrent add (or timeout 0) decides the result.
      return get(key, fresh, version);
    },
    touch(key, timeout, version) {
      const finalKey = makeAndValidateKey(key, version);
      const slot = slots.get(finalKey);
      // touch neither purges an expired entry nor moves a live one in the LRU order.
      if (!isLive(slot)) return false;
      slot.expiresAt = expiryFor(timeout);
      logChange(log, finalKey, false);
      return true;
    },
    delete: remove,
    getMany(keys, version) {
      const found = new Map<CacheKey, unknown>();
      for (const key of keys) {
        const value = get(key, MISSING, version);
        if (value !== MISSING) found.set(key, value);
      }
      return found;
    },
    setMany(entries, timeout, version) {
      for (const [key, value] of entries) set(key, value, timeout, version);
      // Django's LocMem never fails a key, so the list of failed keys is always empty.
      return [];
    },
    deleteMany(keys, version) {
      for (const key of keys) remove(key, version);
      return undefined;
    },
    hasKey(key, version) {
      const finalKey = makeAndValidateKey(key, version);
      const slot = slots.get(finalKey);
      if (isLive(slot)) return true;
      drop(finalKey);
      return false;
    },
    incr,
    decr: (key, delta = 1, version) => incr(key, -delta, version),
    incrVersion,
    decrVersion: (key, delta = 1, version) => incrVersion(key, -delta, version),
    clear() {
      dropAll();
      return undefined;
    },
    makeKey,
    forEachEntry(visit) {
      slots.forEach((slot, key) => visit(key, slot.value, slot.expiresAt));
    },
    entries(): CacheEntry[] {
      return [...slots]
        .reverse()
        .map(([key, slot]) => ({ key, value: copy(slot.value), expiresAt: slot.expiresAt }));
    },
  };
}
