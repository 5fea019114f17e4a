import { describe, expect, it } from 'vitest';
import { createCache, createClock } from '../../../src/engine';

/**
 * The rules the versioned-keys and stale-set-race lessons rely on: a generation counter is an
 * ordinary cache entry, so LRU culling can evict it like any other key.
 */
describe('A generation counter under LRU culling', () => {
  const setup = () => {
    const clock = createClock();
    const cache = createCache({ clock, maxEntries: 4, cullFrequency: 2 });
    cache.add('articles:gen', 1, null);
    return { clock, cache };
  };

  it('is evicted from the LRU end when it is the least recently used entry', () => {
    const { cache } = setup();
    for (const id of [1, 2, 3]) cache.set(`articles:1:${id}`, `a${id}`);
    // The store is full (4 entries): the next write culls floor(4 / 2) = 2 from the LRU end,
    // and the counter, written first and never read since, is the oldest.
    cache.set('articles:1:4', 'a4');
    expect(cache.hasKey('articles:gen')).toBe(false);
    expect(cache.entries().map((e) => e.key)).toEqual([
      ':1:articles:1:4',
      ':1:articles:1:3',
      ':1:articles:1:2',
    ]);
  });

  it('survives culling when it is read on every request (a get moves it to the front)', () => {
    const { cache } = setup();
    for (const id of [1, 2, 3, 4, 5]) {
      const gen = cache.get('articles:gen');
      cache.set(`articles:${gen}:${id}`, `a${id}`);
    }
    expect(cache.get('articles:gen')).toBe(1);
  });

  it('raises ValueError on incr once evicted, naming the final key', () => {
    const { cache } = setup();
    for (const id of [1, 2, 3, 4]) cache.set(`articles:1:${id}`, `a${id}`);
    expect(() => cache.incr('articles:gen')).toThrowError(
      expect.objectContaining({ name: 'ValueError', message: "Key ':1:articles:gen' not found" }),
    );
  });

  it('restarts at its initial value when re-initialised with add, so old keys become reachable again', () => {
    const { cache } = setup();
    cache.set('articles:1:42', 'old');
    cache.incr('articles:gen');
    cache.delete('articles:gen'); // evicted (the lesson simulates eviction with a delete)
    expect(cache.add('articles:gen', 1, null)).toBe(true);
    const gen = cache.get('articles:gen');
    expect(cache.get(`articles:${gen}:42`)).toBe('old');
  });

  it('does not reset when add finds it present', () => {
    const { cache } = setup();
    cache.incr('articles:gen');
    expect(cache.add('articles:gen', 1, null)).toBe(false);
    expect(cache.get('articles:gen')).toBe(2);
  });

  it('keeps its expiry across incr (timeout None stays None)', () => {
    const { cache, clock } = setup();
    cache.incr('articles:gen');
    clock.advance(10_000);
    expect(cache.entries().find((e) => e.key === ':1:articles:gen')?.expiresAt).toBeNull();
  });
});
