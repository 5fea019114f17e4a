import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCache } from '../../../src/engine/cache';
import { createClock } from '../../../src/engine/clock';
import type { CacheEntry, DjangoCache } from '../../../src/engine/types';

const RUNS = { seed: 42, numRuns: 200 } as const;

type Timeout = number | null | undefined;
type Value = number | string | null;
type Version = number | undefined;

type Op =
  | { kind: 'set'; key: string; value: Value; timeout: Timeout; version: Version }
  | { kind: 'add'; key: string; value: Value; timeout: Timeout; version: Version }
  | { kind: 'get'; key: string; version: Version }
  | { kind: 'delete'; key: string; version: Version }
  | { kind: 'touch'; key: string; timeout: Timeout; version: Version }
  | { kind: 'incr'; key: string; delta: number; version: Version }
  | { kind: 'hasKey'; key: string; version: Version }
  | { kind: 'incrVersion'; key: string; version: Version }
  | { kind: 'getOrSet'; key: string; value: Value; timeout: Timeout; version: Version }
  | { kind: 'advance'; seconds: number };

interface Config {
  timeout: number | null;
  maxEntries: number;
  cullFrequency: number;
}

/** What an operation produced: a value, or the kind of error with its message. */
type Result = { ok: unknown } | { error: string; message: string };

const key = fc.constantFrom('a', 'b', 'c', 'd');
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom('x', 'y'),
  fc.constant(null),
);
const timeout: fc.Arbitrary<Timeout> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -3, max: 12 }),
);
const version: fc.Arbitrary<Version> = fc.constantFrom(undefined, 1, 2, 3);

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key, value, timeout, version }),
  fc.record({ kind: fc.constant('add' as const), key, value, timeout, version }),
  fc.record({ kind: fc.constant('get' as const), key, version }),
  fc.record({ kind: fc.constant('delete' as const), key, version }),
  fc.record({ kind: fc.constant('touch' as const), key, timeout, version }),
  fc.record({
    kind: fc.constant('incr' as const),
    key,
    delta: fc.integer({ min: -3, max: 3 }),
    version,
  }),
  fc.record({ kind: fc.constant('hasKey' as const), key, version }),
  fc.record({ kind: fc.constant('incrVersion' as const), key, version }),
  fc.record({ kind: fc.constant('getOrSet' as const), key, value, timeout, version }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 8 }) }),
);

const config: fc.Arbitrary<Config> = fc.record({
  timeout: fc.constantFrom<number | null>(300, 5, null),
  maxEntries: fc.integer({ min: 1, max: 6 }),
  cullFrequency: fc.integer({ min: 0, max: 4 }),
});

// size 'max': fast-check's default size would keep most sequences under ten operations.
const ops = fc.array(op, { maxLength: 60, size: 'max' });

/** Run one operation on the engine, turning the documented errors into results. */
function apply(cache: DjangoCache, advance: (seconds: number) => void, o: Op): Result {
  try {
    switch (o.kind) {
      case 'set':
        return { ok: cache.set(o.key, o.value, o.timeout, o.version) };
      case 'add':
        return { ok: cache.add(o.key, o.value, o.timeout, o.version) };
      case 'get':
        return { ok: cache.get(o.key, 'MISS', o.version) };
      case 'delete':
        return { ok: cache.delete(o.key, o.version) };
      case 'touch':
        return { ok: cache.touch(o.key, o.timeout, o.version) };
      case 'incr':
        return { ok: cache.incr(o.key, o.delta, o.version) };
      case 'hasKey':
        return { ok: cache.hasKey(o.key, o.version) };
      case 'incrVersion':
        return { ok: cache.incrVersion(o.key, 1, o.version) };
      case 'getOrSet': {
        let calls = 0;
        const result = cache.getOrSet(
          o.key,
          () => {
            calls += 1;
            return o.value;
          },
          o.timeout,
          o.version,
        );
        return { ok: [result, calls] };
      }
      case 'advance':
        advance(o.seconds);
        return { ok: undefined };
    }
  } catch (error) {
    const documented =
      error instanceof Error &&
      ((error.name === 'ValueError' && (o.kind === 'incr' || o.kind === 'incrVersion')) ||
        (error instanceof TypeError && o.kind === 'incr'));
    if (!documented) throw error;
    // TypeError texts are Python's; the model only knows that one was raised.
    return { error: error.name, message: error.name === 'ValueError' ? error.message : '' };
  }
}

