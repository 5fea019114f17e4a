import { selectTrace } from '../../store/selectors';
import type { AppState } from '../../store/store';
import type { Frame } from '../../engine';
import { clampStep } from '../../store/clamp-step';

/**
 * The frame before the current one, or `null` at the start. The panels compare the two to
 * animate what this step changed; it is the same object for the same step, so it is a stable
 * selector result.
 */
export const selectPreviousFrame = (state: AppState): Frame | null => {
  const frames = selectTrace(state).frames;
  const index = clampStep(state.step, frames.length - 1);
  return index > 0 ? frames[index - 1] : null;
};

/** All frames of the current trace (the same array while the trace is unchanged). */
export const selectFrames = (state: AppState): readonly Frame[] => selectTrace(state).frames;
