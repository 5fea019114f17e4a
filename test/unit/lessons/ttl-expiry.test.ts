import { describe, expect, it } from 'vitest';
import { shownStep } from '../../../src/lessons/vocabulary';
import { run } from '../../../src/engine';
import { ttlExpiry } from '../../../src/lessons/ttl-expiry';
import { describeLessonBasics, staleFrames } from './lesson-kit';

describe('Lesson: ttl-expiry', () => {
  const trace = run(ttlExpiry);
  const { frames } = trace;

  describeLessonBasics(ttlExpiry);

  it('has the declared id, group and columns', () => {
    expect(ttlExpiry.id).toBe('ttl-expiry');
    expect(ttlExpiry.group).toBe('Strategies');
    expect(ttlExpiry.difficulty).toBe('Beginner');
    expect(ttlExpiry.columns.map((c) => c.id)).toEqual([
      'step',
      'clock',
      'action',
      'cacheKey',
      'cacheBefore',
      'cacheAfter',
      'result',
    ]);
    expect(ttlExpiry.tracked.map((t) => t.source)).toContain('clock');
  });
  it('flags the cached 10 as stale from the price change until it expires', () => {
    expect(staleFrames(trace)).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('shows each entry with its remaining time', () => {
    const ttls = frames.map((f) => f.cache.map((e) => [e.rawKey, e.ttl, e.isExpired]));
    expect(ttls).toEqual([
      [],
      [['price_42', 60, false]],
      [['price_42', 50, false]],
      [['price_42', 20, false]],
      [['price_42', 1, false]],
      [['price_42', 0, true]],
      [['price_42', 60, false]],
      [
        ['site_banner', null, false],
        ['price_42', 60, false],
      ],
      [
        ['site_banner', null, false],
        ['price_42', 60, false],
      ],
      [
        ['site_banner', null, false],
        ['price_42', -3540, true],
      ],
    ]);
  });

  it('expires at exactly t=60s and purges lazily on the next read', () => {
    expect(frames[5].cache[0]).toMatchObject({ expiresAt: 60, value: '10', isExpired: true });
    expect(frames[6].outcomes.map((o) => o.kind)).toEqual(['get', 'db.read', 'set']);
    expect(frames[6].outcomes[0]).toMatchObject({ hit: false });
    expect(frames[6].cache[0]).toMatchObject({ expiresAt: 120, value: '12' });
  });

  it('timeout=0 does not cache: the get misses and nothing stays', () => {
    expect(frames[8].outcomes).toEqual([
      { kind: 'set', key: 'flash_deal', value: "'Half price'", actor: 'request' },
      { kind: 'get', key: 'flash_deal', hit: false, value: 'None', stale: false, actor: 'request' },
    ]);
    expect(frames[8].cache.map((e) => e.rawKey)).not.toContain('flash_deal');
  });

  it('timeout=None is still a hit an hour later', () => {
    expect(frames[9].outcomes.at(-1)).toMatchObject({
      kind: 'get',
      key: 'site_banner',
      hit: true,
      value: "'Sale!'",
    });
  });

  describe('what-if: skip step 5 (the clock stops at t=59s)', () => {
    const skipped = run(ttlExpiry, { skip: [5] });

    it('step 6 is another stale hit', () => {
      expect(skipped.frames[6].event).toBe('stale-read');
      expect(shownStep(ttlExpiry, skipped, 6).result).toMatch(/stale/);
    });
  });
});
