import { shownStep, type ShownStep } from '../lessons/vocabulary';
import { selectLesson, selectTrace } from './selectors';
import type { AppState } from './store';

/**
 * What the panels show for the current step: the author's Result, narration, stage and
 * sentence while they describe the run, the engine's words when a what-if, a remedy or a
 * sandbox edit changed the step's outcome. The same object for the same step.
 */
export const selectShownStep = (state: AppState): ShownStep => {
  const trace = selectTrace(state);
  return shownStep(selectLesson(state), trace, Math.min(state.step, trace.frames.length - 1));
};
