import { describe, expect, it } from 'vitest';
import { createCache, createCacheStore } from '../../../src/engine/cache';
import { createClock } from '../../../src/engine/clock';
import type { CacheOptions, DjangoCache } from '../../../src/engine/types';

function setup(options: Partial<CacheOptions> = {}) {
  const clock = createClock();
  const cache = createCache({ clock, ...options });
  return { clock, cache };
}

const keys = (cache: DjangoCache) => cache.entries().map((entry) => entry.key);

/** Store `count` keys named `k0`, `k1`, … so `k0` ends up least recently used. */
function fill(cache: DjangoCache, count: number, prefix = 'k'): void {
  for (let i = 0; i < count; i += 1) cache.set(`${prefix}${i}`, i);
}

describe('LRU order', () => {
  it('lists entries most recently used first', () => {
    const { cache } = setup();
    fill(cache, 3);
    expect(keys(cache)).toEqual([':1:k2', ':1:k1', ':1:k0']);
  });

  it('set moves an existing key to the front', () => {
    const { cache } = setup();
    fill(cache, 3);
    cache.set('k0', 'again');
    expect(keys(cache)).toEqual([':1:k0', ':1:k2', ':1:k1']);
  });

  it('a get hit moves the key to the front', () => {
    const { cache } = setup();
    fill(cache, 3);
    cache.get('k0');
    expect(keys(cache)).toEqual([':1:k0', ':1:k2', ':1:k1']);
  });

  it('a get miss changes nothing', () => {
    const { cache } = setup();
    fill(cache, 3);
    cache.get('missing');
    expect(keys(cache)).toEqual([':1:k2', ':1:k1', ':1:k0']);
  });

  it('hasKey does not move the key', () => {
    const { cache } = setup();
    fill(cache, 3);
    expect(cache.hasKey('k0')).toBe(true);
    expect(keys(cache)).toEqual([':1:k2', ':1:k1', ':1:k0']);
  });

  it('touch does not move the key', () => {
    const { cache } = setup();
    fill(cache, 3);
    expect(cache.touch('k0', 100)).toBe(true);
    expect(keys(cache)).toEqual([':1:k2', ':1:k1', ':1:k0']);
  });

  it('a failed add does not move the key', () => {
    const { cache } = setup();
    fill(cache, 3);
    expect(cache.add('k0', 'x')).toBe(false);
    expect(keys(cache)).toEqual([':1:k2', ':1:k1', ':1:k0']);
  });

  it('a successful add puts the key at the front', () => {
    const { cache } = setup();
    fill(cache, 2);
    cache.add('new', 1);
    expect(keys(cache)).toEqual([':1:new', ':1:k1', ':1:k0']);
  });

  it('incr moves the key to the front', () => {
    const { cache } = setup();
    fill(cache, 3);
    cache.incr('k0');
    expect(keys(cache)).toEqual([':1:k0', ':1:k2', ':1:k1']);
  });

  it('getMany moves every hit to the front, in request order', () => {
    const { cache } = setup();
    fill(cache, 4);
    cache.getMany(['k0', 'missing', 'k1']);
    expect(keys(cache)).toEqual([':1:k1', ':1:k0', ':1:k3', ':1:k2']);
  });
});

