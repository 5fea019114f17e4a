import { describe, expect, it } from 'vitest';
import { createCache } from '../../../src/engine/cache';
import { createClock } from '../../../src/engine/clock';
import type { CacheOptions, DjangoCache } from '../../../src/engine/types';

function setup(options: Partial<CacheOptions> = {}) {
  const clock = createClock();
  const cache = createCache({ clock, ...options });
  return { clock, cache };
}

const keys = (cache: DjangoCache) => cache.entries().map((entry) => entry.key);

describe('Timeouts', () => {
  it('an omitted timeout uses TIMEOUT from now', () => {
    const { cache, clock } = setup({ timeout: 60 });
    clock.advance(5);
    cache.set('k', 1);
    expect(cache.entries()[0].expiresAt).toBe(65);
  });

  it('an omitted timeout never expires when TIMEOUT is null', () => {
    const { cache } = setup({ timeout: null });
    cache.set('k', 1);
    expect(cache.entries()[0].expiresAt).toBeNull();
  });

  it('a null timeout never expires', () => {
    const { cache, clock } = setup();
    cache.set('k', 1, null);
    clock.advance(1e9);
    expect(cache.get('k')).toBe(1);
  });

  it('timeout 0 is stored as now - 1 and is invisible at once', () => {
    const { cache, clock } = setup();
    clock.advance(10);
    cache.set('k', 1, 0);
    expect(cache.entries()).toEqual([{ key: ':1:k', value: 1, expiresAt: 9 }]);
    expect(cache.get('k')).toBeNull();
  });

  it('a negative timeout n is stored as now + n and is invisible at once', () => {
    const { cache, clock } = setup();
    clock.advance(10);
    cache.set('k', 1, -3);
    expect(cache.entries()[0].expiresAt).toBe(7);
    expect(cache.hasKey('k')).toBe(false);
  });

  it('expires exactly at set time + timeout', () => {
    const { cache, clock } = setup();
    clock.advance(5);
    cache.set('k', 'v', 10);
    clock.advance(9.999);
    expect(cache.get('k')).toBe('v');
    clock.advance(0.001);
    expect(clock.now()).toBe(15);
    expect(cache.get('k')).toBeNull();
  });

  it('is still live one second before the boundary', () => {
    const { cache, clock } = setup();
    cache.set('k', 'v', 30);
    clock.advance(29);
    expect(cache.hasKey('k')).toBe(true);
    clock.advance(1);
    expect(cache.hasKey('k')).toBe(false);
  });

  it('accepts fractional timeouts', () => {
    const { cache, clock } = setup();
    cache.set('k', 'v', 0.5);
    expect(cache.entries()[0].expiresAt).toBe(0.5);
    clock.advance(0.5);
    expect(cache.get('k')).toBeNull();
  });

  it('measures from the clock, whatever it started at', () => {
    const clock = createClock(1000);
    const cache = createCache({ clock });
    cache.set('k', 1);
    expect(cache.entries()[0].expiresAt).toBe(1300);
  });

  it('add uses the timeout it is given', () => {
    const { cache, clock } = setup();
    cache.add('lock', 1, 30);
    clock.advance(30);
    expect(cache.add('lock', 2, 30)).toBe(true);
    expect(cache.entries()[0]).toEqual({ key: ':1:lock', value: 2, expiresAt: 60 });
  });
});

