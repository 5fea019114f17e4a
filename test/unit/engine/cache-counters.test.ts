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

/** The error `fn` throws, so its name and message can both be checked. */
function caught(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error('threw a non-Error');
  }
  throw new Error('did not throw');
}

describe('incr and decr', () => {
  it('incr adds 1 by default, stores and returns the new value', () => {
    const { cache } = setup();
    cache.set('n', 1);
    expect(cache.incr('n')).toBe(2);
    expect(cache.get('n')).toBe(2);
  });

  it('incr and decr take a delta', () => {
    const { cache } = setup();
    cache.set('n', 10);
    expect(cache.incr('n', 5)).toBe(15);
    expect(cache.decr('n')).toBe(14);
    expect(cache.decr('n', 20)).toBe(-6);
  });

  it('keeps the expiry', () => {
    const { cache, clock } = setup();
    cache.set('n', 1, 10);
    clock.advance(5);
    cache.incr('n');
    expect(cache.entries()[0].expiresAt).toBe(10);
    clock.advance(5);
    expect(cache.get('n')).toBeNull();
  });

  it('keeps a key that never expires that way', () => {
    const { cache } = setup();
    cache.set('n', 1, null);
    cache.incr('n');
    expect(cache.entries()[0].expiresAt).toBeNull();
  });

  it('a missing key throws ValueError naming the final key', () => {
    const { cache } = setup();
    const error = caught(() => cache.incr('missing'));
    expect(error.name).toBe('ValueError');
    expect(error.message).toBe("Key ':1:missing' not found");
  });

  it('decr of a missing key throws the same ValueError', () => {
    const { cache } = setup();
    const error = caught(() => cache.decr('missing'));
    expect(error.name).toBe('ValueError');
    expect(error.message).toBe("Key ':1:missing' not found");
  });

  it('the message carries prefix and version', () => {
    const { cache } = setup({ keyPrefix: 'p' });
    expect(caught(() => cache.incr('x', 1, 3)).message).toBe("Key 'p:3:x' not found");
  });

  it('the message shows a numeric key as its string', () => {
    const { cache } = setup();
    expect(caught(() => cache.incr(0)).message).toBe("Key ':1:0' not found");
  });

  it('formats the key with %s like Django, not with repr', () => {
    const { cache } = setup();
    expect(caught(() => cache.incr("it's")).message).toBe("Key ':1:it's' not found");
  });

  it('adding a number to a string throws TypeError and changes nothing', () => {
    const { cache } = setup();
    cache.set('s', 'text');
    cache.set('other', 1);
    const error = caught(() => cache.incr('s'));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('can only concatenate str (not "int") to str');
    expect(cache.get('s', null)).toBe('text');
    expect(keys(cache)).toEqual([':1:s', ':1:other']);
  });

  it('adding a number to None, a list or a dict throws TypeError', () => {
    const { cache } = setup();
    cache.set('none', null);
    cache.set('list', [1]);
    cache.set('dict', { a: 1 });
    expect(() => cache.incr('none')).toThrow(TypeError);
    expect(() => cache.incr('list')).toThrow(TypeError);
    expect(() => cache.incr('dict')).toThrow(TypeError);
    expect(caught(() => cache.incr('none')).message).toBe(
      "unsupported operand type(s) for +: 'NoneType' and 'int'",
    );
  });

  it('a TypeError does not move the key in the LRU order', () => {
    const { cache } = setup();
    cache.set('s', 'text');
    cache.set('other', 1);
    caught(() => cache.incr('s'));
    expect(keys(cache)).toEqual([':1:other', ':1:s']);
  });

  it('treats a stored bool as Python does: True + 1 == 2', () => {
    const { cache } = setup();
    cache.set('flag', true);
    expect(cache.incr('flag')).toBe(2);
  });

  it('works on floats', () => {
    const { cache } = setup();
    cache.set('f', 1.5);
    expect(cache.incr('f', 2)).toBe(3.5);
  });
});

