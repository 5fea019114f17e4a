import { describe, expect, it } from 'vitest';
import { createCache, createCacheStore } from '../../../src/engine/cache';
import { createClock } from '../../../src/engine/clock';
import type { CacheOptions } from '../../../src/engine/types';

function setup(options: Partial<CacheOptions> = {}) {
  const clock = createClock();
  const warnings: string[] = [];
  const cache = createCache({ clock, onWarning: (message) => warnings.push(message), ...options });
  return { clock, cache, warnings };
}

/** Settings arrive from lesson data; these casts model a misconfigured `CACHES` entry. */
function bad(value: unknown): number {
  return value as number;
}

describe('Basic operations', () => {
  it('returns null for a missing key by default', () => {
    const { cache } = setup();
    expect(cache.get('missing')).toBeNull();
  });

  it('returns the given default for a missing key', () => {
    const { cache } = setup();
    expect(cache.get('missing', 'fallback')).toBe('fallback');
  });

  it('stores a value under the final key :1:<key>', () => {
    const { cache } = setup();
    expect(cache.set('user_profile_42', { name: 'Ada' })).toBeUndefined();
    expect(cache.get('user_profile_42')).toEqual({ name: 'Ada' });
    expect(cache.entries()).toEqual([
      { key: ':1:user_profile_42', value: { name: 'Ada' }, expiresAt: 300 },
    ]);
  });

  it('returns a stored null rather than the default', () => {
    const { cache } = setup();
    cache.set('nothing', null);
    expect(cache.get('nothing', 'fallback')).toBeNull();
    expect(cache.hasKey('nothing')).toBe(true);
  });

  it('add stores only when the key is absent', () => {
    const { cache } = setup();
    expect(cache.add('lock', 1)).toBe(true);
    expect(cache.add('lock', 2)).toBe(false);
    expect(cache.get('lock')).toBe(1);
  });

  it('a failed add changes nothing, not even the expiry', () => {
    const { cache, clock } = setup();
    cache.set('lock', 'first', 10);
    expect(cache.add('lock', 'second', 100)).toBe(false);
    expect(cache.entries()).toEqual([{ key: ':1:lock', value: 'first', expiresAt: 10 }]);
    clock.advance(10);
    expect(cache.get('lock')).toBeNull();
  });

  it('delete returns true when an entry was removed and false when absent', () => {
    const { cache } = setup();
    cache.set('k', 1);
    expect(cache.delete('k')).toBe(true);
    expect(cache.delete('k')).toBe(false);
    expect(cache.get('k')).toBeNull();
  });

  it('hasKey is true for a live key and false for a missing one', () => {
    const { cache } = setup();
    cache.set('k', 0);
    expect(cache.hasKey('k')).toBe(true);
    expect(cache.hasKey('other')).toBe(false);
  });

  it('stringifies numeric keys as Python str() would', () => {
    const { cache } = setup();
    cache.set(0, 'zero');
    cache.set(42, 'answer');
    expect(cache.makeKey(0)).toBe(':1:0');
    expect(cache.get('0')).toBe('zero');
    expect(cache.get(42)).toBe('answer');
    expect(cache.entries().map((entry) => entry.key)).toEqual([':1:42', ':1:0']);
  });
});

