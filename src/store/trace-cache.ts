import { run, type Lesson, type Trace } from '../engine';
import { DEFAULT_LESSON_ID, findLesson } from '../lessons';

/** The lesson id under which the sandbox's own scenario plays in the lesson view. */
export const SANDBOX_LESSON_ID = 'sandbox';

/**
 * The sandbox scenario the learner loaded, if any. The store owns it (`sandboxLesson`) and
 * mirrors it here on every change, so this module can resolve `lessonId === 'sandbox'` without
 * importing the store (which imports this module).
 */
let sandboxLesson: Lesson | null = null;

/** Called by the store whenever its sandbox lesson changes. */
export function setSandboxLesson(lesson: Lesson | null): void {
  sandboxLesson = lesson;
}

/** The loaded sandbox scenario, or `null` when none is loaded. */
export function getSandboxLesson(): Lesson | null {
  return sandboxLesson;
}

/**
 * The lesson as it runs: with its remedy switched on, the remedy's patch replaces steps,
 * code or setup. Memoised, so the same object comes back for the same inputs. The sandbox
 * scenario has no remedy (the scenario schema has none) and is returned as it is.
 */
const effectiveLessons = new Map<string, Lesson>();
export function effectiveLesson(lessonId: string, isRemedy: boolean): Lesson {
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

/** The memoised trace for a lesson id, remedy and what-if skips. */
export function traceFor(lessonId: string, isRemedy: boolean, skip: readonly number[]): Trace {
  return traceOf(effectiveLesson(lessonId, isRemedy), skip);
}
