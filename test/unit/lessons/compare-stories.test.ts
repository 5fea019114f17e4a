import { describe, expect, it } from 'vitest';
import { parseLesson, run, type Frame } from '../../../src/engine';
import {
  COMPARE_STRATEGY_IDS,
  compareStory,
  compareStrategies,
  type CompareStrategyId,
} from '../../../src/lessons/compare-stories';

/** What the step's read gave the user, straight from the engine's outcomes. */
function verdict(frame: Frame): string {
  const read = frame.outcomes.findLast((o) => o.kind === 'get');
  if (read?.kind !== 'get') return '-';
  if (!read.hit) return 'miss';
  return read.stale ? 'stale' : 'fresh';
}

const verdicts = (id: CompareStrategyId, options?: { ttl?: number; wait?: number }) =>
  run(compareStory(id, options)).frames.slice(1).map(verdict);

describe('Compare stories', () => {
  it('offers one story per strategy, each with a label, a description and a lesson', () => {
    expect(compareStrategies.map((s) => s.id)).toEqual([...COMPARE_STRATEGY_IDS]);
    for (const s of compareStrategies) {
      expect(s.label).not.toBe('');
      expect(s.description).not.toBe('');
    }
  });

  it.each([...COMPARE_STRATEGY_IDS])(
    '%s passes the lesson schema and has the same 4 steps',
    (id) => {
      const lesson = compareStory(id);
      expect(() => parseLesson(JSON.parse(JSON.stringify(lesson)))).not.toThrow();
      expect(lesson.steps.map((s) => s.action)).toEqual([
        'Read',
        'Update the profile',
        'Read again',
        'Read after 90 s',
      ]);
      expect(lesson.setup.bindings).toEqual([
        { key: 'user_profile_42', model: 'Profile', pk: 42, field: 'data' },
      ]);
    },
  );

  describe('with the defaults (TTL 60 s, wait 90 s)', () => {
    it.each([
      ['no-invalidation', ['miss', '-', 'stale', 'stale']],
      ['delete-on-update', ['miss', '-', 'miss', 'fresh']],
      ['update-on-write', ['miss', '-', 'fresh', 'fresh']],
      ['ttl', ['miss', '-', 'stale', 'miss']],
      ['signal', ['miss', '-', 'miss', 'fresh']],
      ['signal-update', ['miss', '-', 'stale', 'stale']],
      ['on-commit', ['miss', '-', 'miss', 'fresh']],
    ] as const)('%s reads %j', (id, expected) => {
      expect(verdicts(id)).toEqual(expected);
    });
  });

  it('no invalidation stays stale until the default 300 s timeout', () => {
    expect(verdicts('no-invalidation', { wait: 299 })[3]).toBe('stale');
    expect(verdicts('no-invalidation', { wait: 300 })[3]).toBe('miss');
  });

  it('TTL: the last read is stale while the wait is shorter than the timeout', () => {
    expect(verdicts('ttl', { ttl: 120 })).toEqual(['miss', '-', 'stale', 'stale']);
    expect(verdicts('ttl', { ttl: 90 })[3]).toBe('miss');
  });

  it('TTL 0 caches nothing: every read goes to the database', () => {
    expect(verdicts('ttl', { ttl: 0 })).toEqual(['miss', '-', 'miss', 'miss']);
    expect(compareStory('ttl', { ttl: 0 }).code.source).toContain('timeout=0');
  });

  it('writes the strategy into real Django code', () => {
    expect(compareStory('delete-on-update').code.source).toContain(
      "cache.delete(f'user_profile_{user_id}')",
    );
    expect(compareStory('signal').code.source).toContain('@receiver(post_save, sender=Profile)');
    expect(compareStory('signal-update').code.source).toContain('.update(data=new_data)');
    expect(compareStory('on-commit').code.source).toContain('transaction.on_commit(lambda:');
    expect(compareStory('ttl', { ttl: 45 }).code.source).toContain('timeout=45');
  });

  it('refetches fresh data on a miss after the update', () => {
    const frames = run(compareStory('delete-on-update')).frames;
    expect(frames[3].cacheAfter).toBe("{'user_profile_42': 'fresh_data'}");
    expect(frames[4].clock).toBe(90);
  });

  it('never throws on bad numbers: non-numbers use the defaults, the rest is clamped', () => {
    expect(compareStory('ttl', { ttl: Number.NaN, wait: -5 }).steps[3].action).toBe(
      'Read after 0 s',
    );
    expect(compareStory('ttl', { ttl: Number.NaN }).code.source).toContain('timeout=60');
    expect(compareStory('ttl', { wait: 99_999 }).steps[3].action).toBe('Read after 3600 s');
  });
});