/**
 * An independent model of LocMemCache, written straight from DJANGO-CACHE.md with a plain array
 * (most recently used first) instead of the engine's Map, so a shared mistake is unlikely.
 */
class Model {
  private list: CacheEntry[] = [];
  private now = 0;

  constructor(private readonly config: Config) {}

  entries(): CacheEntry[] {
    return this.list.map((entry) => ({ ...entry }));
  }

  apply(o: Op): Result {
    switch (o.kind) {
      case 'set':
        this.write(this.key(o.key, o.version), o.value, o.timeout);
        return { ok: undefined };
      case 'add': {
        const k = this.key(o.key, o.version);
        if (this.live(k)) return { ok: false };
        this.write(k, o.value, o.timeout);
        return { ok: true };
      }
      case 'get':
        return { ok: this.get(this.key(o.key, o.version), 'MISS') };
      case 'delete':
        return { ok: this.remove(this.key(o.key, o.version)) };
      case 'touch': {
        const entry = this.live(this.key(o.key, o.version));
        if (!entry) return { ok: false };
        entry.expiresAt = this.expiry(o.timeout);
        return { ok: true };
      }
      case 'incr': {
        const k = this.key(o.key, o.version);
        const entry = this.live(k);
        if (!entry) {
          this.remove(k);
          return { error: 'ValueError', message: `Key '${k}' not found` };
        }
        if (typeof entry.value !== 'number') return { error: 'TypeError', message: '' };
        const next = entry.value + o.delta;
        this.remove(k);
        this.list.unshift({ key: k, value: next, expiresAt: entry.expiresAt });
        return { ok: next };
      }
      case 'hasKey': {
        const k = this.key(o.key, o.version);
        if (this.live(k)) return { ok: true };
        this.remove(k);
        return { ok: false };
      }
      case 'incrVersion': {
        const from = o.version ?? 1;
        const missing = Symbol('missing');
        const found = this.get(this.key(o.key, from), missing);
        if (found === missing) {
          return { error: 'ValueError', message: `Key '${o.key}' not found` };
        }
        this.write(this.key(o.key, from + 1), found, undefined);
        this.remove(this.key(o.key, from));
        return { ok: from + 1 };
      }
      case 'getOrSet': {
        const k = this.key(o.key, o.version);
        const missing = Symbol('missing');
        const found = this.get(k, missing);
        if (found !== missing) return { ok: [found, 0] };
        if (!this.live(k)) this.write(k, o.value, o.timeout);
        return { ok: [this.get(k, o.value), 1] };
      }
      case 'advance':
        this.now += o.seconds;
        return { ok: undefined };
    }
  }

  private key(raw: string, version: Version): string {
    return `:${version ?? 1}:${raw}`;
  }

  private expiry(timeout: Timeout): number | null {
    if (timeout === undefined) {
      return this.config.timeout === null ? null : this.now + this.config.timeout;
    }
    if (timeout === null) return null;
    return timeout === 0 ? this.now - 1 : this.now + timeout;
  }

  private live(k: string): CacheEntry | undefined {
    const entry = this.list.find((candidate) => candidate.key === k);
    if (!entry) return undefined;
    return entry.expiresAt === null || entry.expiresAt > this.now ? entry : undefined;
  }

  private remove(k: string): boolean {
    const before = this.list.length;
    this.list = this.list.filter((entry) => entry.key !== k);
    return this.list.length < before;
  }

