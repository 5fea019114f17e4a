import { describe, expect, it } from 'vitest';
import {
  createCache,
  createClock,
  createDatabase,
  pyStr,
  run,
  type Lesson,
  type LessonReceiver,
  type LessonStep,
  type Op,
} from '../../../src/engine';

/*
 * Engine behaviours found wrong by running random operation sequences against real Django 5.2
 * (scripts/verify-django/differential.py), each pinned here with what Django does.
 */

describe('float keys are stringified as Python str()', () => {
  it.each([
    [0.00001, '1e-05'],
    [1e16, '1e+16'],
    [0.1, '0.1'],
    [-0, '-0.0'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
    [1.5, '1.5'],
    [2.5e-7, '2.5e-07'],
    [42, '42'],
  ])('key %s → :1:%s', (key, text) => {
    const cache = createCache({ clock: createClock() });
    expect(pyStr(key)).toBe(text);
    expect(cache.makeKey(key)).toBe(`:1:${text}`);
    cache.set(key, 'v');
    expect(cache.entries().map((e) => e.key)).toEqual([`:1:${text}`]);
    // The same key as a string finds the entry, as in Python: cache.get('1e-05') after set(1e-05).
    expect(cache.get(text)).toBe('v');
  });

  it('names the key as str() in the errors of incr and incr_version', () => {
    const cache = createCache({ clock: createClock() });
    expect(() => cache.incr(0.00001)).toThrow("Key ':1:1e-05' not found");
    expect(() => cache.incrVersion(1e16)).toThrow("Key '1e+16' not found");
  });

  it('and in the key warnings', () => {
    const warnings: string[] = [];
    const cache = createCache({
      clock: createClock(),
      keyPrefix: 'p q',
      onWarning: (w) => warnings.push(w),
    });
    cache.get(0.00001);
    expect(warnings).toEqual([
      "Cache key contains characters that will cause errors if used with memcached: 'p q:1:1e-05'",
    ]);
  });
});

describe('settings are coerced as Python int()', () => {
  /** How many of `writes` distinct keys survive with these settings. */
  const survivors = (options: Parameters<typeof createCache>[0], writes: number): number => {
    const cache = createCache(options);
    for (let i = 0; i < writes; i += 1) cache.set(`k${i}`, i);
    return cache.entries().length;
  };

  it.each([
    ['300', 300],
    [' 5\n', 5],
    ['+5', 5],
    ['0_5', 5],
    ['٥', 5], // Arabic-Indic five: int('٥') == 5
    ['\u30005\u3000', 5], // ideographic spaces are whitespace to str.strip()
    ['\x1c5', 5], // so is U+001C, which JS's \s is not
    [5.9, 5],
    [true, 1],
  ])('MAX_ENTRIES %j is %i', (maxEntries, expected) => {
    // With CULL_FREQUENCY 0 the store is cleared when it is full, so writes beyond MAX_ENTRIES
    // leave (writes % MAX_ENTRIES) or MAX_ENTRIES entries.
    const clock = createClock();
    const cache = createCache({
      clock,
      maxEntries: maxEntries as number | string,
      cullFrequency: 0,
    });
    for (let i = 0; i < expected; i += 1) cache.set(`k${i}`, i);
    expect(cache.entries()).toHaveLength(expected);
    cache.set('one-more', 1);
    expect(cache.entries()).toHaveLength(1);
  });

  it.each(['3.0', '0x10', '', '5_', '_5', '5__0', '\ufeff5', 'five'])(
    "MAX_ENTRIES %j is not an int: Django's fallback 300",
    (maxEntries) => {
      expect(survivors({ clock: createClock(), maxEntries, cullFrequency: 0 }, 300)).toBe(300);
      expect(survivors({ clock: createClock(), maxEntries, cullFrequency: 0 }, 301)).toBe(1);
    },
  );

  it("TIMEOUT '60' and CULL_FREQUENCY '2' are ints too", () => {
    const clock = createClock();
    const cache = createCache({ clock, timeout: '60', maxEntries: '4', cullFrequency: '2' });
    cache.set('a', 1);
    expect(cache.entries()[0].expiresAt).toBe(60);
    for (const key of ['b', 'c', 'd', 'e']) cache.set(key, 1);
    // Full at 4: the fifth write culls 4 // 2 = 2 entries from the LRU end first.
    expect(cache.entries().map((e) => e.key)).toEqual([':1:e', ':1:d', ':1:c']);
  });
});

describe('Model.delete() sends post_delete inside its own atomic(savepoint=False)', () => {
  const seeded = () =>
    createDatabase({ models: { Profile: [{ pk: 42, fields: { data: 'old_data' } }] } });

  it('a receiver sees itself inside a transaction, and its on_commit waits for the block', () => {
    const db = seeded();
    const order: string[] = [];
    db.connect('post_delete', 'Profile', () => {
      order.push(`receiver: in atomic block ${db.inAtomicBlock()}`);
      db.onCommit(() => order.push('on_commit callback'));
      order.push('receiver returns');
    });
    expect(db.delete('Profile', 42)).toBe(true);
    order.push('delete() returned');
    expect(order).toEqual([
      'receiver: in atomic block true',
      'receiver returns',
      'on_commit callback',
      'delete() returned',
    ]);
    expect(db.inAtomicBlock()).toBe(false);
    expect(db.peek('Profile', 42)).toBeNull();
  });

  it('a receiver that raises rolls the delete back, and its on_commit never runs', () => {
    const db = seeded();
    const ran: string[] = [];
    db.connect('post_delete', 'Profile', () => {
      db.onCommit(() => ran.push('callback'));
      throw new Error('receiver failed');
    });
    expect(() => db.delete('Profile', 42)).toThrow('receiver failed');
    expect(db.peek('Profile', 42)?.fields).toEqual({ data: 'old_data' });
    expect(db.inAtomicBlock()).toBe(false);
    expect(ran).toEqual([]);
  });

  it("inside the caller's atomic() a failed receiver marks the block for rollback", () => {
    const db = seeded();
    db.connect('post_delete', 'Profile', () => {
      throw new Error('receiver failed');
    });
    db.begin();
    db.save('Profile', 42, { data: 'new_data' });
    expect(() => db.delete('Profile', 42)).toThrow('receiver failed');
    // Django: "An error occurred in the current transaction. You can't execute queries until
    // the end of the 'atomic' block."
    expect(() => db.get('Profile', 42)).toThrow(/TransactionManagementError|current transaction/);
    db.commit();
    // Leaving the block rolled everything in it back: the save too.
    expect(db.peek('Profile', 42)?.fields).toEqual({ data: 'old_data' });
    expect(db.inAtomicBlock()).toBe(false);
  });

  it('a block entered while the transaction is broken has no savepoint: leaving it keeps it broken', () => {
    const db = seeded();
    db.connect('post_delete', 'Profile', () => {
      throw new Error('receiver failed');
    });
    db.begin();
    expect(() => db.delete('Profile', 42)).toThrow('receiver failed');
    db.begin(); // Django sets no savepoint here (needs_rollback is set)
    expect(() => db.save('Profile', 42, { data: 'x' })).toThrow(/current transaction/);
    db.commit(); // leaving it rolls back, and the outer transaction is still broken
    expect(() => db.get('Profile', 42)).toThrow(/current transaction/);
    db.commit();
    expect(db.inAtomicBlock()).toBe(false);
    expect(db.get('Profile', 42)?.fields).toEqual({ data: 'old_data' });
  });

  it('rolling back to a savepoint clears it: the outer transaction goes on and commits', () => {
    const db = seeded();
    db.connect('post_delete', 'Profile', () => {
      throw new Error('receiver failed');
    });
    db.begin();
    db.save('Profile', 42, { data: 'outer' });
    db.begin(); // a savepoint
    expect(() => db.delete('Profile', 42)).toThrow('receiver failed');
    db.rollback();
    expect(db.get('Profile', 42)?.fields).toEqual({ data: 'outer' });
    db.commit();
    expect(db.peek('Profile', 42)?.fields).toEqual({ data: 'outer' });
  });

  it('save() sends post_save after its write, outside any block: a raising receiver keeps the row', () => {
    const db = seeded();
    db.connect('post_save', 'Profile', () => {
      throw new Error('receiver failed');
    });
    expect(() => db.save('Profile', 42, { data: 'new_data' })).toThrow('receiver failed');
    expect(db.peek('Profile', 42)?.fields).toEqual({ data: 'new_data' });
  });
});

describe("a lesson receiver's exception propagates to the ORM call, as in Python", () => {
  const step = (ops: Op[], actor = 'request'): LessonStep => ({
    action: 'a',
    cacheKey: '-',
    result: '',
    narration: '',
    ops,
    lines: [],
    stage: 0,
    actor,
  });
  const lesson = (receivers: LessonReceiver[], steps: LessonStep[]): Lesson => ({
    id: 'receiver-errors',
    title: 't',
    summary: 's',
    group: 'Strategies',
    difficulty: 'Beginner',
    flow: ['x'],
    flowCaption: '',
    code: { language: 'python', source: '', caption: '' },
    setup: {
      models: { Profile: [{ pk: 42, fields: { data: 'old_data' } }] },
      receivers,
      bindings: [],
    },
    steps,
    columns: [{ id: 'step', header: 'Step' }],
    tracked: [],
    keyMoments: [],
    quiz: [],
    snapshot: { title: '', lines: [] },
    transcript: [],
  });
  const failing: Op = { op: 'cache.incr', key: 'missing' };

  it('post_save: the receiver stops at the error, later receivers do not run, the row stays saved', () => {
    const trace = run(
      lesson(
        [
          {
            signal: 'post_save',
            model: 'Profile',
            ops: [failing, { op: 'cache.set', key: 'after-error', value: { literal: 1 } }],
          },
          {
            signal: 'post_save',
            model: 'Profile',
            ops: [{ op: 'cache.set', key: 'second-receiver', value: { literal: 1 } }],
          },
        ],
        [
          step([
            { op: 'db.save', model: 'Profile', pk: 42, fields: { data: { literal: 'new_data' } } },
          ]),
        ],
      ),
    );
    const frame = trace.frames[1];
    expect(frame.outcomes.map((o) => o.kind)).toEqual(['db.write', 'error']);
    expect(frame.outcomes[1]).toMatchObject({ message: "ValueError: Key ':1:missing' not found" });
    expect(frame.cache).toEqual([]);
    expect(frame.db[0].fields).toEqual({ data: "'new_data'" });
  });

  it('post_delete: the error rolls the delete back', () => {
    const trace = run(
      lesson(
        [{ signal: 'post_delete', model: 'Profile', ops: [failing] }],
        [step([{ op: 'db.delete', model: 'Profile', pk: 42 }])],
      ),
    );
    const frame = trace.frames[1];
    expect(frame.outcomes.map((o) => o.kind)).toEqual(['db.write', 'error']);
    expect(frame.db.map((row) => row.fields)).toEqual([{ data: "'old_data'" }]);
  });

  it("post_delete: a receiver's on_commit runs when delete()'s own block commits", () => {
    const trace = run(
      lesson(
        [
          {
            signal: 'post_delete',
            model: 'Profile',
            ops: [
              { op: 'onCommit', ops: [{ op: 'cache.set', key: 'k', value: { literal: 1 } }] },
              { op: 'cache.get', key: 'k' },
            ],
          },
        ],
        [step([{ op: 'db.delete', model: 'Profile', pk: 42 }])],
      ),
    );
    const outcomes = trace.frames[1].outcomes;
    // Inside the receiver the callback has not run yet (a miss); it runs as the block commits.
    expect(outcomes.map((o) => o.kind)).toEqual(['db.write', 'get', 'set']);
    expect(outcomes[1]).toMatchObject({ hit: false });
    expect(trace.frames[1].db).toEqual([]);
  });
});