describe('Versions and prefixes', () => {
  it('makeKey uses VERSION unless a version is given', () => {
    const { cache } = setup();
    expect(cache.makeKey('k')).toBe(':1:k');
    expect(cache.makeKey('k', null)).toBe(':1:k');
    expect(cache.makeKey('k', 7)).toBe(':7:k');
  });

  it('keeps one raw key at different versions as independent entries', () => {
    const { cache } = setup();
    cache.set('k', 'v1');
    cache.set('k', 'v2', undefined, 2);
    expect(cache.get('k')).toBe('v1');
    expect(cache.get('k', null, 2)).toBe('v2');
    expect(cache.get('k', null, 3)).toBeNull();
  });

  it('a cache with VERSION 2 does not see version 1 keys of the same store', () => {
    const store = createCacheStore();
    const clock = createClock();
    const v1 = createCache({ clock, store });
    const v2 = createCache({ clock, store, version: 2 });
    v1.set('k', 'old');
    expect(v2.get('k')).toBeNull();
    expect(v2.get('k', null, 1)).toBe('old');
    expect(v2.makeKey('k')).toBe(':2:k');
  });

  it('KEY_PREFIX goes in front of the version', () => {
    const { cache } = setup({ keyPrefix: 'site1' });
    cache.set('k', 1);
    expect(cache.entries()[0].key).toBe('site1:1:k');
  });

  it('two prefixes share one store without colliding', () => {
    const store = createCacheStore();
    const clock = createClock();
    const a = createCache({ clock, store, keyPrefix: 'a' });
    const b = createCache({ clock, store, keyPrefix: 'b' });
    a.set('k', 'from a');
    b.set('k', 'from b');
    expect(a.get('k')).toBe('from a');
    expect(b.get('k')).toBe('from b');
    expect(a.entries().map((entry) => entry.key)).toEqual(['b:1:k', 'a:1:k']);
  });

  it('a custom keyFunction receives the stringified key, the prefix and the version', () => {
    const calls: [string, string, number][] = [];
    const { cache } = setup({
      keyPrefix: 'p',
      keyFunction: (key, prefix, version) => {
        calls.push([key, prefix, version]);
        return `${prefix}|${version}|${key}`;
      },
    });
    cache.set(0, 'zero');
    expect(calls).toEqual([['0', 'p', 1]]);
    expect(cache.makeKey('k', 4)).toBe('p|4|k');
    expect(cache.entries()[0].key).toBe('p|1|0');
    expect(cache.get(0)).toBe('zero');
  });
});

describe('Shared stores', () => {
  it('caches on the same store see each other’s keys', () => {
    const store = createCacheStore();
    const clock = createClock();
    const web = createCache({ clock, store });
    const worker = createCache({ clock, store });
    web.set('k', 'shared');
    expect(worker.get('k')).toBe('shared');
    worker.delete('k');
    expect(web.hasKey('k')).toBe(false);
  });

  it('caches without a store each get a fresh one, like two processes', () => {
    const clock = createClock();
    const a = createCache({ clock });
    const b = createCache({ clock });
    a.set('k', 1);
    expect(b.get('k')).toBeNull();
  });

  it('shares the LRU order between caches on one store', () => {
    const store = createCacheStore();
    const clock = createClock();
    const a = createCache({ clock, store });
    const b = createCache({ clock, store });
    a.set('x', 1);
    a.set('y', 2);
    b.get('x');
    expect(a.entries().map((entry) => entry.key)).toEqual([':1:x', ':1:y']);
  });

  it('gives every store its own id', () => {
    expect(createCacheStore().id).not.toBe(createCacheStore().id);
  });
});

describe('getMany, setMany and deleteMany', () => {
  it('getMany returns the found keys as passed, in request order', () => {
    const { cache } = setup();
    cache.set('b', 2);
    cache.set(0, 'zero');
    cache.set('a', 1);
    const found = cache.getMany(['a', 0, 'b']);
    expect([...found]).toEqual([
      ['a', 1],
      [0, 'zero'],
      ['b', 2],
    ]);
    expect(found.has('0')).toBe(false);
  });

  it('getMany leaves out missing and expired keys but keeps a stored null', () => {
    const { cache, clock } = setup();
    cache.set('gone', 1, 5);
    cache.set('none', null);
    clock.advance(5);
    expect([...cache.getMany(['gone', 'none', 'missing'])]).toEqual([['none', null]]);
  });

  it('getMany reads a one-shot iterable exactly once', () => {
    const { cache } = setup();
    cache.set('a', 1);
    cache.set('b', 2);
    let reads = 0;
    function* keys() {
      reads += 1;
      yield 'a';
      yield 'b';
    }
    expect([...cache.getMany(keys()).keys()]).toEqual(['a', 'b']);
    expect(reads).toBe(1);
  });

  it('getMany reads at the given version', () => {
    const { cache } = setup();
    cache.set('a', 'v1');
    cache.set('a', 'v2', undefined, 2);
    expect(cache.getMany(['a'], 2).get('a')).toBe('v2');
  });

  it('setMany stores every entry with the timeout and returns an empty list', () => {
    const { cache } = setup();
    const failed = cache.setMany(
      new Map<string | number, unknown>([
        ['a', 1],
        [2, 'two'],
      ]),
      60,
    );
    expect(failed).toEqual([]);
    expect(cache.entries()).toEqual([
      { key: ':1:2', value: 'two', expiresAt: 60 },
      { key: ':1:a', value: 1, expiresAt: 60 },
    ]);
  });

  it('setMany writes at the given version', () => {
    const { cache } = setup();
    cache.setMany(new Map([['a', 1]]), undefined, 3);
    expect(cache.get('a', null, 3)).toBe(1);
    expect(cache.get('a')).toBeNull();
  });

  it('deleteMany accepts any iterable, ignores missing keys and returns undefined', () => {
    const { cache } = setup();
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.deleteMany(new Set(['a', 'missing', 'c']))).toBeUndefined();
    expect(cache.entries().map((entry) => entry.key)).toEqual([':1:b']);
  });
});