  private get(k: string, fallback: unknown): unknown {
    const entry = this.live(k);
    if (!entry) {
      this.remove(k);
      return fallback;
    }
    this.remove(k);
    this.list.unshift(entry);
    return entry.value;
  }

  private write(k: string, v: unknown, timeout: Timeout): void {
    if (this.list.length >= this.config.maxEntries) {
      const { cullFrequency } = this.config;
      const doomed =
        cullFrequency === 0 ? this.list.length : Math.floor(this.list.length / cullFrequency);
      this.list = this.list.slice(0, this.list.length - doomed);
    }
    this.remove(k);
    this.list.unshift({ key: k, value: v, expiresAt: this.expiry(timeout) });
  }
}

function runEngine(cfg: Config, sequence: Op[], after?: (cache: DjangoCache) => void) {
  const clock = createClock();
  const cache = createCache({ clock, ...cfg });
  const results = sequence.map((o) => {
    const result = apply(cache, (seconds) => clock.advance(seconds), o);
    after?.(cache);
    return result;
  });
  return { results, entries: cache.entries(), now: clock.now() };
}

describe('Cache properties', () => {
  it('never throws except the documented ValueError and TypeError', () => {
    fc.assert(
      fc.property(config, ops, (cfg, sequence) => {
        // apply() rethrows anything undocumented, which fails the property.
        runEngine(cfg, sequence);
      }),
      RUNS,
    );
  });

  it('stays within MAX_ENTRIES after every operation when CULL_FREQUENCY allows it', () => {
    fc.assert(
      fc.property(config, ops, (cfg, sequence) => {
        // Culling drops floor(size / CULL_FREQUENCY) before a write: that frees a slot only when
        // CULL_FREQUENCY <= size, so a larger frequency lets the store grow to CULL_FREQUENCY.
        const bound =
          cfg.cullFrequency === 0 || cfg.cullFrequency <= cfg.maxEntries
            ? cfg.maxEntries
            : cfg.cullFrequency;
        runEngine(cfg, sequence, (cache) => {
          expect(cache.entries().length).toBeLessThanOrEqual(bound);
        });
      }),
      RUNS,
    );
  });

  it('lists every final key at most once', () => {
    fc.assert(
      fc.property(config, ops, (cfg, sequence) => {
        runEngine(cfg, sequence, (cache) => {
          const keys = cache.entries().map((entry) => entry.key);
          expect(new Set(keys).size).toBe(keys.length);
        });
      }),
      RUNS,
    );
  });

  it('agrees with an independent model on every result, the entries and their order', () => {
    fc.assert(
      fc.property(config, ops, (cfg, sequence) => {
        const model = new Model(cfg);
        const expected = sequence.map((o) => model.apply(o));
        const actual = runEngine(cfg, sequence);
        expect(actual.results).toEqual(expected);
        expect(actual.entries).toEqual(model.entries());
      }),
      RUNS,
    );
  });

  it('is deterministic: the same operations on the same clock give the same store', () => {
    fc.assert(
      fc.property(config, ops, (cfg, sequence) => {
        expect(runEngine(cfg, sequence)).toEqual(runEngine(cfg, sequence));
      }),
      RUNS,
    );
  });

  it('warns about characters exactly when the final key has one of U+0000–U+0020 or U+007F', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (raw) => {
        const warnings: string[] = [];
        const cache = createCache({ clock: createClock(), onWarning: (m) => warnings.push(m) });
        cache.get(raw);
        const hasBad = [...`:1:${raw}`].some((ch) => {
          const code = ch.codePointAt(0) ?? 0;
          return code <= 0x20 || code === 0x7f;
        });
        expect(warnings).toHaveLength(hasBad ? 1 : 0);
        if (hasBad) {
          expect(warnings[0]).toMatch(
            /^Cache key contains characters that will cause errors if used with memcached: ['"]/,
          );
          // The repr never contains a raw control character: they are all escaped.
          const raw = [...warnings[0]].filter(
            (ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f',
          );
          expect(raw).toEqual([]);
        }
      }),
      RUNS,
    );
  });
});
