import { describe, expect, it } from 'vitest';
import {
  compileBindingKey,
  interpolate,
  RECEIVER_DEPTH_LIMIT,
  run,
  RunBudgetError,
  type Lesson,
  type LessonStep,
  type Op,
} from '../../../src/engine';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';

const step = (ops: Op[]): LessonStep => ({
  action: 'a',
  cacheKey: '-',
  result: 'authored',
  narration: '',
  ops,
  lines: [],
  stage: 0,
});

const lessonWith = (steps: LessonStep[], setup: Partial<Lesson['setup']> = {}): Lesson => ({
  ...deleteOnUpdate,
  id: 'test',
  steps,
  setup: { ...deleteOnUpdate.setup, ...setup },
  tracked: [{ name: 'cache', source: 'cache' }],
});

const save: Op = { op: 'db.save', model: 'Profile', pk: 42, fields: { data: { literal: 'x' } } };

describe('Receivers that set each other off', () => {
  it('stop with a RecursionError outcome, as Python would, instead of hanging', () => {
    // Issue 10 #4: a post_save receiver that saves twice recursed exponentially.
    const lesson = lessonWith([step([save]), step([{ op: 'cache.get', key: 'after' }])], {
      receivers: [{ signal: 'post_save', model: 'Profile', ops: [save, save] }],
    });
    const started = performance.now();
    const trace = run(lesson);
    expect(performance.now() - started).toBeLessThan(2000);
    const outcomes = trace.frames[1].outcomes;
    const errors = outcomes.filter((o) => o.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      message: 'RecursionError: maximum recursion depth exceeded while calling a Python object',
    });
    // The recursion went as deep as the limit allows, then unwound once.
    expect(outcomes.filter((o) => o.kind === 'db.write')).toHaveLength(RECEIVER_DEPTH_LIMIT + 1);
    // The next step runs as usual.
    expect(trace.frames[2].outcomes.map((o) => o.kind)).toEqual(['get']);
  });
});

describe('Binding keys', () => {
  it('match braces literally except placeholders, without backtracking', () => {
    // Issue 10 #4: `{a}{1,40}!` reached new RegExp as a quantifier.
    const pattern = compileBindingKey('{a}{1,40}!');
    expect(pattern?.test('x{1,40}!')).toBe(true);
    const started = performance.now();
    expect(pattern?.test(`${'a'.repeat(50_000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
    expect(compileBindingKey('id_(?<1>[^:]+)$')?.test('id_(?<1>[^:]+)$')).toBe(true);
  });

  it('never throw on a repeated placeholder: the repeat must match the same text', () => {
    // Issue 10 #5: `{pk}{pk}` gave "Duplicate capture group name" in every panel.
    const pattern = compileBindingKey('{pk}_{pk}');
    expect(pattern?.test('42_42')).toBe(true);
    expect(pattern?.test('42_43')).toBe(false);
  });

  it('run a what-if of a lesson with an odd binding key without crashing', () => {
    const lesson = lessonWith(
      [
        { ...step([{ op: 'cache.set', key: '4242', value: { literal: 'v' } }]), skippable: true },
        step([{ op: 'cache.get', key: '4242' }]),
      ],
      { bindings: [{ key: '{pk}{pk}', model: 'Profile', pk: 42, field: 'data' }] },
    );
    expect(() => run(lesson, { skip: [1] })).not.toThrow();
    expect(run(lesson).frames[2].cache[0].isStale).toBe(true);
  });
});

describe('Inherited JavaScript properties', () => {
  it('are never read as Python values', () => {
    // Issue 10 #11: `k_{constructor}` read Object's constructor.
    expect(interpolate('k_{constructor}', new Map(), {})).toBe('k_{constructor}');
    const lesson = lessonWith([
      step([{ op: 'db.get', model: 'Profile', pk: 42, field: 'constructor', as: 'v' }]),
    ]);
    const outcome = run(lesson).frames[1].outcomes[0];
    expect(outcome).toMatchObject({ kind: 'db.read', value: 'None' });
  });
});

describe('The work budget', () => {
  it('stops a run that does too much, naming the step', () => {
    const sets: Op[] = Array.from({ length: 16 }, (_, i) => ({
      op: 'cache.set',
      key: `k{n}_${i}`,
      value: { literal: 1 },
    }));
    const steps = Array.from({ length: 60 }, (_, i) =>
      step([{ op: 'set.var', name: 'n', value: { literal: i } }, ...sets]),
    );
    const lesson = lessonWith(steps, { cache: { maxEntries: 100_000 } });
    let error: unknown;
    try {
      run(lesson, { maxWork: 5_000 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunBudgetError);
    expect((error as RunBudgetError).step).toBeGreaterThan(1);
    expect((error as RunBudgetError).step).toBeLessThan(60);
    expect(() => run(lesson)).not.toThrow();
  });
});