describe('Lazy expiry', () => {
  it('keeps an expired entry in the store until something touches it', () => {
    const { cache, clock } = setup();
    cache.set('k', 1, 10);
    clock.advance(20);
    expect(cache.entries()).toEqual([{ key: ':1:k', value: 1, expiresAt: 10 }]);
  });

  it('get purges an expired entry and returns the default', () => {
    const { cache, clock } = setup();
    cache.set('k', 1, 10);
    clock.advance(10);
    expect(cache.get('k', 'dflt')).toBe('dflt');
    expect(cache.entries()).toEqual([]);
  });

  it('hasKey purges an expired entry', () => {
    const { cache, clock } = setup();
    cache.set('k', 1, 10);
    clock.advance(10);
    expect(cache.hasKey('k')).toBe(false);
    expect(cache.entries()).toEqual([]);
  });

  it('incr purges an expired entry and throws', () => {
    const { cache, clock } = setup();
    cache.set('n', 1, 10);
    clock.advance(10);
    expect(() => cache.incr('n')).toThrow("Key ':1:n' not found");
    expect(cache.entries()).toEqual([]);
  });

  it('touch does not purge an expired entry', () => {
    const { cache, clock } = setup();
    cache.set('k', 1, 10);
    clock.advance(10);
    expect(cache.touch('k', 100)).toBe(false);
    expect(cache.entries()).toEqual([{ key: ':1:k', value: 1, expiresAt: 10 }]);
  });

  it('set overwrites an expired entry with a fresh expiry', () => {
    const { cache, clock } = setup();
    cache.set('k', 1, 10);
    clock.advance(10);
    cache.set('k', 2, 10);
    expect(cache.entries()).toEqual([{ key: ':1:k', value: 2, expiresAt: 20 }]);
  });

  it('add succeeds over an expired entry', () => {
    const { cache, clock } = setup();
    cache.set('k', 1, 10);
    clock.advance(10);
    expect(cache.add('k', 2)).toBe(true);
    expect(cache.get('k')).toBe(2);
  });

  it('delete returns true for an expired entry not yet purged', () => {
    const { cache, clock } = setup();
    cache.set('k', 1, 10);
    clock.advance(10);
    expect(cache.delete('k')).toBe(true);
    expect(cache.delete('k')).toBe(false);
  });

  it('delete returns false once get has purged the expired entry', () => {
    const { cache, clock } = setup();
    cache.set('k', 1, 10);
    clock.advance(10);
    cache.get('k');
    expect(cache.delete('k')).toBe(false);
  });

  it('expired entries count toward MAX_ENTRIES', () => {
    const { cache, clock } = setup({ maxEntries: 3, cullFrequency: 3 });
    cache.set('a', 1, 1);
    cache.set('b', 1, 1);
    cache.set('c', 1, 1);
    clock.advance(5);
    cache.set('d', 1);
    // Three entries (all expired) reached MAX_ENTRIES, so the write culled floor(3 / 3) = 1.
    expect(keys(cache)).toEqual([':1:d', ':1:c', ':1:b']);
  });

  it('expired entries keep their LRU position', () => {
    const { cache, clock } = setup();
    cache.set('old', 1, 1);
    cache.set('mid', 2);
    cache.set('new', 3);
    clock.advance(5);
    cache.get('mid');
    expect(keys(cache)).toEqual([':1:mid', ':1:new', ':1:old']);
  });
});

describe('touch', () => {
  it('gives a live key a new expiry from now and returns true', () => {
    const { cache, clock } = setup();
    cache.set('k', 1, 10);
    clock.advance(8);
    expect(cache.touch('k', 10)).toBe(true);
    expect(cache.entries()[0].expiresAt).toBe(18);
    clock.advance(5);
    expect(cache.get('k')).toBe(1);
  });

  it('with an omitted timeout uses TIMEOUT from now', () => {
    const { cache, clock } = setup();
    cache.set('k', 1, 10);
    clock.advance(8);
    cache.touch('k');
    expect(cache.entries()[0].expiresAt).toBe(308);
  });

  it('with null makes the key live forever', () => {
    const { cache, clock } = setup();
    cache.set('k', 1, 10);
    cache.touch('k', null);
    clock.advance(1e6);
    expect(cache.get('k')).toBe(1);
  });

  it('with 0 expires the key at once', () => {
    const { cache } = setup();
    cache.set('k', 1);
    expect(cache.touch('k', 0)).toBe(true);
    expect(cache.get('k')).toBeNull();
  });

  it('returns false for a missing key', () => {
    const { cache } = setup();
    expect(cache.touch('missing')).toBe(false);
    expect(cache.entries()).toEqual([]);
  });

  it('leaves the value untouched', () => {
    const { cache } = setup();
    cache.set('k', { n: 1 });
    cache.touch('k', 50);
    expect(cache.entries()).toEqual([{ key: ':1:k', value: { n: 1 }, expiresAt: 50 }]);
  });
});
