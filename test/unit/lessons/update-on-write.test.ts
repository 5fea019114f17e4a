import { describe, expect, it } from 'vitest';
import { run } from '../../../src/engine';
import { updateOnWrite } from '../../../src/lessons/update-on-write';
import { describeLessonBasics, staleFrames } from './lesson-kit';

const V3 = "{'article_42': 'v3'}";

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
  it('flags stale entries while A is between save and set, and after its late set', () => {
    expect(staleFrames(trace)).toEqual([false, false, true, false, false, true, true, false]);
  });

  it('writer B writes through: get, save then set, and the reader hits without a query', () => {
    expect(frames[3].outcomes.map((o) => [o.actor, o.kind])).toEqual([
      ['writer B', 'clock'],
      ['writer B', 'db.read'],
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
