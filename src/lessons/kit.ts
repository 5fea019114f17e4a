import type {
  KeyMoment,
  Lesson,
  LessonReceiver,
  LessonStep,
  Op,
  OutcomeFact,
  QuizQuestion,
  TrackedVar,
} from '../engine';

/*
 * The lesson kit: a lesson is written as a `LessonSpec` (names instead of indexes, sentences
 * beside their steps, remedies as per-step patches) and `defineLesson` compiles it to the
 * engine's `Lesson`. Every check names the lesson, the step and the field, so a typo fails the
 * build (the lesson tests import every lesson) instead of showing the wrong line or stage.
 */

/** Thrown by `defineLesson`: `lesson 'x', step 3, code: unknown region 'save' (known: read, miss)`. */
export class LessonKitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LessonKitError';
  }
}

/** What the lesson index, the picker and the URL need before a lesson's body is loaded. */
export interface LessonMeta {
  id: string;
  title: string;
  summary: string;
  group: Lesson['group'];
  difficulty: Lesson['difficulty'];
}

/** One answer option of a quiz question. */
export interface QuizOption {
  text: string;
  isRight: boolean;
  /** Why it is right (becomes the explanation) or why it is wrong (its feedback). */
  why: string;
}

/** The right option; `why` becomes the question's explanation. */
export const right = (text: string, why = ''): QuizOption => ({ text, isRight: true, why });

/** A wrong option and the feedback a learner who picks it reads. */
export const wrong = (text: string, why: string): QuizOption => ({ text, isRight: false, why });

export interface QuizSpec {
  question: string;
  options: [QuizOption, QuizOption, QuizOption, QuizOption];
  hint: string;
  /** Step that explains the answer (`Show me step N`), 1-based. */
  step: number;
  /** Why the right answer is right, when `right(text)` gives no `why`. */
  explanation?: string;
}

/**
 * One step as authored. Code runs are named regions of the listing, the stage is named by its
 * label, the transcript sentence sits here, and `shows` declares what the step's Result,
 * narration, stage and sentence describe: the engine's outcome facts of the step. When a
 * what-if, a remedy or a sandbox edit changes those facts, the app shows the engine's words
 * instead (see `vocabulary.ts`).
 */
export interface StepSpec {
  /** The Action column; derived from the ops when absent (`actionOf`). */
  action?: string;
  /** The Cache Key column; the first key the ops touch when absent, `-` when none. */
  cacheKey?: string;
  result: string;
  narration: string;
  /** The outcome facts the authored text describes; must equal the step's facts on its path. */
  shows: readonly OutcomeFact[];
  ops: Op[];
  /** Region names (`# [name]` markers in the listing) whose lines run in this step. */
  code: readonly string[];
  /** A `flow` label, or `null` for a step before the flow begins. */
  stage: string | null;
  actor?: string;
  skippable?: boolean;
  /** The transcript sentence this step illustrates (the same text again to share one). */
  says?: string;
  /** Transcript sentences that follow this step's sentence and illustrate no step. */
  then?: readonly string[];
  display?: LessonStep['display'];
}

export interface ReceiverSpec extends Omit<LessonReceiver, 'lines'> {
  /** Region names of the receiver's body, highlighted when it runs. */
  code?: readonly string[];
}

export interface SetupSpec extends Omit<Lesson['setup'], 'receivers'> {
  receivers?: ReceiverSpec[];
}

/** A code listing; `# [name]` / `# [a, b]` markers at line ends name regions and are not shown. */
export interface CodeSpec {
  caption: string;
  source: string;
}

export interface RemedySpec {
  label: string;
  description: string;
  /** The remedy's listing; its markers must name every region the remedy's steps use. */
  code?: CodeSpec;
  setup?: SetupSpec;
  /** Per-step patches by step number (1-based); unlisted steps run as in the lesson. */
  steps: Record<number, Partial<StepSpec>>;
}

export interface LessonSpec {
  meta: LessonMeta;
  flow: string[];
  flowCaption: string;
  code: CodeSpec;
  setup: SetupSpec;
  /** Transcript sentences before the first step's. */
  intro?: readonly string[];
  steps: StepSpec[];
  columns: Lesson['columns'];
  tableNote?: string;
  tracked: TrackedVar[];
  keyMoments: KeyMoment[];
  quiz: QuizSpec[];
  snapshot: Lesson['snapshot'];
  remedy?: RemedySpec;
}

/* ------------------------------------------------------------------ regions */

const MARKER = /\s*#\s\[([\w-]+(?:,\s*[\w-]+)*)\]\s*$/;

/** A listing with its markers stripped, and the 1-based lines of each region. */
export interface Listing {
  source: string;
  regions: ReadonlyMap<string, readonly number[]>;
}