describe('getOrSet', () => {
  it('returns the cached value and does not call the factory on a hit', () => {
    const { cache } = setup();
    cache.set('k', 'cached');
    let calls = 0;
    const value = cache.getOrSet('k', () => {
      calls += 1;
      return 'fresh';
    });
    expect(value).toBe('cached');
    expect(calls).toBe(0);
  });

  it('calls the factory once on a miss, stores and returns its value', () => {
    const { cache } = setup();
    let calls = 0;
    const value = cache.getOrSet(
      'k',
      () => {
        calls += 1;
        return { fresh: true };
      },
      60,
    );
    expect(value).toEqual({ fresh: true });
    expect(calls).toBe(1);
    expect(cache.entries()).toEqual([{ key: ':1:k', value: { fresh: true }, expiresAt: 60 }]);
  });

  it('stores a plain default value on a miss', () => {
    const { cache } = setup();
    expect(cache.getOrSet('k', 5)).toBe(5);
    expect(cache.get('k')).toBe(5);
  });

  it('with timeout 0 returns the default and nothing stays', () => {
    const { cache } = setup();
    expect(cache.getOrSet('k', () => 'fresh', 0)).toBe('fresh');
    expect(cache.entries()).toEqual([]);
  });

  it('treats a stored null as a hit', () => {
    const { cache } = setup();
    cache.set('k', null);
    expect(cache.getOrSet('k', 'fresh')).toBeNull();
  });

  it('reads and writes at the given version', () => {
    const { cache } = setup();
    cache.set('k', 'v1');
    expect(cache.getOrSet('k', 'v2', undefined, 2)).toBe('v2');
    expect(cache.get('k')).toBe('v1');
  });
});

describe('Copies', () => {
  it('mutating a value after set does not change the cached value', () => {
    const { cache } = setup();
    const profile = { name: 'Ada', tags: ['math'] };
    cache.set('p', profile);
    profile.name = 'Grace';
    profile.tags.push('navy');
    expect(cache.get('p')).toEqual({ name: 'Ada', tags: ['math'] });
  });

  it('mutating a returned value does not change the cached value', () => {
    const { cache } = setup();
    cache.set('p', { tags: ['math'] });
    const first = cache.get('p') as { tags: string[] };
    first.tags.push('navy');
    expect(cache.get('p')).toEqual({ tags: ['math'] });
    expect(cache.get('p')).not.toBe(cache.get('p'));
  });

  it('keeps Map and Uint8Array values intact through a round trip', () => {
    const { cache } = setup();
    const bytes = new Uint8Array([1, 2, 255]);
    const nested = new Map<string, unknown>([
      ['bytes', bytes],
      ['list', [1, { a: 2 }]],
    ]);
    cache.set('m', nested);
    const back = cache.get('m') as Map<string, unknown>;
    expect(back).toBeInstanceOf(Map);
    // Tag, not instanceof: under jsdom, Node's structuredClone returns its own realm's typed array.
    expect(Object.prototype.toString.call(back.get('bytes'))).toBe('[object Uint8Array]');
    expect([...(back.get('bytes') as Uint8Array)]).toEqual([1, 2, 255]);
    expect(back.get('list')).toEqual([1, { a: 2 }]);
    bytes[0] = 9;
    expect((cache.get('m') as Map<string, Uint8Array>).get('bytes')?.[0]).toBe(1);
  });

  it('entries() hands out copies too', () => {
    const { cache } = setup();
    cache.set('p', { n: 1 });
    (cache.entries()[0].value as { n: number }).n = 2;
    expect(cache.get('p')).toEqual({ n: 1 });
  });

  it('add and getOrSet store copies', () => {
    const { cache } = setup();
    const added = { n: 1 };
    const made = { n: 1 };
    cache.add('a', added);
    cache.getOrSet('b', () => made);
    added.n = 2;
    made.n = 2;
    expect(cache.getMany(['a', 'b'])).toEqual(
      new Map([
        ['a', { n: 1 }],
        ['b', { n: 1 }],
      ]),
    );
  });
});