describe('Culling', () => {
  it('never holds more than MAX_ENTRIES 30: the 31st write culls a third first', () => {
    const { cache } = setup({ maxEntries: 30, cullFrequency: 3 });
    fill(cache, 30);
    expect(keys(cache)).toHaveLength(30);
    cache.set('k30', 30);
    // 30 // 3 = 10 least recently used keys (k0..k9) go, then k30 is written: 21 remain.
    expect(keys(cache)).toHaveLength(21);
    expect(cache.hasKey('k9')).toBe(false);
    expect(cache.hasKey('k10')).toBe(true);
    expect(keys(cache)[0]).toBe(':1:k30');
  });

  it('keeps 29 of 49 keys with MAX_ENTRIES 30, CULL_FREQUENCY 3 (Django’s test_cull)', () => {
    const { cache } = setup({ maxEntries: 30, cullFrequency: 3 });
    for (let i = 1; i < 50; i += 1) cache.set(`cull${i}`, 'value', 1000);
    let count = 0;
    for (let i = 1; i < 50; i += 1) if (cache.hasKey(`cull${i}`)) count += 1;
    expect(count).toBe(29);
  });

  it('keeps 19 of 49 keys with CULL_FREQUENCY 0 (Django’s test_zero_cull)', () => {
    const { cache } = setup({ maxEntries: 30, cullFrequency: 0 });
    for (let i = 1; i < 50; i += 1) cache.set(`cull${i}`, 'value', 1000);
    let count = 0;
    for (let i = 1; i < 50; i += 1) if (cache.hasKey(`cull${i}`)) count += 1;
    expect(count).toBe(19);
  });

  it('CULL_FREQUENCY 0 clears everything before the write', () => {
    const { cache } = setup({ maxEntries: 30, cullFrequency: 0 });
    fill(cache, 30);
    cache.set('k30', 30);
    expect(keys(cache)).toEqual([':1:k30']);
  });

  it('culls even when the write overwrites an existing key', () => {
    const { cache } = setup({ maxEntries: 30, cullFrequency: 3 });
    fill(cache, 30);
    cache.set('k15', 'again');
    // k0..k9 are culled; k15 was not among them, so it is simply moved: 20 entries remain.
    expect(keys(cache)).toHaveLength(20);
    expect(keys(cache)[0]).toBe(':1:k15');
    expect(cache.get('k15')).toBe('again');
  });

  it('rewrites an overwritten key that the cull itself removed', () => {
    const { cache } = setup({ maxEntries: 30, cullFrequency: 3 });
    fill(cache, 30);
    cache.set('k0', 'again');
    expect(keys(cache)).toHaveLength(21);
    expect(keys(cache)[0]).toBe(':1:k0');
    expect(cache.hasKey('k1')).toBe(false);
  });

  it('CULL_FREQUENCY 0 wipes the store even for an overwrite', () => {
    const { cache } = setup({ maxEntries: 30, cullFrequency: 0 });
    fill(cache, 30);
    cache.set('k29', 'again');
    expect(cache.entries()).toEqual([{ key: ':1:k29', value: 'again', expiresAt: 300 }]);
  });

  it('drops from the LRU end whether or not the entries have expired', () => {
    const { cache, clock } = setup({ maxEntries: 3, cullFrequency: 3 });
    cache.set('live', 1, null);
    cache.set('dead1', 1, 1);
    cache.set('dead2', 1, 1);
    clock.advance(5);
    cache.set('new', 1);
    expect(keys(cache)).toEqual([':1:new', ':1:dead2', ':1:dead1']);
  });

  it('spares keys a get refreshed (Django’s test_lru_get)', () => {
    const { cache } = setup({ maxEntries: 9 });
    for (let key = 0; key < 9; key += 1) cache.set(key, key, null);
    for (let key = 0; key < 6; key += 1) expect(cache.get(key)).toBe(key);
    cache.set(9, 9, null);
    for (let key = 0; key < 6; key += 1) expect(cache.get(key)).toBe(key);
    for (let key = 6; key < 9; key += 1) expect(cache.get(key)).toBeNull();
    expect(cache.get(9)).toBe(9);
  });

  it('spares keys a set refreshed (Django’s test_lru_set)', () => {
    const { cache } = setup({ maxEntries: 9 });
    for (let key = 0; key < 9; key += 1) cache.set(key, key, null);
    for (let key = 3; key < 9; key += 1) cache.set(key, key, null);
    cache.set(9, 9, null);
    for (let key = 3; key < 10; key += 1) expect(cache.get(key)).toBe(key);
    for (let key = 0; key < 3; key += 1) expect(cache.get(key)).toBeNull();
  });

  it('spares keys an incr refreshed (Django’s test_lru_incr)', () => {
    const { cache } = setup({ maxEntries: 9 });
    for (let key = 0; key < 9; key += 1) cache.set(key, key, null);
    for (let key = 0; key < 6; key += 1) expect(cache.incr(key)).toBe(key + 1);
    cache.set(9, 9, null);
    for (let key = 0; key < 6; key += 1) expect(cache.get(key)).toBe(key + 1);
    for (let key = 6; key < 9; key += 1) expect(cache.get(key)).toBeNull();
    expect(cache.get(9)).toBe(9);
  });

  it('incr never culls', () => {
    const { cache } = setup({ maxEntries: 3, cullFrequency: 0 });
    fill(cache, 3);
    cache.incr('k1');
    expect(keys(cache)).toEqual([':1:k1', ':1:k2', ':1:k0']);
  });

  it('a failed add does not cull', () => {
    const { cache } = setup({ maxEntries: 3, cullFrequency: 0 });
    fill(cache, 3);
    cache.add('k1', 'x');
    expect(keys(cache)).toHaveLength(3);
  });

  it('a successful add culls', () => {
    const { cache } = setup({ maxEntries: 3, cullFrequency: 0 });
    fill(cache, 3);
    cache.add('new', 1);
    expect(keys(cache)).toEqual([':1:new']);
  });

  it('setMany culls before each of its writes', () => {
    const { cache } = setup({ maxEntries: 3, cullFrequency: 3 });
    fill(cache, 3);
    cache.setMany(
      new Map([
        ['x', 1],
        ['y', 2],
      ]),
    );
    // Write x: 3 >= 3 culls k0, then x. Write y: 3 >= 3 culls k1, then y.
    expect(keys(cache)).toEqual([':1:y', ':1:x', ':1:k2']);
  });

  it('getOrSet culls when it adds on a miss', () => {
    const { cache } = setup({ maxEntries: 3, cullFrequency: 0 });
    fill(cache, 3);
    cache.getOrSet('new', 'v');
    expect(keys(cache)).toEqual([':1:new']);
  });

  it('incrVersion culls when it writes the new version', () => {
    const { cache } = setup({ maxEntries: 3, cullFrequency: 3 });
    fill(cache, 3);
    expect(cache.incrVersion('k2')).toBe(2);
    // The get moved k2 to the front, the set culled k0, then the old version was deleted.
    expect(keys(cache)).toEqual([':2:k2', ':1:k1']);
  });

  it('culls other caches’ keys in a shared store', () => {
    const store = createCacheStore();
    const clock = createClock();
    const a = createCache({ clock, store, keyPrefix: 'a', maxEntries: 2, cullFrequency: 0 });
    const b = createCache({ clock, store, keyPrefix: 'b', maxEntries: 100 });
    b.set('one', 1);
    b.set('two', 2);
    a.set('k', 1);
    expect(keys(a)).toEqual(['a:1:k']);
    expect(b.get('one')).toBeNull();
  });

  it('CULL_FREQUENCY 1 drops every entry', () => {
    const { cache } = setup({ maxEntries: 4, cullFrequency: 1 });
    fill(cache, 4);
    cache.set('new', 1);
    expect(keys(cache)).toEqual([':1:new']);
  });

  it('can exceed MAX_ENTRIES when CULL_FREQUENCY is larger than the store, as in Django', () => {
    const { cache } = setup({ maxEntries: 2, cullFrequency: 4 });
    fill(cache, 4);
    // 2 // 4 and 3 // 4 are 0, so nothing is culled until the store holds 4 entries.
    expect(keys(cache)).toHaveLength(4);
    cache.set('k4', 4);
    expect(keys(cache)).toEqual([':1:k4', ':1:k3', ':1:k2', ':1:k1']);
  });
});