describe('incrVersion and decrVersion', () => {
  it('moves the value from version 1 to version 2 and returns 2', () => {
    const { cache } = setup();
    cache.set('k', 'v');
    expect(cache.incrVersion('k')).toBe(2);
    expect(cache.get('k')).toBeNull();
    expect(cache.get('k', null, 2)).toBe('v');
    expect(keys(cache)).toEqual([':2:k']);
  });

  it('starts from the cache VERSION when no version is given', () => {
    const { cache } = setup({ version: 5 });
    cache.set('k', 'v');
    expect(cache.incrVersion('k')).toBe(6);
    expect(cache.get('k', null, 6)).toBe('v');
  });

  it('starts from the version it is given', () => {
    const { cache } = setup();
    cache.set('k', 'v', undefined, 3);
    expect(cache.incrVersion('k', 1, 3)).toBe(4);
    expect(keys(cache)).toEqual([':4:k']);
  });

  it('moves by delta', () => {
    const { cache } = setup();
    cache.set('k', 'v');
    expect(cache.incrVersion('k', 10)).toBe(11);
    expect(cache.get('k', null, 11)).toBe('v');
  });

  it('resets the TTL to the default timeout', () => {
    const { cache, clock } = setup();
    cache.set('k', 'v', 10);
    clock.advance(5);
    cache.incrVersion('k');
    expect(cache.entries()).toEqual([{ key: ':2:k', value: 'v', expiresAt: 305 }]);
  });

  it('makes the moved key live forever when TIMEOUT is null', () => {
    const { cache } = setup({ timeout: null });
    cache.set('k', 'v', 10);
    cache.incrVersion('k');
    expect(cache.entries()[0].expiresAt).toBeNull();
  });

  it('overwrites whatever was at the new version', () => {
    const { cache } = setup();
    cache.set('k', 'old at v2', undefined, 2);
    cache.set('k', 'v1');
    cache.incrVersion('k');
    expect(cache.get('k', null, 2)).toBe('v1');
    expect(keys(cache)).toEqual([':2:k']);
  });

  it('a missing key throws ValueError naming the raw key', () => {
    const { cache } = setup();
    const error = caught(() => cache.incrVersion('missing'));
    expect(error.name).toBe('ValueError');
    expect(error.message).toBe("Key 'missing' not found");
    expect(caught(() => cache.incrVersion(0)).message).toBe("Key '0' not found");
  });

  it('an expired key throws ValueError and is purged', () => {
    const { cache, clock } = setup();
    cache.set('k', 'v', 10);
    clock.advance(10);
    expect(caught(() => cache.incrVersion('k')).name).toBe('ValueError');
    expect(cache.entries()).toEqual([]);
  });

  it('moves one key and leaves the others alone', () => {
    const { cache } = setup();
    cache.set('a', 1);
    cache.set('b', 2);
    cache.incrVersion('a');
    expect(cache.get('b')).toBe(2);
    expect(cache.get('a', null, 2)).toBe(1);
  });

  it('puts the moved key at the front of the LRU order', () => {
    const { cache } = setup();
    cache.set('a', 1);
    cache.set('b', 2);
    cache.incrVersion('a');
    expect(keys(cache)).toEqual([':2:a', ':1:b']);
  });

  it('decrVersion moves the value down', () => {
    const { cache } = setup({ version: 3 });
    cache.set('k', 'v');
    expect(cache.decrVersion('k')).toBe(2);
    expect(cache.get('k', null, 2)).toBe('v');
    expect(cache.decrVersion('k', 2, 2)).toBe(0);
    expect(keys(cache)).toEqual([':0:k']);
  });

  it('decrVersion of a missing key throws ValueError naming the raw key', () => {
    const { cache } = setup();
    expect(caught(() => cache.decrVersion('missing')).message).toBe("Key 'missing' not found");
  });

  it('with delta 0 deletes the key, as Django’s set-then-delete does', () => {
    const { cache } = setup();
    cache.set('k', 'v');
    expect(cache.incrVersion('k', 0)).toBe(1);
    expect(cache.entries()).toEqual([]);
  });
});
