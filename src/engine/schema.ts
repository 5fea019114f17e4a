import * as v from 'valibot';
import type { Lesson } from './types';
import { OUTCOME_FACTS } from './outcomes';

/**
 * The runtime schema of a lesson. Built-in lessons type-check against `Lesson`; imported or
 * shared scenarios are untrusted JSON and pass through `parseLesson` first. Nothing in a
 * lesson is ever executed or rendered as HTML: it is data the interpreter reads.
 */

/**
 * Built on first use, not at import: the schema's construction calls cannot be tree-shaken,
 * and the first view (which never parses untrusted lessons) must not pay for valibot.
 */
function buildLessonSchema() {
  const text = (max = 2000) => v.pipe(v.string(), v.maxLength(max));
  const pk = v.union([v.pipe(v.number(), v.integer()), text(100)]);
  const lines = v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.maxLength(200));
  const timeout = v.optional(v.nullable(v.pipe(v.number(), v.finite())));
  const name = v.pipe(v.string(), v.regex(/^[A-Za-z_]\w{0,63}$/, 'a Python identifier'));

  type PyJson = null | boolean | number | string | PyJson[] | { [key: string]: PyJson };
  const pyValue: v.GenericSchema<PyJson> = v.lazy(() =>
    v.union([
      v.null(),
      v.boolean(),
      v.pipe(v.number(), v.finite()),
      text(10_000),
      v.pipe(v.array(pyValue), v.maxLength(1000)),
      v.record(text(250), pyValue),
    ]),
  );

  const valueExpr = v.union([v.strictObject({ literal: pyValue }), v.strictObject({ var: name })]);
  const fieldExprs = v.record(name, valueExpr);
  const key = text(1000);

  // Recursive (on_commit holds operations), so the schema's static type is left open; the
  // parsed lesson is typed as `Lesson` once the whole tree has passed.
  const op: v.GenericSchema<unknown> = v.lazy(() => opVariant);
  const opVariant = v.variant('op', [
    v.strictObject({ op: v.literal('cache.get'), key, as: v.optional(name) }),
    v.strictObject({ op: v.literal('cache.set'), key, value: valueExpr, timeout }),
    v.strictObject({
      op: v.literal('cache.add'),
      key,
      value: valueExpr,
      timeout,
      as: v.optional(name),
    }),
    v.strictObject({ op: v.literal('cache.delete'), key, as: v.optional(name) }),
    v.strictObject({
      op: v.literal('cache.deleteMany'),
      keys: v.pipe(v.array(key), v.maxLength(100)),
    }),
    v.strictObject({ op: v.literal('cache.touch'), key, timeout, as: v.optional(name) }),
    v.strictObject({
      op: v.literal('cache.incr'),
      key,
      delta: v.optional(v.pipe(v.number(), v.integer())),
      as: v.optional(name),
    }),
    v.strictObject({ op: v.literal('cache.incrVersion'), key, as: v.optional(name) }),
    v.strictObject({ op: v.literal('db.get'), model: name, pk, field: name, as: v.optional(name) }),
    v.strictObject({ op: v.literal('db.save'), model: name, pk, fields: fieldExprs }),
    v.strictObject({ op: v.literal('db.update'), model: name, pk, fields: fieldExprs }),
    v.strictObject({ op: v.literal('db.delete'), model: name, pk }),
    v.strictObject({ op: v.literal('atomic.begin') }),
    v.strictObject({ op: v.literal('atomic.commit') }),
    v.strictObject({ op: v.literal('atomic.rollback') }),
    v.strictObject({
      op: v.literal('request'),
      key,
      model: name,
      pk,
      field: name,
      timeout,
      as: v.optional(name),
    }),
    v.strictObject({
      op: v.literal('clock.advance'),
      seconds: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(31_536_000)),
    }),
    v.strictObject({ op: v.literal('set.var'), name, value: valueExpr }),
    v.strictObject({ op: v.literal('onCommit'), ops: v.pipe(v.array(op), v.maxLength(50)) }),
  ]);

  const step = v.strictObject({
    action: text(200),
    cacheKey: text(300),
    result: text(500),
    narration: text(),
    ops: v.pipe(v.array(op), v.maxLength(50)),
    lines,
    stage: v.pipe(v.number(), v.integer(), v.minValue(-1)),
    actor: v.optional(v.pipe(text(40), v.minLength(1))),
    skippable: v.optional(v.boolean()),
    transcript: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    shows: v.optional(
      v.pipe(v.array(v.picklist(OUTCOME_FACTS)), v.maxLength(OUTCOME_FACTS.length)),
    ),
    display: v.optional(
      v.strictObject({ cacheBefore: v.optional(text(1000)), cacheAfter: v.optional(text(1000)) }),
    ),
  });

  const options4 = v.tuple([text(500), text(500), text(500), text(500)]);
  const setup = v.strictObject({
    models: v.record(
      name,
      v.pipe(v.array(v.strictObject({ pk, fields: v.record(name, pyValue) })), v.maxLength(100)),
    ),
    cache: v.optional(
      v.strictObject({
        timeout,
        maxEntries: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
        cullFrequency: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      }),
    ),
    receivers: v.optional(
      v.array(
        v.strictObject({
          signal: v.picklist(['post_save', 'post_delete']),
          model: name,
          ops: v.pipe(v.array(op), v.maxLength(20)),
          lines: v.optional(lines),
        }),
      ),
    ),
    bindings: v.array(v.strictObject({ key, model: name, pk, field: name })),
    vars: v.optional(v.record(name, pyValue)),
  });

  return v.strictObject({
    id: v.pipe(
      v.string(),
      v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes'),
    ),
    title: text(200),
    summary: text(500),
    group: v.picklist(['Strategies', 'Failure modes']),
    difficulty: v.picklist(['Beginner', 'Intermediate', 'Advanced']),
    flow: v.pipe(v.array(text(100)), v.minLength(1), v.maxLength(10)),
    flowCaption: text(),
    code: v.strictObject({ language: v.literal('python'), source: text(20_000), caption: text() }),
    setup,
    steps: v.pipe(v.array(step), v.minLength(1), v.maxLength(1000)),
    columns: v.pipe(
      v.array(
        v.strictObject({
          id: v.picklist([
            'step',
            'actor',
            'clock',
            'action',
            'cacheKey',
            'cacheBefore',
            'cacheAfter',
            'result',
            'queries',
          ]),
          header: text(60),
        }),
      ),
      v.minLength(1),
    ),
    tableNote: v.optional(text()),
    tracked: v.array(
      v.variant('source', [
        v.strictObject({ name, source: v.literal('cache') }),
        v.strictObject({ name, source: v.literal('var'), var: name }),
        v.strictObject({ name, source: v.literal('db'), model: name, pk, field: name }),
        v.strictObject({ name, source: v.literal('clock') }),
        v.strictObject({ name, source: v.literal('queries') }),
      ]),
    ),
    keyMoments: v.array(
      v.strictObject({
        question: text(500),
        answer: text(),
        step: v.pipe(v.number(), v.integer()),
      }),
    ),
    quiz: v.array(
      v.strictObject({
        question: text(500),
        options: options4,
        answer: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3)),
        hint: text(),
        step: v.pipe(v.number(), v.integer(), v.minValue(0)),
        explanation: text(),
        feedback: v.optional(options4),
      }),
    ),
    snapshot: v.strictObject({ title: text(200), lines: v.array(text(500)) }),
    transcript: v.array(text()),
  });
}

