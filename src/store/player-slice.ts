import type { StateCreator } from 'zustand';
import type { AppState } from './store';
import { effectiveLesson } from './trace-cache';
import { clampStep } from './clamp-step';

export const SPEEDS = [0.5, 1, 1.5, 2] as const;
export type Speed = (typeof SPEEDS)[number];

/** Autoplay pace at 1×: one step every 1.6 s (the contract allows at most 2 s). */
export const BASE_STEP_MS = 1600;

export interface PlayerSlice {
  step: number;
  isPlaying: boolean;
  speed: Speed;
  next: () => void;
  previous: () => void;
  first: () => void;
  last: () => void;
  /** Go to a step, clamped to 0..M. Stops autoplay, as any user action does. */
  goTo: (step: number) => void;
  /** Autoplay's own advance: stops at the last step. */
  tick: () => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  setSpeed: (speed: Speed) => void;
}

export const createPlayerSlice: StateCreator<AppState, [], [], PlayerSlice> = (set, get) => {
  const stepCount = (): number => {
    return effectiveLesson(get()).steps.length;
  };
  const goTo = (step: number): void => {
    // Any move of the player leaves presenter mode's closing slides for the stage.
    set({ step: clampStep(step, stepCount()), isPlaying: false, slide: 0 });
  };
  return {
    step: 0,
    isPlaying: false,
    speed: 1,
    next: () => goTo(get().step + 1),
    previous: () => goTo(get().step - 1),
    first: () => goTo(0),
    last: () => goTo(stepCount()),
    goTo,
    tick: () => {
      const { step } = get();
      const max = stepCount();
      if (step >= max) set({ isPlaying: false });
      else set({ step: step + 1, isPlaying: step + 1 < max });
    },
    play: () => {
      // Playing from the end starts over, as a media player does.
      if (get().step >= stepCount()) set({ step: 0 });
      set({ isPlaying: true });
    },
    pause: () => set({ isPlaying: false }),
    togglePlay: () => (get().isPlaying ? get().pause() : get().play()),
    setSpeed: (speed) => set({ speed: SPEEDS.includes(speed) ? speed : 1 }),
  };
};
