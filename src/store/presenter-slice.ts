import type { StateCreator } from 'zustand';
import type { AppState } from './store';
import { effectiveLesson, type LessonChoice } from './trace-cache';

/**
 * Presenter mode's slides after the last step: the key moments, then each quiz question.
 * `slide` 0 means "the stage at the current step"; 1 is the key moments, 2.. the questions.
 */
export interface PresenterSlice {
  slide: number;
  /** `B` or `.`: the screen goes black (and back). */
  isBlank: boolean;
  /** Speaker notes (the step's narration, the next step's action and a clock). */
  isNotesShown: boolean;
  /** This window is the audience window: it shows only the slide and follows the presenter. */
  isAudience: boolean;
  /** `&theme=` in the URL: overrides the stored theme for this visit only. */
  themeOverride: 'light' | 'dark' | 'contrast' | null;
  /** Next slide: the next step, then, after the last step, the key moments and questions. */
  presentNext: () => void;
  presentPrevious: () => void;
  setSlide: (slide: number) => void;
  toggleBlank: () => void;
  toggleNotes: () => void;
  setAudience: (isAudience: boolean) => void;
  setThemeOverride: (theme: PresenterSlice['themeOverride']) => void;
}

/** How many slides follow the last step: key moments (when there are any) and each question. */
export function extraSlideCount(state: LessonChoice): number {
  const lesson = effectiveLesson(state);
  return (lesson.keyMoments.length > 0 ? 1 : 0) + lesson.quiz.length;
}

/** What an extra slide shows. */
export type SlideContent = { kind: 'moments' } | { kind: 'question'; question: number };

/** The content of slide `slide` (1-based) of a lesson; `null` for the stage. */
export function slideContent(state: LessonChoice, slide: number): SlideContent | null {
  if (slide <= 0) return null;
  const lesson = effectiveLesson(state);
  const hasMoments = lesson.keyMoments.length > 0;
  if (hasMoments && slide === 1) return { kind: 'moments' };
  const question = slide - (hasMoments ? 2 : 1);
  return question >= 0 && question < lesson.quiz.length ? { kind: 'question', question } : null;
}

export const createPresenterSlice: StateCreator<AppState, [], [], PresenterSlice> = (set, get) => ({
  slide: 0,
  isBlank: false,
  isNotesShown: false,
  isAudience: false,
  themeOverride: null,
  presentNext: () => {
    const s = get();
    const stepCount = effectiveLesson(s).steps.length;
    if (s.slide === 0 && s.step < stepCount) {
      s.next();
      return;
    }
    set({ slide: Math.min(extraSlideCount(s), s.slide + 1), isPlaying: false });
  },
  presentPrevious: () => {
    const s = get();
    if (s.slide > 0) set({ slide: s.slide - 1, isPlaying: false });
    else s.previous();
  },
  setSlide: (slide) => {
    const max = extraSlideCount(get());
    const n = Number.isFinite(slide) ? Math.trunc(slide) : 0;
    set({ slide: Math.min(max, Math.max(0, n)) });
  },
  toggleBlank: () => set({ isBlank: !get().isBlank }),
  toggleNotes: () => set({ isNotesShown: !get().isNotesShown }),
  setAudience: (isAudience) => set({ isAudience }),
  setThemeOverride: (themeOverride) => set({ themeOverride }),
});
