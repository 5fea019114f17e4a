import { describe, expect, it } from 'vitest';
import { shownStep } from '../../../src/lessons/vocabulary';
import { run } from '../../../src/engine';
import { ttlExpiry } from '../../../src/lessons/ttl-expiry';
import { describeLessonBasics, eventsOf, staleFrames, tableOf } from './lesson-kit';

const P10 = "{'price_42': 10}";
const P12 = "{'price_42': 12}";
const BOTH = "{'price_42': 12, 'site_banner': 'Sale!'}";
const BANNER = "{'site_banner': 'Sale!'}";

const TABLE = [
  [
    '1',
    't=0s',
    'Cache the price for 60 seconds',
    'price_42',
    '{}',
    P10,
    'Cache stores 10 until t=60s',
  ],
  ['2', 't=10s', 'Price changed in DB', '-', P10, P10, 'Cache still has 10'],
  ['3', 't=40s', 'Read inside the window', 'price_42', P10, P10, 'User sees stale data: 10'],
  [
    '4',
    't=59s',
    'Read one second before expiry',
    'price_42',
    P10,
    P10,
    'Still stale: 1 second left',
  ],
  ['5', 't=60s', 'Clock reaches t=60s', 'price_42', P10, '{}', 'Entry expired; not purged yet'],
  [
    '6',
    't=60s',
    'Next read refetches',
    'price_42',
    '{}',
    P12,
    'Expired entry purged; miss caches 12',
  ],
  [
    '7',
    't=60s',
    'Cache a value with timeout=None',
    'site_banner',
    P12,
    BOTH,
    'Stored with no expiry',
  ],
  [
    '8',
    't=60s',
    'Cache a value with timeout=0',
    'flash_deal',
    BOTH,
    BOTH,
    'Not cached: get returns None',
  ],
  [
    '9',
    't=3660s',
    'An hour later',
    'site_banner',
    BOTH,
    BANNER,
    'Banner still cached; price_42 expired',
  ],
];

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

  it('pins the execution table', () => {
    expect(tableOf(ttlExpiry)).toEqual(TABLE);
  });

  it('pins the variable tracker', () => {
    expect(frames.map((f) => f.vars.cache)).toEqual([
      '{}',
      P10,
      P10,
      P10,
      P10,
      '{}',
      P12,
      BOTH,
      BOTH,
      BANNER,
    ]);
    expect(frames.map((f) => f.vars.price)).toEqual([
      undefined,
      '10',
      '10',
      '10',
      '10',
      '10',
      '12',
      '12',
      '12',
      '12',
    ]);
    expect(frames.map((f) => f.vars.db_price)).toEqual(['10', '10', ...Array(8).fill('12')]);
    expect(frames.map((f) => f.vars.clock)).toEqual([
      '0',
      '0',
      '10',
      '40',
      '59',
      '60',
      '60',
      '60',
      '60',
      '3660',
    ]);
  });

  it('pins the events and queries', () => {
    expect(eventsOf(trace)).toEqual([
      'start',
      'miss',
      'write',
      'stale-read',
      'stale-read',
      'other',
      'miss',
      'write',
      'miss',
      'hit',
    ]);
    expect(frames.map((f) => f.queries)).toEqual([0, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
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