/** Strip the `# [name]` markers off a listing and index the lines each region covers. */
export function parseListing(source: string): Listing {
  const regions = new Map<string, number[]>();
  const lines = source.split('\n').map((line, i) => {
    const match = MARKER.exec(line);
    if (!match) return line;
    for (const name of match[1].split(',').map((n) => n.trim())) {
      const list = regions.get(name) ?? [];
      list.push(i + 1);
      regions.set(name, list);
    }
    return line.slice(0, match.index);
  });
  return { source: lines.join('\n'), regions };
}

/* ------------------------------------------------------------------ defaults */

/** Every key template an op list touches, in order (on_commit callbacks included). */
function keysOf(ops: readonly Op[]): string[] {
  return ops.flatMap((op): string[] => {
    if (op.op === 'onCommit') return keysOf(op.ops);
    if (op.op === 'cache.deleteMany') return op.keys;
    return 'key' in op ? [op.key] : [];
  });
}

/** The Cache Key column a step shows when it names none: the first key its ops touch. */
export function cacheKeyOf(ops: readonly Op[]): string {
  return keysOf(ops)[0] ?? '-';
}

const ACTION_OF_OP: Partial<Record<Op['op'], (op: Op) => string>> = {
  request: () => 'Request reads through the cache',
  'cache.get': () => 'Read the cache',
  'cache.set': () => 'Set the cache',
  'cache.add': () => 'Add to the cache',
  'cache.delete': () => 'Delete the cache key',
  'cache.deleteMany': () => 'Delete the cache keys',
  'cache.touch': () => 'Touch the cache key',
  'cache.incr': () => 'Increment the counter',
  'cache.incrVersion': () => 'Bump the key version',
  'db.get': () => 'Read the row',
  'db.save': () => 'Save the row',
  'db.update': () => 'Update the row with QuerySet.update()',
  'db.delete': () => 'Delete the row',
  'atomic.begin': () => 'Enter transaction.atomic()',
  'atomic.commit': () => 'Commit the transaction',
  'atomic.rollback': () => 'Roll the transaction back',
  onCommit: () => 'Register an on_commit callback',
  'clock.advance': (op) => (op.op === 'clock.advance' ? `Time passes: ${op.seconds} s` : ''),
};

/** The Action column a step shows when it names none: what its main operation does. */
export function actionOf(ops: readonly Op[]): string {
  const main = ops.find((op) => op.op !== 'clock.advance' && op.op !== 'set.var') ?? ops[0];
  if (!main) return 'Nothing runs';
  return ACTION_OF_OP[main.op]?.(main) ?? main.op;
}

/* ------------------------------------------------------------------ compile */

interface Where {
  lesson: string;
  part: string;
}

function fail(where: Where, message: string): never {
  throw new LessonKitError(`lesson '${where.lesson}', ${where.part}: ${message}`);
}

function linesOf(listing: Listing, names: readonly string[], where: Where): number[] {
  const lines = new Set<number>();
  for (const name of names) {
    const region = listing.regions.get(name);
    if (!region) {
      const known = [...listing.regions.keys()].join(', ') || 'none';
      fail(where, `unknown region '${name}' (known: ${known})`);
    }
    for (const line of region) lines.add(line);
  }
  return [...lines].sort((a, b) => a - b);
}

function compileSetup(spec: SetupSpec, listing: Listing, lesson: string): Lesson['setup'] {
  const { receivers, ...rest } = spec;
  if (!receivers) return { ...rest };
  return {
    ...rest,
    receivers: receivers.map(({ code, ...receiver }, i) => ({
      ...receiver,
      ...(code
        ? { lines: linesOf(listing, code, { lesson, part: `receiver ${i + 1}, code` }) }
        : {}),
    })),
  };
}

function compileSteps(
  steps: readonly StepSpec[],
  spec: LessonSpec,
  listing: Listing,
  transcript: readonly string[],
  label: string,
): LessonStep[] {
  const lesson = spec.meta.id;
  return steps.map((step, i) => {
    const part = (field: string): Where => ({ lesson, part: `${label}step ${i + 1}, ${field}` });
    let stage = -1;
    if (step.stage !== null) {
      stage = spec.flow.indexOf(step.stage);
      if (stage < 0) fail(part('stage'), `'${step.stage}' is not a flow stage`);
    }
    let sentence: number | undefined;
    if (step.says !== undefined) {
      sentence = transcript.indexOf(step.says);
      if (sentence < 0) fail(part('says'), `'${step.says}' is not a transcript sentence`);
    }
    if (step.result.trim() === '') fail(part('result'), 'is empty');
    if (step.narration.trim() === '') fail(part('narration'), 'is empty');
    if (new Set(step.shows).size !== step.shows.length) fail(part('shows'), 'repeats a fact');
    const compiled: LessonStep = {
      action: step.action ?? actionOf(step.ops),
      cacheKey: step.cacheKey ?? cacheKeyOf(step.ops),
      result: step.result,
      narration: step.narration,
      ops: step.ops,
      lines: linesOf(listing, step.code, part('code')),
      stage,
      shows: [...step.shows],
    };
    if (step.actor !== undefined) compiled.actor = step.actor;
    if (step.skippable) compiled.skippable = true;
    if (sentence !== undefined) compiled.transcript = sentence;
    if (step.display) compiled.display = step.display;
    return compiled;
  });
}

