import { describe, expect, it } from 'vitest';
import { run, type Lesson, type LessonStep, type Op } from '../../../src/engine';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';

const step = (ops: Op[], extra: Partial<LessonStep> = {}): LessonStep => ({
  action: 'a',
  cacheKey: '-',
  result: 'authored',
  narration: '',
  ops,
  lines: [],
  stage: 0,
  ...extra,
});

const lessonWith = (steps: LessonStep[], setup: Partial<Lesson['setup']> = {}): Lesson => ({
  ...deleteOnUpdate,
  id: 'test',
  steps,
  setup: { ...deleteOnUpdate.setup, ...setup },
  tracked: [
    { name: 'cache', source: 'cache' },
    { name: 'data', source: 'var', var: 'data' },
    { name: 'queries', source: 'queries' },
  ],
});

const read: Op = {
  op: 'request',
  key: 'user_profile_42',
  model: 'Profile',
  pk: 42,
  field: 'data',
  as: 'data',
};
const save = (value: string): Op => ({
  op: 'db.save',
  model: 'Profile',
  pk: 42,
  fields: { data: { literal: value } },
});

describe('The cache-aside request', () => {
  it('misses, reads the DB once and caches the value', () => {
    const frame = run(lessonWith([step([read])])).frames[1];
    expect(frame.outcomes.map((o) => o.kind)).toEqual(['get', 'db.read', 'set']);
    expect(frame.stepQueries).toBe(1);
    expect(frame.vars.data).toBe("'old_data'");
  });

  it('hits without a query the second time', () => {
    const frame = run(lessonWith([step([read]), step([read])])).frames[2];
    expect(frame.outcomes).toEqual([
      {
        kind: 'get',
        key: 'user_profile_42',
        hit: true,
        value: "'old_data'",
        stale: false,
        actor: 'request',
      },
    ]);
    expect(frame.stepQueries).toBe(0);
  });

  it('reports a stale hit when the DB changed underneath', () => {
    const trace = run(lessonWith([step([read]), step([save('new')]), step([read])]));
    expect(trace.frames[3].event).toBe('stale-read');
    expect(trace.frames[3].vars.data).toBe("'old_data'");
  });
});

describe('Signals and transactions in lessons', () => {
  const receivers = [
    {
      signal: 'post_save' as const,
      model: 'Profile',
      ops: [{ op: 'cache.delete', key: 'user_profile_{pk}' } as Op],
      lines: [3],
    },
  ];

  it('a post_save receiver deletes the key and lights its lines', () => {
    const trace = run(
      lessonWith([step([read]), step([save('new')], { lines: [1] })], { receivers }),
    );
    expect(trace.frames[2].cacheAfter).toBe('{}');
    expect(trace.frames[2].lines).toEqual([1, 3]);
  });

  it('QuerySet.update() sends no signal, so the cache stays stale', () => {
    const update: Op = {
      op: 'db.update',
      model: 'Profile',
      pk: 42,
      fields: { data: { literal: 'new' } },
    };
    const trace = run(lessonWith([step([read]), step([update])], { receivers }));
    expect(trace.frames[2].cacheAfter).toBe("{'user_profile_42': 'old_data'}");
    expect(trace.frames[2].cache[0].isStale).toBe(true);
  });

  it('on_commit callbacks run at the outermost commit, not before', () => {
    const trace = run(
      lessonWith([
        step([read]),
        step([
          { op: 'atomic.begin' },
          save('new'),
          { op: 'onCommit', ops: [{ op: 'cache.delete', key: 'user_profile_42' }] },
        ]),
        step([{ op: 'atomic.commit' }]),
      ]),
    );
    expect(trace.frames[2].cacheAfter).toBe("{'user_profile_42': 'old_data'}");
    expect(trace.frames[2].db[0].pending).toEqual([
      { actor: 'request', fields: { data: "'new'" } },
    ]);
    expect(trace.frames[3].cacheAfter).toBe('{}');
    expect(trace.frames[3].outcomes[0]).toMatchObject({
      kind: 'atomic',
      how: 'commit',
      callbacks: 1,
    });
  });

  it('rollback drops the on_commit callbacks', () => {
    const trace = run(
      lessonWith([
        step([read]),
        step([
          { op: 'atomic.begin' },
          save('new'),
          { op: 'onCommit', ops: [{ op: 'cache.delete', key: 'user_profile_42' }] },
        ]),
        step([{ op: 'atomic.rollback' }]),
      ]),
    );
    expect(trace.frames[3].cacheAfter).toBe("{'user_profile_42': 'old_data'}");
    expect(trace.frames[3].db[0].fields.data).toBe("'old_data'");
  });

  it('another actor reads the committed row while a transaction is open', () => {
    const trace = run(
      lessonWith([
        step([{ op: 'atomic.begin' }, save('new')], { actor: 'writer' }),
        step([read], { actor: 'reader' }),
      ]),
    );
    expect(trace.frames[2].vars.data).toBe("'old_data'");
    expect(trace.frames[2].actor).toBe('reader');
  });
});

describe('Errors and time', () => {
  it("turns Django's ValueError into an outcome instead of crashing", () => {
    const trace = run(lessonWith([step([{ op: 'cache.incr', key: 'missing' }])]));
    expect(trace.frames[1].outcomes).toEqual([
      { kind: 'error', message: "ValueError: Key ':1:missing' not found", actor: 'request' },
    ]);
  });

  it('expires an entry exactly at its timeout and reports the clock', () => {
    const timed: Op = { ...read, timeout: 60 } as Op;
    const trace = run(
      lessonWith([
        step([timed]),
        step([{ op: 'clock.advance', seconds: 59 }]),
        step([{ op: 'clock.advance', seconds: 1 }]),
        step([timed]),
      ]),
    );
    expect(trace.frames[2].cache[0]).toMatchObject({ ttl: 1, isExpired: false });
    expect(trace.frames[3].cache[0]).toMatchObject({ ttl: 0, isExpired: true });
    expect(trace.frames[3].cacheAfter).toBe('{}');
    expect(trace.frames[4].event).toBe('miss');
    expect(trace.frames[4].clock).toBe(60);
  });

  it('interpolates variables into keys', () => {
    const trace = run(
      lessonWith([step([{ op: 'cache.set', key: 'article:{gen}:1', value: { literal: 'x' } }])], {
        vars: { gen: 3 },
      }),
    );
    expect(trace.frames[1].cache[0].rawKey).toBe('article:3:1');
  });
});

describe('What-if', () => {
  it('ignores skips that are not steps', () => {
    expect(run(deleteOnUpdate, { skip: [0, 9, 2.5] }).skip).toEqual([]);
  });

  it('keeps authored results on steps the skip does not change', () => {
    const trace = run(deleteOnUpdate, { skip: [3] });
    expect(trace.frames.map((f) => f.isDiverged)).toEqual([false, false, false, true, true, true]);
  });
});
