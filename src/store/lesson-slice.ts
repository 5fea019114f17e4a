import type { StateCreator } from 'zustand';
import { DEFAULT_LESSON_ID, findLesson, isLessonId, loadAllLessons } from '../lessons';
import type { AppState } from './store';
import type { StoredCopy } from './storage';
import { effectiveLesson, SANDBOX_LESSON_ID } from './trace-cache';
import type { UrlState } from './url-state';

export interface LessonSlice {
  view: UrlState['view'];
  lessonId: string;
  /** What-if: steps that do not run. */
  skip: number[];
  /** Failure lessons: replay with the remedy switched on. */
  isRemedy: boolean;
  isEmbedded: boolean;
  /** False until the URL has been read (and the lesson it names loaded). */
  isReady: boolean;
  /** Plain-text notices about bad input (URL, imports, stored progress). */
  notices: string[];
  /** Stored values that could not be used, kept for the learner to download. */
  storedCopies: StoredCopy[];
  openLesson: (lessonId: string) => void;
  setView: (view: UrlState['view']) => void;
  toggleSkip: (step: number) => void;
  clearSkip: () => void;
  toggleRemedy: () => void;
  dismissNotice: (index: number) => void;
  addNotice: (notice: string) => void;
  addStoredCopy: (copy: StoredCopy) => void;
  dismissStoredCopy: (index: number) => void;
  /** Apply a parsed URL in one update. */
  applyUrl: (url: UrlState) => void;
}

export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set, get) => ({
  view: 'lesson',
  lessonId: DEFAULT_LESSON_ID,
  skip: [],
  isRemedy: false,
  isEmbedded: false,
  // The bare address is the default lesson at step 0 from the first render (the build
  // prerenders exactly that); any other address waits until useUrlSync has read it.
  isReady: typeof window === 'undefined' || window.location.search.length <= 1,
  notices: [],
  storedCopies: [],
  openLesson: (lessonId) => {
    // The sandbox scenario, once loaded; before that, "sandbox" is an unknown lesson.
    if (lessonId === SANDBOX_LESSON_ID && get().sandboxLesson) {
      get().openSandbox();
      return;
    }
    const lesson = findLesson(lessonId);
    if (!lesson && isLessonId(lessonId)) {
      // Lesson bodies load on demand; open it as soon as its chunk arrives.
      loadAllLessons().then(
        () => get().openLesson(lessonId),
        () =>
          get().addNotice(
            `The lesson "${lessonId}" could not be loaded. Check your connection and try again.`,
          ),
      );
      return;
    }
    if (!lesson) {
      get().addNotice(`Unknown lesson "${lessonId.slice(0, 40)}".`);
      return;
    }
    set({
      view: 'lesson',
      lessonId: lesson.id,
      step: 0,
      skip: [],
      isRemedy: false,
      isPlaying: false,
      slide: 0,
    });
  },
  setView: (view) => set({ view, isPlaying: false }),
  toggleSkip: (step) => {
    const { skip } = get();
    const lesson = effectiveLesson(get());
    if (!lesson.steps[step - 1]?.skippable) return;
    const next = skip.includes(step) ? skip.filter((n) => n !== step) : [...skip, step];
    set({ skip: next.sort((a, b) => a - b), isPlaying: false });
  },
  clearSkip: () => set({ skip: [] }),
  toggleRemedy: () => {
    const lesson = findLesson(get().lessonId);
    if (!lesson?.remedy) return;
    set({ isRemedy: !get().isRemedy, skip: [], isPlaying: false });
  },
  dismissNotice: (index) => set({ notices: get().notices.filter((_, i) => i !== index) }),
  addNotice: (notice) => set({ notices: [...get().notices, notice] }),
  addStoredCopy: (copy) => set({ storedCopies: [...get().storedCopies, copy] }),
  dismissStoredCopy: (index) =>
    set({ storedCopies: get().storedCopies.filter((_, i) => i !== index) }),
  applyUrl: (url) =>
    set({
      view: url.view,
      lessonId: url.lessonId,
      step: url.step,
      skip: url.skip,
      isRemedy: url.isRemedy,
      isPresenting: url.isPresenting,
      isEmbedded: url.isEmbedded,
      isAudience: url.isAudience,
      themeOverride: url.themeOverride,
      // Appended: notices from stored progress (read before the URL) must stay on screen.
      notices: [...get().notices, ...url.notices.filter((n) => !get().notices.includes(n))],
      isPlaying: false,
      isReady: true,
    }),
});