function compileQuiz(quiz: readonly QuizSpec[], lesson: string, stepCount: number): QuizQuestion[] {
  return quiz.map((q, i) => {
    const where = (field: string): Where => ({ lesson, part: `quiz ${i + 1}, ${field}` });
    if (q.options.length !== 4) fail(where('options'), 'needs exactly 4 options');
    const rights = q.options.flatMap((o, k) => (o.isRight ? [k] : []));
    if (rights.length !== 1)
      fail(where('options'), `needs one right() option, has ${rights.length}`);
    if (new Set(q.options.map((o) => o.text)).size !== 4)
      fail(where('options'), 'repeats an option');
    const answer = rights[0];
    q.options.forEach((o, k) => {
      if (!o.isRight && o.why.trim() === '') fail(where(`option ${k + 1}`), 'wrong() needs a why');
    });
    const explanation = q.options[answer].why || q.explanation;
    if (!explanation) fail(where('explanation'), 'give right(text, why) or an explanation');
    if (!Number.isInteger(q.step) || q.step < 1 || q.step > stepCount)
      fail(where('step'), `${q.step} is not a step (1..${stepCount})`);
    const texts = q.options.map((o) => o.text) as QuizQuestion['options'];
    const feedback = q.options.map((o) => (o.isRight ? '' : o.why)) as QuizQuestion['options'];
    return {
      question: q.question,
      options: texts,
      answer,
      hint: q.hint,
      step: q.step,
      explanation,
      feedback,
    };
  });
}

/** The transcript: the intro, then each step's sentence (once) followed by its `then` sentences. */
function transcriptOf(spec: LessonSpec): string[] {
  const out: string[] = [...(spec.intro ?? [])];
  const add = (sentence: string): void => {
    if (!out.includes(sentence)) out.push(sentence);
  };
  for (const step of spec.steps) {
    if (step.says !== undefined) add(step.says);
    for (const sentence of step.then ?? []) add(sentence);
  }
  return out;
}

function checkSteps(spec: LessonSpec): void {
  const lesson = spec.meta.id;
  for (const [k, moment] of spec.keyMoments.entries()) {
    if (!Number.isInteger(moment.step) || moment.step < 1 || moment.step > spec.steps.length)
      fail({ lesson, part: `key moment ${k + 1}, step` }, `${moment.step} is not a step`);
  }
  if (new Set(spec.flow).size !== spec.flow.length)
    fail({ lesson, part: 'flow' }, 'repeats a stage label');
}

/** Compile a lesson spec to the engine's `Lesson`, checking every name and index on the way. */
export function defineLesson(spec: LessonSpec): Lesson {
  const lesson = spec.meta.id;
  checkSteps(spec);
  const listing = parseListing(spec.code.source);
  const transcript = transcriptOf(spec);
  const compiled: Lesson = {
    ...spec.meta,
    flow: spec.flow,
    flowCaption: spec.flowCaption,
    code: { language: 'python', source: listing.source, caption: spec.code.caption },
    setup: compileSetup(spec.setup, listing, lesson),
    steps: compileSteps(spec.steps, spec, listing, transcript, ''),
    columns: spec.columns,
    tracked: spec.tracked,
    keyMoments: spec.keyMoments,
    quiz: compileQuiz(spec.quiz, lesson, spec.steps.length),
    snapshot: spec.snapshot,
    transcript,
  };
  if (spec.tableNote !== undefined) compiled.tableNote = spec.tableNote;
  if (spec.remedy) compiled.remedy = compileRemedy(spec, spec.remedy, listing, transcript);
  return compiled;
}

function compileRemedy(
  spec: LessonSpec,
  remedy: RemedySpec,
  mainListing: Listing,
  transcript: readonly string[],
): NonNullable<Lesson['remedy']> {
  const lesson = spec.meta.id;
  for (const key of Object.keys(remedy.steps)) {
    const n = Number(key);
    if (!Number.isInteger(n) || n < 1 || n > spec.steps.length)
      fail({ lesson, part: `remedy, steps` }, `${key} is not a step (1..${spec.steps.length})`);
  }
  const listing = remedy.code ? parseListing(remedy.code.source) : mainListing;
  const steps = spec.steps.map((step, i) => ({ ...step, ...remedy.steps[i + 1] }));
  const patch: NonNullable<Lesson['remedy']>['patch'] = {
    steps: compileSteps(steps, spec, listing, transcript, 'remedy '),
  };
  if (remedy.code)
    patch.code = { language: 'python', source: listing.source, caption: remedy.code.caption };
  if (remedy.setup) patch.setup = compileSetup(remedy.setup, listing, lesson);
  return { label: remedy.label, description: remedy.description, patch };
}

/* ------------------------------------------------------------------ shared pieces */