describe('clear', () => {
  it('empties the whole store, across prefixes and versions', () => {
    const store = createCacheStore();
    const clock = createClock();
    const a = createCache({ clock, store, keyPrefix: 'a' });
    const b = createCache({ clock, store, keyPrefix: 'b', version: 3 });
    a.set('k', 1);
    b.set('k', 2);
    expect(a.clear()).toBeUndefined();
    expect(b.entries()).toEqual([]);
    expect(b.get('k')).toBeNull();
  });

  it('leaves other stores alone', () => {
    const clock = createClock();
    const a = createCache({ clock });
    const b = createCache({ clock });
    a.set('k', 1);
    b.set('k', 2);
    a.clear();
    expect(b.get('k')).toBe(2);
  });
});

describe('Configuration', () => {
  it('defaults to TIMEOUT 300', () => {
    const { cache } = setup();
    cache.set('k', 1);
    expect(cache.entries()[0].expiresAt).toBe(300);
  });

  it('defaults to MAX_ENTRIES 300 and CULL_FREQUENCY 3', () => {
    const { cache } = setup();
    for (let i = 0; i < 300; i += 1) cache.set(i, i);
    expect(cache.entries()).toHaveLength(300);
    cache.set('one more', 1);
    expect(cache.entries()).toHaveLength(201);
  });

  it('falls back to TIMEOUT 300 for a non-numeric setting', () => {
    const { cache } = setup({ timeout: bad('soon') });
    cache.set('k', 1);
    expect(cache.entries()[0].expiresAt).toBe(300);
  });

  it('converts numeric settings the way int() does', () => {
    const { cache } = setup({ timeout: bad('60'), maxEntries: bad(' 2 '), cullFrequency: 1.9 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    // MAX_ENTRIES 2 and CULL_FREQUENCY int(1.9) == 1: the third write clears both others.
    expect(cache.entries()).toEqual([{ key: ':1:c', value: 3, expiresAt: 60 }]);
  });

  it('falls back to MAX_ENTRIES 300 and CULL_FREQUENCY 3 for non-numeric settings', () => {
    const { cache } = setup({ maxEntries: bad('many'), cullFrequency: bad({}) });
    for (let i = 0; i < 301; i += 1) cache.set(i, i);
    expect(cache.entries()).toHaveLength(201);
  });

  it('TIMEOUT null makes entries live forever', () => {
    const { cache, clock } = setup({ timeout: null });
    cache.set('k', 1);
    clock.advance(1e9);
    expect(cache.entries()[0].expiresAt).toBeNull();
    expect(cache.get('k')).toBe(1);
  });

  it('TIMEOUT 0 makes a default write expire at once (stored as now, not now - 1)', () => {
    const { cache, clock } = setup({ timeout: 0 });
    clock.advance(10);
    cache.set('k', 1);
    expect(cache.entries()[0].expiresAt).toBe(10);
    expect(cache.get('k')).toBeNull();
  });

  it('reports no warnings for ordinary keys', () => {
    const { cache, warnings } = setup();
    cache.set('user_profile_42', 1);
    cache.get('user_profile_42');
    expect(warnings).toEqual([]);
  });
});
