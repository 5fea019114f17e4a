import { describe, expect, it } from 'vitest';
import { createCache } from '../../../src/engine/cache';
import { createClock } from '../../../src/engine/clock';
import type { CacheOptions } from '../../../src/engine/types';

function setup(options: Partial<CacheOptions> = {}) {
  const warnings: string[] = [];
  const cache = createCache({
    clock: createClock(),
    onWarning: (message) => warnings.push(message),
    ...options,
  });
  return { cache, warnings };
}

const CHARS = 'Cache key contains characters that will cause errors if used with memcached: ';
const LENGTH = 'Cache key will cause errors if used with memcached: ';

describe('Key warnings', () => {
  it('warns about a space with Django’s exact text and the final key', () => {
    const { cache, warnings } = setup();
    cache.set('key with spaces', 1);
    expect(warnings).toEqual([`${CHARS}':1:key with spaces'`]);
  });

  it('never stops the operation', () => {
    const { cache, warnings } = setup();
    cache.set('key with spaces', 'stored');
    expect(cache.get('key with spaces')).toBe('stored');
    expect(warnings).toHaveLength(2);
  });

  it('shows control characters as Python repr does', () => {
    const { cache, warnings } = setup();
    cache.set('a\nb', 1);
    cache.set('a\tb', 1);
    cache.set('a\rb', 1);
    cache.set('a\u0000b', 1);
    cache.set('a\u001fb', 1);
    expect(warnings).toEqual([
      `${CHARS}':1:a\\nb'`,
      `${CHARS}':1:a\\tb'`,
      `${CHARS}':1:a\\rb'`,
      `${CHARS}':1:a\\x00b'`,
      `${CHARS}':1:a\\x1fb'`,
    ]);
  });

  it('warns about DEL (U+007F)', () => {
    const { cache, warnings } = setup();
    cache.get('del\u007f');
    expect(warnings).toEqual([`${CHARS}':1:del\\x7f'`]);
  });

  it('warns once per key, however many bad characters it holds', () => {
    const { cache, warnings } = setup();
    cache.get('a b c\td');
    expect(warnings).toEqual([`${CHARS}':1:a b c\\td'`]);
  });

  it('warns about a final key longer than 250 characters', () => {
    const { cache, warnings } = setup();
    const key = 'x'.repeat(248);
    cache.set(key, 1);
    expect(warnings).toEqual([`${LENGTH}':1:${key}' (longer than 250)`]);
  });

  it('does not warn about a final key of exactly 250 characters', () => {
    const { cache, warnings } = setup();
    cache.set('x'.repeat(247), 1);
    expect(cache.makeKey('x'.repeat(247))).toHaveLength(250);
    expect(warnings).toEqual([]);
  });

  it('counts length in code points, as Python does', () => {
    const { cache, warnings } = setup();
    // 247 astral characters: 494 UTF-16 units, but a final key of 250 code points.
    cache.set('😀'.repeat(247), 1);
    expect(warnings).toEqual([]);
    cache.set('😀'.repeat(248), 1);
    expect(warnings).toHaveLength(1);
  });

  it('gives the length warning first, then the character warning', () => {
    const { cache, warnings } = setup();
    const key = `${'x'.repeat(250)} y`;
    cache.get(key);
    expect(warnings).toEqual([`${LENGTH}':1:${key}' (longer than 250)`, `${CHARS}':1:${key}'`]);
  });

  it('quotes with double quotes when the key holds a single quote and no double quote', () => {
    const { cache, warnings } = setup();
    cache.get("it's here");
    expect(warnings).toEqual([`${CHARS}":1:it's here"`]);
  });

  it('escapes the single quote when the key holds both kinds of quote', () => {
    const { cache, warnings } = setup();
    cache.get(`it's "here"`);
    expect(warnings).toEqual([`${CHARS}':1:it\\'s "here"'`]);
  });

  it('escapes backslashes', () => {
    const { cache, warnings } = setup();
    cache.get('C:\\path with space');
    expect(warnings).toEqual([`${CHARS}':1:C:\\\\path with space'`]);
  });

  it('shows printable non-ASCII as is and non-printable non-ASCII escaped', () => {
    const { cache, warnings } = setup();
    cache.get('café\u00a0\u200b menu');
    expect(warnings).toEqual([`${CHARS}':1:café\\xa0\\u200b menu'`]);
  });

  it('shows a numeric key 0 as the string 0 inside the final key', () => {
    const { cache, warnings } = setup({ keyPrefix: 'my site' });
    cache.set(0, 'zero');
    expect(warnings).toEqual([`${CHARS}'my site:1:0'`]);
  });

  it('validates the key a custom keyFunction produced', () => {
    const { cache, warnings } = setup({ keyFunction: (key) => `spaced ${key}` });
    cache.get('k');
    expect(warnings).toEqual([`${CHARS}'spaced k'`]);
  });

  it('makeKey alone does not warn', () => {
    const { cache, warnings } = setup();
    expect(cache.makeKey('a b')).toBe(':1:a b');
    expect(warnings).toEqual([]);
  });

  it('every primitive that builds a key warns again', () => {
    const { cache, warnings } = setup();
    cache.set('a b', 1);
    cache.get('a b');
    cache.add('a b', 1);
    cache.touch('a b');
    cache.incr('a b');
    cache.hasKey('a b');
    cache.delete('a b');
    expect(warnings).toHaveLength(7);
    expect(new Set(warnings)).toEqual(new Set([`${CHARS}':1:a b'`]));
  });

  it('composite methods warn through the primitives they use', () => {
    const { cache, warnings } = setup();
    cache.getOrSet('a b', 1); // get, add, get
    expect(warnings).toHaveLength(3);
    cache.getOrSet('a b', 1); // get (hit)
    expect(warnings).toHaveLength(4);
    cache.incrVersion('a b'); // get, set at version 2, delete version 1
    expect(warnings.slice(4)).toEqual([`${CHARS}':1:a b'`, `${CHARS}':2:a b'`, `${CHARS}':1:a b'`]);
    cache.getMany(['c d', 'e f']);
    cache.setMany(new Map([['g h', 1]]));
    cache.deleteMany(['g h']);
    cache.decr('a b', 1, 2);
    expect(warnings).toHaveLength(12);
  });

  it('warns even when the operation then fails', () => {
    const { cache, warnings } = setup();
    expect(() => cache.incr('no such key')).toThrow();
    expect(warnings).toEqual([`${CHARS}':1:no such key'`]);
  });
});
