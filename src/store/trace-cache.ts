import { run, type Lesson, type Trace } from '../engine';
import { DEFAULT_LESSON_ID, findLesson } from '../lessons';

/**
 * The lesson as it runs: with its remedy switched on, the remedy's patch replaces steps,
 * code or setup. Memoised, so the same object comes back for the same inputs.
 */
const effectiveLessons = new Map<string, Lesson>();
export function effectiveLesson(lessonId: string, isRemedy: boolean): Lesson {
  const memoKey = `${lessonId}|${isRemedy}`;
  const memo = effectiveLessons.get(memoKey);
  if (memo) return memo;
  const base = findLesson(lessonId) ?? findLesson(DEFAULT_LESSON_ID);
  if (!base) throw new Error('The default lesson is missing');
  const lesson = isRemedy && base.remedy ? { ...base, ...base.remedy.patch } : base;
  effectiveLessons.set(memoKey, lesson);
  return lesson;
}

/**
 * Computing a trace is the only expensive thing the app does, so it happens once per
 * (lesson, remedy, what-if skips) and stepping is just an index into the frames.
 */
const traces = new Map<string, Trace>();
export function traceFor(lessonId: string, isRemedy: boolean, skip: readonly number[]): Trace {
  const memoKey = `${lessonId}|${isRemedy}|${skip.join(',')}`;
  const memo = traces.get(memoKey);
  if (memo) return memo;
  const trace = run(effectiveLesson(lessonId, isRemedy), { skip });
  traces.set(memoKey, trace);
  return trace;
}