describe('forEachEntry', () => {
  it('visits the raw entries least recently used first, expired ones included, purging nothing', () => {
    const { cache, clock } = setup();
    cache.set('a', [1, 2], 10);
    cache.set('b', 'two', null);
    cache.get('a');
    clock.advance(20);
    const seen: [string, unknown, number | null][] = [];
    cache.forEachEntry((key, value, expiresAt) => seen.push([key, value, expiresAt]));
    expect(seen).toEqual([
      [':1:b', 'two', null],
      [':1:a', [1, 2], 10],
    ]);
    expect(keys(cache)).toEqual([':1:a', ':1:b']);
  });
});

describe('Stored copies', () => {
  it('share immutable values and copy containers, as pickling does', () => {
    const { cache } = setup();
    const list = [1, { a: 'x' }];
    cache.set('list', list);
    list.push(3);
    const read = cache.get('list') as unknown[];
    expect(read).toEqual([1, { a: 'x' }]);
    read.push(4);
    expect(cache.get('list')).toEqual([1, { a: 'x' }]);
    cache.set('zero', -0);
    expect(Object.is(cache.get('zero'), -0)).toBe(true);
    expect(() => cache.set('fn', () => 1)).toThrow();
    expect(cache.hasKey('fn')).toBe(false);
  });
});
