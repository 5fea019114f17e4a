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

  // A dict is an object, never a list: `v.record` alone would take a list as a dict.
  const dict = <T extends v.GenericSchema>(keys: v.GenericSchema<string>, values: T) =>
    v.pipe(
      v.custom<Record<string, unknown>>(
        (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
        'an object',
      ),
      v.record(keys, values),
    );

  type PyJson = null | boolean | number | string | PyJson[] | { [key: string]: PyJson };
  const pyValue: v.GenericSchema<unknown, PyJson> = v.lazy(() =>
    v.union([
      v.null(),
      v.boolean(),
      v.pipe(v.number(), v.finite()),
      text(10_000),
      v.pipe(v.array(pyValue), v.maxLength(1000)),
      dict(text(250), pyValue),
    ]),
  );

  const valueExpr = v.union([v.strictObject({ literal: pyValue }), v.strictObject({ var: name })]);
  const fieldExprs = dict(name, valueExpr);
  const key = text(1000);
  // A binding key becomes a pattern: each `{…}` must be a Python name, used once.
  const bindingKey = v.pipe(
    key,
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const problem = bindingKeyProblem(dataset.value);
      if (problem) addIssue({ message: problem });
    }),
  );

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
    models: dict(
      name,
      v.pipe(v.array(v.strictObject({ pk, fields: dict(name, pyValue) })), v.maxLength(100)),
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
    bindings: v.pipe(
      v.array(v.strictObject({ key: bindingKey, model: name, pk, field: name })),
      v.maxLength(100),
    ),
    vars: v.optional(dict(name, pyValue)),
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
        step: v.pipe(v.number(), v.integer(), v.minValue(0)),
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

/** Why a binding key cannot be a pattern (a bad or repeated placeholder), or `null`. */
export function bindingKeyProblem(key: string): string | null {
  const seen = new Set<string>();
  for (const match of key.matchAll(/\{([^{}]*)\}/g)) {
    const inner = match[1];
    if (!/^[A-Za-z_]\w{0,63}$/.test(inner)) {
      return `placeholder ${quoteValue(match[0])} is not a Python name (write {pk}, {name}…)`;
    }
    if (seen.has(inner)) return `placeholder {${inner}} is used twice; each name once`;
    seen.add(inner);
  }
  return null;
}

/** How much of a bad value a message quotes, at most. */
export const QUOTE_LIMIT = 60;

/** Untrusted text shortened for a message: at most {@link QUOTE_LIMIT} characters, quoted. */
export function quoteValue(value: string): string {
  const chars = [...value.slice(0, QUOTE_LIMIT + 1)];
  return chars.length > QUOTE_LIMIT
    ? `"${chars.slice(0, QUOTE_LIMIT - 1).join('')}…"`
    : `"${value}"`;
}

/** Lists longer than this are refused anywhere in a scenario (steps, items of a value). */
export const MAX_LIST_LENGTH = 1000;
/** Nesting deeper than this is refused, before the schema (whose checks recurse) sees it. */
export const MAX_DEPTH = 32;

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

/** Keys are untrusted too: long ones are cut, and so is a path too long to read. */
function formatPath(path: readonly (string | number)[]): string {
  const cut = (part: string): string => (part.length > 40 ? `${part.slice(0, 39)}…` : part);
  const text = path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : i === 0 ? cut(part) : `.${cut(part)}`,
    )
    .join('');
  return text.length > 160 ? `${text.slice(0, 80)}…${text.slice(-79)}` : text;
}

/**
 * Depth and size limits, checked without recursion before the schema (which recurses and
 * would overflow the stack on a 3,000-deep literal): the path of the first node that is
 * nested too deep or is a list too long, and why; or `null`.
 */
function limitProblem(input: unknown): { path: (string | number)[]; problem: string } | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_DEPTH) {
      return { path, problem: `nested more than ${MAX_DEPTH} levels deep` };
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST_LENGTH) {
        return {
          path,
          problem: `a list of ${value.length} items; at most ${MAX_LIST_LENGTH} are allowed`,
        };
      }
      for (let i = value.length - 1; i >= 0; i -= 1)
        stack.push({ value: value[i], path: [...path, i] });
    } else {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i -= 1)
        stack.push({ value: entries[i][1], path: [...path, entries[i][0]] });
    }
  }
  return null;
}

/** valibot's `received` quotes the whole bad value: keep a short, quoted head of it. */
function shortReceived(received: string): string {
  if (received.length <= QUOTE_LIMIT + 2) return received;
  const isQuoted = received.startsWith('"') && received.endsWith('"');
  return isQuoted ? quoteValue(received.slice(1, -1)) : `${received.slice(0, QUOTE_LIMIT - 1)}…`;
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
  const limit = limitProblem(input);
  if (limit) {
    throw new LessonError(`${describeWhere(limit.path)}: ${limit.problem}`, formatPath(limit.path));
  }
  lessonSchema ??= buildLessonSchema();
  const result = v.safeParse(lessonSchema, input, { abortPipeEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const path = (issue.path ?? []).map((item) => item.key as string | number);
    // A missing key: valibot expects the key's name and "receives" undefined.
    const isMissing = issue.received === 'undefined';
    const expected = isMissing
      ? 'this field is required but missing'
      : issue.expected
        ? `expected ${shortReceived(issue.expected)}`
        : shortReceived(issue.message);
    const received =
      issue.received && !isMissing ? `, received ${shortReceived(issue.received)}` : '';
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
  lesson.keyMoments.forEach((moment, i) => {
    if (moment.step > steps) {
      throw new LessonError(
        `Key moment ${i + 1}, field "step": step ${moment.step} does not exist (${steps} steps)`,
        `keyMoments[${i}].step`,
      );
    }
  });
  lesson.steps.forEach((s, i) => {
    if (s.transcript !== undefined && s.transcript >= lesson.transcript.length) {
      throw new LessonError(
        `Step ${i + 1}, field "transcript": sentence ${s.transcript} does not exist (${lesson.transcript.length} sentences)`,
        `steps[${i}].transcript`,
      );
    }
  });
  return lesson;
}
