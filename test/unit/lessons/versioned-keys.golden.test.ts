import { describe, expect, it } from 'vitest';
import { shownStep } from '../../../src/lessons/vocabulary';
import { run, type Frame } from '../../../src/engine';
import { versionedKeys } from '../../../src/lessons/versioned-keys';
import { describeLessonBasics, eventsOf, tableOf } from './lesson-kit';

// Cache states as Python dicts, oldest (least recently used) entry first.
const S1 = "{'articles:gen': 1, 'articles:1:42': 'Intro'}";
const S2 = "{'articles:1:42': 'Intro', 'articles:gen': 1, 'articles:1:7': 'Guide'}";
const S4 = "{'articles:1:42': 'Intro', 'articles:1:7': 'Guide', 'articles:gen': 2}";
const S5 =
  "{'articles:1:42': 'Intro', 'articles:1:7': 'Guide', 'articles:gen': 2, 'articles:2:42': 'Intro, 2nd ed.'}";
const S6 =
  "{'articles:1:42': 'Intro', 'articles:1:7': 'Guide', 'articles:2:42': 'Intro, 2nd ed.', 'articles:gen': 2, 'articles:2:7': 'Guide'}";
const S7 =
  "{'articles:1:42': 'Intro', 'articles:1:7': 'Guide', 'articles:2:42': 'Intro, 2nd ed.', 'articles:2:7': 'Guide'}";
const S9 =
  "{'articles:1:7': 'Guide', 'articles:2:42': 'Intro, 2nd ed.', 'articles:2:7': 'Guide', 'articles:gen': 1, 'articles:1:42': 'Intro'}";
const S10 =
  "{'articles:2:42': 'Intro, 2nd ed.', 'articles:2:7': 'Guide', 'articles:gen': 1, 'articles:1:42': 'Intro, 2nd ed.'}";

const TABLE = [
  [
    '1',
    'reader',
    't=0s',
    'First read of article 42',
    'articles:1:42',
    '{}',
    S1,
    "Counter created at 1; 'Intro' cached",
  ],
  [
    '2',
    'reader',
    't=0s',
    'Read article 7',
    'articles:1:7',
    S1,
    S2,
    "add() returns False; 'Guide' cached",
  ],
  ['3', 'editor', 't=120s', 'Article 42 renamed in DB', '-', S2, S2, "Cache still has 'Intro'"],
  [
    '4',
    'editor',
    't=120s',
    'Bump the generation',
    'articles:gen',
    S2,
    S4,
    'Counter is 2: every generation-1 key is unreachable',
  ],
  [
    '5',
    'reader',
    't=120s',
    'Read article 42 under generation 2',
    'articles:2:42',
    S4,
    S5,
    "add() keeps 2; miss caches 'Intro, 2nd ed.'",
  ],
  [
    '6',
    'reader',
    't=120s',
    'Read article 7 under generation 2',
    'articles:2:7',
    S5,
    S6,
    "Miss: unchanged 'Guide' refetched",
  ],
  [
    '7',
    'eviction',
    't=200s',
    'Counter evicted (simulated with delete)',
    'articles:gen',
    S6,
    S7,
    'Counter gone; orphans still cached',
  ],
  [
    '8',
    'editor',
    't=200s',
    'invalidate_articles() on a missing counter',
    'articles:gen',
    S7,
    S7,
    "ValueError: Key ':1:articles:gen' not found",
  ],
  [
    '9',
    'reader',
    't=200s',
    'Counter restarts at 1',
    'articles:1:42',
    S7,
    S9,
    "User sees stale data: 'Intro'",
  ],
  [
    '10',
    'reader',
    't=300s',
    'Old generation ages out',
    'articles:1:42',
    S9,
    S10,
    "Entries from t=0s expired at t=300s; miss caches 'Intro, 2nd ed.'",
  ],
];

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

  it('pins the execution table', () => {
    expect(tableOf(versionedKeys)).toEqual(TABLE);
  });

  it('pins the variable tracker', () => {
    expect(frames.map((f) => f.vars.cache)).toEqual([
      '{}',
      S1,
      S2,
      S2,
      S4,
      S5,
      S6,
      S7,
      S7,
      S9,
      S10,
    ]);
    expect(frames.map((f) => f.vars.gen)).toEqual([
      undefined,
      '1',
      '1',
      '1',
      '1',
      '2',
      '2',
      '2',
      '2',
      '1',
      '1',
    ]);
    expect(frames.map((f) => f.vars.title)).toEqual([
      undefined,
      "'Intro'",
      "'Guide'",
      "'Guide'",
      "'Guide'",
      "'Intro, 2nd ed.'",
      "'Guide'",
      "'Guide'",
      "'Guide'",
      "'Intro'",
      "'Intro, 2nd ed.'",
    ]);
    expect(frames.map((f) => f.vars.db_title)).toEqual([
      "'Intro'",
      "'Intro'",
      "'Intro'",
      ...Array(8).fill("'Intro, 2nd ed.'"),
    ]);
    expect(frames.map((f) => f.vars.clock)).toEqual([
      '0',
      '0',
      '0',
      '120',
      '120',
      '120',
      '120',
      '200',
      '200',
      '200',
      '300',
    ]);
    expect(frames.map((f) => f.vars.queries)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '3',
      '4',
      '5',
      '5',
      '5',
      '5',
      '6',
    ]);
  });

  it('pins the events', () => {
    expect(eventsOf(trace)).toEqual([
      'start',
      'miss',
      'miss',
      'write',
      'invalidate',
      'miss',
      'miss',
      'invalidate',
      'other',
      'stale-read',
      'miss',
    ]);
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