let lessonSchema: ReturnType<typeof buildLessonSchema> | undefined;

/** A lesson or scenario failed its schema; `message` names the step and field. */
export class LessonError extends Error {
  constructor(
    message: string,
    /** Path of the first bad field, e.g. `steps[2].ops[0].key`. */
    readonly path: string,
  ) {
    super(message);
    this.name = 'LessonError';
  }
}

function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/** Where a schema issue is, in words a learner can act on: `Step 3, field "ops[0].key"`. */
function describeWhere(path: readonly (string | number)[]): string {
  if (path[0] === 'steps' && typeof path[1] === 'number') {
    const field = formatPath(path.slice(2));
    return `Step ${path[1] + 1}${field ? `, field "${field}"` : ''}`;
  }
  return path.length ? `Field "${formatPath(path)}"` : 'The scenario';
}

/**
 * Check untrusted input against the lesson schema and return it typed, or throw a
 * `LessonError` naming the step and field of the first problem. Also checks the cross-field
 * rules the schema cannot: code lines exist, stages exist, quiz/key-moment steps exist.
 */
export function parseLesson(input: unknown): Lesson {
  lessonSchema ??= buildLessonSchema();
  const result = v.safeParse(lessonSchema, input, { abortPipeEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const path = (issue.path ?? []).map((item) => item.key as string | number);
    const expected = issue.expected ? `expected ${issue.expected}` : issue.message;
    const received = issue.received ? `, received ${issue.received}` : '';
    throw new LessonError(`${describeWhere(path)}: ${expected}${received}`, formatPath(path));
  }
  const lesson = result.output as Lesson;
  const lineCount = lesson.code.source.split('\n').length;
  lesson.steps.forEach((s, i) => {
    const bad = s.lines.find((line) => line > lineCount);
    if (bad !== undefined) {
      throw new LessonError(
        `Step ${i + 1}, field "lines": line ${bad} is past the end of the code (${lineCount} lines)`,
        `steps[${i}].lines`,
      );
    }
    if (s.stage >= lesson.flow.length) {
      throw new LessonError(
        `Step ${i + 1}, field "stage": stage ${s.stage} does not exist (${lesson.flow.length} stages)`,
        `steps[${i}].stage`,
      );
    }
  });
  const steps = lesson.steps.length;
  lesson.quiz.forEach((q, i) => {
    if (q.step > steps) {
      throw new LessonError(
        `Question ${i + 1}, field "step": step ${q.step} does not exist (${steps} steps)`,
        `quiz[${i}].step`,
      );
    }
  });
  return lesson;
}
