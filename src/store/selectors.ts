import type { Frame, Lesson, Trace } from '../engine';
import type { AppState } from './store';
import { effectiveLesson, traceFor } from './trace-cache';
import type { AnswerState } from './quiz-slice';
import { clampStep } from './clamp-step';

/** The lesson being shown, with its remedy applied when switched on. */
export const selectLesson = (state: AppState): Lesson => effectiveLesson(state);

/** The memoised trace for the lesson, remedy and what-if skips. */
export const selectTrace = (state: AppState): Trace => traceFor(state);

/** M: the number of steps (frames are 0..M). */
export const selectStepCount = (state: AppState): number => selectLesson(state).steps.length;

/** The frame for the current step. */
export const selectFrame = (state: AppState): Frame => {
  const frames = selectTrace(state).frames;
  return frames[clampStep(state.step, frames.length - 1)];
};

const NO_ANSWERS: Record<number, AnswerState> = {};
export const selectAnswers = (state: AppState): Record<number, AnswerState> =>
  state.answers[state.lessonId] ?? NO_ANSWERS;

/** Questions whose last checked answer was right. */
export const selectScore = (state: AppState): number => {
  const answers = selectAnswers(state);
  return selectLesson(state).quiz.filter((q, i) => answers[i]?.checked === q.answer).length;
};

const NO_REVEALED: number[] = [];
export const selectRevealed = (state: AppState): number[] =>
  state.revealed[state.lessonId] ?? NO_REVEALED;

const skippableByLesson = new WeakMap<Lesson, number[]>();
/** Steps that offer a "Skip step N" toggle (the same array for the same lesson). */
export const selectSkippable = (state: AppState): number[] => {
  const lesson = selectLesson(state);
  let steps = skippableByLesson.get(lesson);
  if (!steps) {
    steps = lesson.steps.flatMap((step, i) => (step.skippable ? [i + 1] : []));
    skippableByLesson.set(lesson, steps);
  }
  return steps;
};
