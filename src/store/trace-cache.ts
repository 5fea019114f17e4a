import { run, type Lesson, type Trace } from '../engine';
import { DEFAULT_LESSON_ID, findLesson } from '../lessons';

/** The lesson id under which the sandbox's own scenario plays in the lesson view. */
export const SANDBOX_LESSON_ID = 'sandbox';

/** Which lesson is on screen: what the store holds (`AppState` is one). */
export interface LessonChoice {
  lessonId: string;
  isRemedy: boolean;
  /** The sandbox scenario the learner loaded (plays under {@link SANDBOX_LESSON_ID}). */
  sandboxLesson: Lesson | null;
}

/**
 * The lesson as it runs: with its remedy switched on, the remedy's patch replaces steps,
 * code or setup. Memoised (a pure function of the immutable catalog), so the same object comes
 * back for the same inputs. The sandbox
 * scenario has no remedy (the scenario schema has none) and is returned as it is.
 */
const effectiveLessons = new Map<string, Lesson>();
export function effectiveLesson({ lessonId, isRemedy, sandboxLesson }: LessonChoice): Lesson {
  if (lessonId === SANDBOX_LESSON_ID && sandboxLesson) return sandboxLesson;
  const memoKey = `${lessonId}|${isRemedy}`;
  const memo = effectiveLessons.get(memoKey);
  if (memo) return memo;
  const base = findLesson(lessonId) ?? findLesson(DEFAULT_LESSON_ID);
  if (!base) throw new Error('The default lesson is missing');
  const lesson = isRemedy && base.remedy ? { ...base, ...base.remedy.patch } : base;
  // Unknown ids (the sandbox before a scenario is loaded) are not memoised under their id.
  if (base.id === lessonId) effectiveLessons.set(memoKey, lesson);
  return lesson;
}

/**
 * Computing a trace is the only expensive thing the app does, so it happens once per
 * (lesson object, what-if skips) and stepping is just an index into the frames. Keyed by the
 * lesson object, so a replaced sandbox scenario never gets its predecessor's trace, and a
 * dropped one is garbage-collected with its traces.
 */
const traces = new WeakMap<Lesson, Map<string, Trace>>();
export function traceOf(lesson: Lesson, skip: readonly number[]): Trace {
  let byLesson = traces.get(lesson);
  if (!byLesson) {
    byLesson = new Map();
    traces.set(lesson, byLesson);
  }
  const memoKey = skip.join(',');
  const memo = byLesson.get(memoKey);
  if (memo) return memo;
  const trace = run(lesson, { skip });
  byLesson.set(memoKey, trace);
  return trace;
}

/**
 * Take `trace` as the engine's run of `lesson` with no skips: the trace the build computed for
 * the prerendered first view (first-trace.ts), so hydrating it does not run the engine.
 */
export function adoptTrace(lesson: Lesson, trace: Trace): void {
  let byLesson = traces.get(lesson);
  if (!byLesson) {
    byLesson = new Map();
    traces.set(lesson, byLesson);
  }
  if (!byLesson.has('')) byLesson.set('', trace);
}

/** The memoised trace for the lesson on screen and its what-if skips. */
export function traceFor(choice: LessonChoice & { skip: readonly number[] }): Trace {
  return traceOf(effectiveLesson(choice), choice.skip);
}
