import { describe, expect, it } from 'vitest';
import { LessonError, parseLesson } from '../../../src/engine';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';

type Json = Record<string, unknown> & {
  steps: Record<string, unknown>[];
  setup: Record<string, unknown> & { bindings: Record<string, unknown>[] };
};
const clone = () => {
  const { remedy: _remedy, ...lesson } = structuredClone(deleteOnUpdate);
  return JSON.parse(JSON.stringify(lesson)) as Json;
};

function messageOf(input: unknown): string {
  try {
    parseLesson(input);
  } catch (error) {
    if (error instanceof LessonError) return error.message;
    throw error;
  }
  throw new Error('expected a LessonError');
}

const literalStep = (literal: unknown) => ({
  ...clone().steps[0],
  ops: [{ op: 'cache.set', key: 'k', value: { literal } }],
});

describe('Scenario limits (issue 10)', () => {
  it('refuses a 3,000-deep literal with a located message, not a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 3000; i += 1) deep = [deep];
    const lesson = clone();
    lesson.steps[1] = literalStep(deep);
    const message = messageOf(lesson);
    expect(message).toMatch(/^Step 2, field "ops\[0\]\.value\.literal.*": nested more than 32/);
    expect(message).not.toMatch(/call stack/i);
  });

  it('refuses a list of more than 1,000 items instead of reading it as a dict', () => {
    const lesson = clone();
    lesson.steps[0] = literalStep(Array.from({ length: 1001 }, (_, i) => i));
    expect(messageOf(lesson)).toBe(
      'Step 1, field "ops[0].value.literal": a list of 1001 items; at most 1000 are allowed',
    );
  });

  it('never reads a list as a dict', () => {
    const lesson = clone();
    lesson.setup.vars = [1, 2];
    expect(messageOf(lesson)).toMatch(/^Field "setup\.vars": /);
  });

  it('refuses key moments past the last step', () => {
    const lesson = clone();
    (lesson.keyMoments as Record<string, unknown>[])[0].step = 99999;
    expect(messageOf(lesson)).toBe(
      `Key moment 1, field "step": step 99999 does not exist (${lesson.steps.length} steps)`,
    );
  });

  it.each([
    ['{a}{1,40}!', 'placeholder "{1,40}" is not a Python name'],
    ['id_{1}', 'placeholder "{1}" is not a Python name'],
    ['{pk}{pk}', 'placeholder {pk} is used twice'],
  ])('refuses the binding key %s, naming the field', (key, problem) => {
    const lesson = clone();
    lesson.setup.bindings[0].key = key;
    expect(messageOf(lesson)).toMatch(
      new RegExp(
        `^Field "setup\\.bindings\\[0\\]\\.key": ${problem.replace(/[{}()[\]]/g, '\\$&')}`,
      ),
    );
  });

  it('accepts braces that are not placeholders in other keys and plain text', () => {
    const lesson = clone();
    lesson.setup.bindings[0].key = 'user_profile_{pk}';
    expect(() => parseLesson(lesson)).not.toThrow();
  });

  it('quotes at most 60 characters of a bad value', () => {
    // Issue 10 #8: a 500,000-character group came back whole.
    const lesson = clone();
    lesson.group = 'x'.repeat(500_000);
    const message = messageOf(lesson);
    expect(message.length).toBeLessThan(200);
    expect(message).toMatch(/^Field "group": expected .*, received "x{59}…"$/);
  });

  it('cuts a long key in the path it names', () => {
    const lesson = clone();
    lesson.setup.vars = { ['k'.repeat(100_000)]: 1 };
    const message = messageOf(lesson);
    expect(message.length).toBeLessThan(300);
    expect(message).toMatch(/^Field "setup\.vars\.k{39}…"/);
  });
});
