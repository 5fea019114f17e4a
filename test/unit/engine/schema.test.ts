import { describe, expect, it } from 'vitest';
import { LessonError, parseLesson } from '../../../src/engine';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';

const clone = () =>
  JSON.parse(JSON.stringify(deleteOnUpdate)) as Record<string, unknown> & {
    steps: Record<string, unknown>[];
  };

function errorOf(input: unknown): LessonError {
  try {
    parseLesson(input);
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error('expected a LessonError');
}

describe('Lesson schema', () => {
  it('accepts the seed lesson', () => {
    expect(parseLesson(clone()).id).toBe('delete-on-update');
  });

  it('names the step and field of a wrong type', () => {
    const lesson = clone();
    (lesson.steps[2].ops as Record<string, unknown>[])[0].key = 42;
    const error = errorOf(lesson);
    expect(error.message).toMatch(/^Step 3, field "ops\[0\]\.key": expected string/);
    expect(error.path).toBe('steps[2].ops[0].key');
  });

  it('names an unknown operation', () => {
    const lesson = clone();
    lesson.steps[0].ops = [{ op: 'os.system', key: 'rm -rf /' }];
    expect(errorOf(lesson).message).toMatch(/^Step 1, field "ops\[0\]\.op"/);
  });

  it('names a missing field', () => {
    const lesson = clone();
    delete lesson.steps[1].action;
    expect(errorOf(lesson).message).toMatch(/^Step 2, field "action"/);
  });

  it('rejects unknown keys instead of carrying them along', () => {
    const lesson = clone();
    lesson.steps[0].onClick = 'alert(1)';
    expect(errorOf(lesson).message).toMatch(/^Step 1, field "onClick"/);
  });

  it('checks code lines exist', () => {
    const lesson = clone();
    lesson.steps[3].lines = [99];
    expect(errorOf(lesson).message).toBe(
      'Step 4, field "lines": line 99 is past the end of the code (17 lines)',
    );
  });

  it('checks concept-flow stages exist', () => {
    const lesson = clone();
    lesson.steps[0].stage = 9;
    expect(errorOf(lesson).message).toMatch(/^Step 1, field "stage": stage 9 does not exist/);
  });

  it('names top-level fields outside the steps', () => {
    const lesson = clone();
    lesson.title = ['not', 'a', 'string'];
    expect(errorOf(lesson).message).toMatch(/^Field "title": expected string/);
  });

  it('rejects something that is not an object at all', () => {
    expect(errorOf('hello').message).toMatch(/^The scenario: expected Object/);
  });
});
