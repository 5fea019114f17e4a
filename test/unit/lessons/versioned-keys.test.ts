import { describe, expect, it } from 'vitest';
import { shownStep } from '../../../src/lessons/vocabulary';
import { run, type Frame } from '../../../src/engine';
import { versionedKeys } from '../../../src/lessons/versioned-keys';
import { describeLessonBasics } from './lesson-kit';

// Cache states as Python dicts, oldest (least recently used) entry first.

describe('Lesson: versioned-keys', () => {
  const trace = run(versionedKeys);
  const { frames } = trace;

  describeLessonBasics(versionedKeys);

  it('has the declared id, group and columns', () => {
    expect(versionedKeys.id).toBe('versioned-keys');
    expect(versionedKeys.group).toBe('Strategies');
    expect(versionedKeys.difficulty).toBe('Advanced');
    expect(versionedKeys.columns.map((c) => c.id)).toEqual([
      'step',
      'actor',
      'clock',
      'action',
      'cacheKey',
      'cacheBefore',
      'cacheAfter',
      'result',
    ]);
    expect(versionedKeys.setup.bindings[0].key).toBe('articles:{gen}:{pk}');
  });
  it('flags the old article 42 entry as stale until it expires', () => {
    const stale = frames.map((f) => f.cache.filter((e) => e.isStale).map((e) => e.rawKey));
    expect(stale).toEqual([
      [],
      [],
      [],
      ['articles:1:42'],
      ['articles:1:42'],
      ['articles:1:42'],
      ['articles:1:42'],
      ['articles:1:42'],
      ['articles:1:42'],
      ['articles:1:42'],
      [],
    ]);
  });

  it('initialises the counter with add, and add never resets it', () => {
    const adds = frames.map((f) => f.outcomes.find((o) => o.kind === 'add'));
    expect(adds.map((o) => (o && o.kind === 'add' ? o.stored : null))).toEqual([
      null,
      true,
      false,
      null,
      null,
      false,
      false,
      null,
      null,
      true,
      false,
    ]);
    const counter = frames[1].cache.find((e) => e.rawKey === 'articles:gen');
    expect(counter).toMatchObject({ value: '1', expiresAt: null, ttl: null });
  });

  it('one incr moves every reader to generation-2 keys', () => {
    expect(frames[4].outcomes).toEqual([
      { kind: 'incr', key: 'articles:gen', value: '2', actor: 'editor' },
    ]);
    for (const [index, key] of [
      [5, 'articles:2:42'],
      [6, 'articles:2:7'],
    ] as const) {
      expect(frames[index].outcomes.find((o) => o.kind === 'get' && o.key === key)).toMatchObject({
        hit: false,
      });
      expect(frames[index].stepQueries).toBe(1);
    }
  });

  it('leaves generation-1 orphans cached until their timeout', () => {
    const orphans = (f: Frame) =>
      f.cache.filter((e) => e.rawKey.startsWith('articles:1:')).map((e) => [e.rawKey, e.ttl]);
    expect(orphans(frames[6])).toEqual([
      ['articles:1:7', 180],
      ['articles:1:42', 180],
    ]);
    expect(frames[10].cache.find((e) => e.rawKey === 'articles:1:7')).toMatchObject({
      isExpired: true,
      expiresAt: 300,
    });
  });

  it('incr on the evicted counter raises ValueError', () => {
    expect(frames[8].outcomes).toEqual([
      { kind: 'error', message: "ValueError: Key ':1:articles:gen' not found", actor: 'editor' },
    ]);
  });

  it('restarting the counter at 1 revives the generation-1 orphan', () => {
    expect(frames[9].outcomes.at(-1)).toMatchObject({
      kind: 'get',
      key: 'articles:1:42',
      hit: true,
      value: "'Intro'",
      stale: true,
    });
    expect(frames[10].outcomes.slice(-3).map((o) => o.kind)).toEqual(['get', 'db.read', 'set']);
  });

  describe('what-if: skip step 4 (no generation bump)', () => {
    const skipped = run(versionedKeys, { skip: [4] });

    it('step 5 reads generation 1 and serves stale data', () => {
      expect(skipped.frames[5].event).toBe('stale-read');
      expect(shownStep(versionedKeys, skipped, 5).result).toMatch(/stale/);
    });
  });

  describe('what-if: skip step 7 (the counter is never evicted)', () => {
    const skipped = run(versionedKeys, { skip: [7] });

    it('incr works and the next read misses under generation 3', () => {
      expect(skipped.frames[8].outcomes[0]).toMatchObject({ kind: 'incr', value: '3' });
      expect(skipped.frames[9].event).toBe('miss');
      expect(skipped.frames.some((f) => f.event === 'stale-read')).toBe(false);
    });
  });
});
