import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createLessonSlice, type LessonSlice } from './lesson-slice';
import { createPlayerSlice, type PlayerSlice } from './player-slice';
import { createPreferencesSlice, THEMES, type PreferencesSlice } from './preferences-slice';
import { createQuizSlice, type QuizSlice } from './quiz-slice';
import { sanitizeProgress } from './progress';

export type AppState = PlayerSlice & LessonSlice & QuizSlice & PreferencesSlice;

export const STORAGE_KEY = 'django-cache-lab:v1';

/** Only progress and preferences outlive a visit; the URL carries lesson, step and skips. */
type Persisted = Pick<AppState, 'answers' | 'theme' | 'speed' | 'isShowingAllSteps'>;

export const useAppStore = create<AppState>()(
  persist(
    (...args) => ({
      ...createPlayerSlice(...args),
      ...createLessonSlice(...args),
      ...createQuizSlice(...args),
      ...createPreferencesSlice(...args),
    }),
    {
      name: STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state): Persisted => ({
        answers: state.answers,
        theme: state.theme,
        speed: state.speed,
        isShowingAllSteps: state.isShowingAllSteps,
      }),
      // Stored progress is untrusted: keep what is valid, say what was dropped, never crash.
      merge: (persisted, current) => {
        const { value, problems } = sanitizeProgress(persisted, THEMES);
        const notices = problems.length
          ? [...current.notices, `Saved progress was partly unreadable and was skipped: ${problems.join('; ')}.`]
          : current.notices;
        return { ...current, ...value, notices };
      },
    },
  ),
);

/** The state a fresh visit starts with; tests reset the store to it. */
export const initialState = useAppStore.getState();
