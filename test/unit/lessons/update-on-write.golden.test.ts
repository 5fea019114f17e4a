import { describe, expect, it } from 'vitest';
import { run } from '../../../src/engine';
import { updateOnWrite } from '../../../src/lessons/update-on-write';
import { describeLessonBasics, eventsOf, staleFrames, tableOf } from './lesson-kit';

const V1 = "{'article_42': 'v1'}";
const V2 = "{'article_42': 'v2'}";
const V3 = "{'article_42': 'v3'}";

const TABLE = [
  ['1', 'reader', 't=0s', 'Reader caches the article', 'article_42', '{}', V1, "Cache stores 'v1'"],
  [
    '2',
    'writer A',
    't=0s',
    "Writer A saves 'v2'",
    '-',
    V1,
    V1,
    "DB has 'v2'; A has not set the cache yet",
  ],
  [
    '3',
    'writer B',
    't=1s',
    "Writer B saves 'v3' and sets it",
    'article_42',
    V1,
    V3,
    "Cache updated with 'v3'",
  ],
  [
    '4',
    'reader',
    't=1s',
    'Reader hits the fresh value',
    'article_42',
    V3,
    V3,
    "Reader sees 'v3' with no miss",
  ],
  [
    '5',
    'writer A',
    't=2s',
    "Writer A (slow) sets 'v2'",
    'article_42',
    V3,
    V2,
    "Cache overwritten with older 'v2'",
  ],
  [
    '6',
    'reader',
    't=2s',
    'Reader gets the older title',
    'article_42',
    V2,
    V2,
    "Reader sees stale data: 'v2'",
  ],
  [
    '7',
    'reader',
    't=302s',
    'Reader after the timeout',
    'article_42',
    V2,
    V3,
    "Entry expired at t=302s; miss caches 'v3'",
  ],
];

describe('Lesson: update-on-write', () => {
  const trace = run(updateOnWrite);
  const { frames } = trace;

  describeLessonBasics(updateOnWrite);

  it('has no remedy', () => {
    expect(updateOnWrite.remedy).toBeUndefined();
  });

  it('has the declared id, group and columns', () => {
    expect(updateOnWrite.id).toBe('update-on-write');
    expect(updateOnWrite.group).toBe('Strategies');
    expect(updateOnWrite.difficulty).toBe('Intermediate');
    expect(updateOnWrite.columns.map((c) => c.id)).toEqual([
      'step',
      'actor',
      'clock',
      'action',
      'cacheKey',
      'cacheBefore',
      'cacheAfter',
      'result',
    ]);
  });

  it('pins the execution table', () => {
    expect(tableOf(updateOnWrite)).toEqual(TABLE);
  });

  it('pins the variable tracker', () => {
    expect(frames.map((f) => f.vars.cache)).toEqual(['{}', V1, V1, V3, V3, V2, V2, V3]);
    expect(frames.map((f) => f.vars.title)).toEqual([
      undefined,
      "'v1'",
      "'v1'",
      "'v1'",
      "'v3'",
      "'v3'",
      "'v2'",
      "'v3'",
    ]);
    expect(frames.map((f) => f.vars.db_title)).toEqual([
      "'v1'",
      "'v1'",
      "'v2'",
      "'v3'",
      "'v3'",
      "'v3'",
      "'v3'",
      "'v3'",
    ]);
    expect(frames.map((f) => f.vars.clock)).toEqual(['0', '0', '0', '1', '1', '2', '2', '302']);
    expect(frames.map((f) => f.vars.queries)).toEqual(['0', '1', '2', '3', '3', '3', '3', '4']);
  });

  it('pins the events', () => {
    expect(eventsOf(trace)).toEqual([
      'start',
      'miss',
      'write',
      'write',
      'hit',
      'write',
      'stale-read',
      'miss',
    ]);
  });

  it('flags stale entries while A is between save and set, and after its late set', () => {
    expect(staleFrames(trace)).toEqual([false, false, true, false, false, true, true, false]);
  });

  it('writer B writes through: save then set, and the reader hits without a query', () => {
    expect(frames[3].outcomes.map((o) => [o.actor, o.kind])).toEqual([
      ['writer B', 'clock'],
      ['writer B', 'db.write'],
      ['writer B', 'set'],
    ]);
    expect(frames[4].outcomes).toEqual([
      { kind: 'get', key: 'article_42', hit: true, value: "'v3'", stale: false, actor: 'reader' },
    ]);
    expect(frames[4].stepQueries).toBe(0);
  });

  it("A's late set wins and restarts the timeout at t=2s", () => {
    expect(frames[5].outcomes.at(-1)).toMatchObject({
      kind: 'set',
      value: "'v2'",
      actor: 'writer A',
    });
    expect(frames[5].cache[0]).toMatchObject({ expiresAt: 302, isStale: true, dbValue: "'v3'" });
    expect(frames[6].outcomes[0]).toMatchObject({ hit: true, value: "'v2'", stale: true });
    expect(frames[7].outcomes.map((o) => o.kind)).toEqual(['clock', 'get', 'db.read', 'set']);
    expect(frames[7].outcomes[1]).toMatchObject({ hit: false });
  });

  describe("what-if: skip step 5 (A's late set)", () => {
    const skipped = run(updateOnWrite, { skip: [5] });

    it('leaves no stale read', () => {
      expect(skipped.frames[6].event).toBe('hit');
      expect(skipped.frames[6].cacheAfter).toBe(V3);
      expect(skipped.frames.some((f) => f.event === 'stale-read')).toBe(false);
    });
  });
});
