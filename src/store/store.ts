import { create } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { createLessonSlice, type LessonSlice } from './lesson-slice';
import { createPlayerSlice, type PlayerSlice } from './player-slice';
import { createPracticeSlice, type PracticeSlice } from './practice-slice';
import { createPreferencesSlice, THEMES, type PreferencesSlice } from './preferences-slice';
import { createQuizSlice, type QuizSlice } from './quiz-slice';
import { sanitizeProgress } from './progress';

export type AppState = PlayerSlice & LessonSlice & QuizSlice & PreferencesSlice & PracticeSlice;

export const STORAGE_KEY = 'django-cache-lab:v1';

/** Marks stored text that is not JSON, so `merge` can say so instead of failing silently. */
const UNREADABLE = '__unreadable__';

/**
 * localStorage as persist storage. Corrupt JSON or a blocked storage never throws: the app
 * starts fresh, copies the corrupt text to a backup key, and shows a notice.
 */
const progressStorage: PersistStorage<unknown> = {
  getItem: (name) => {
    let raw: string | null;
    try {
      raw = localStorage.getItem(name);
    } catch {
      return null;
    }
    if (raw === null) return null;
    try {
      const parsed = JSON.parse(raw) as StorageValue<unknown>;
      if (typeof parsed === 'object' && parsed !== null && 'state' in parsed) return parsed;
    } catch {
      // Falls through to the backup below.
    }
    try {
      // Keep the unreadable text beside the fresh progress, so nothing is lost.
      localStorage.setItem(`${name}:unreadable-backup`, raw);
    } catch {
      // Storage full or blocked: the notice still tells the learner.
    }
    return { state: UNREADABLE, version: 1 };
  },
  setItem: (name, value) => {
    try {
      localStorage.setItem(name, JSON.stringify(value));
    } catch {
      // Private mode or a full quota: progress just is not kept this visit.
    }
  },
  removeItem: (name) => {
    try {
      localStorage.removeItem(name);
    } catch {
      // Nothing to do when storage is blocked.
    }
  },
};

/** Only progress and preferences outlive a visit; the URL carries lesson, step and skips. */
type Persisted = Pick<
  AppState,
  | 'answers'
  | 'theme'
  | 'speed'
  | 'isShowingAllSteps'
  | 'practiceSeed'
  | 'practiceCursor'
  | 'practiceHistory'
>;

export const useAppStore = create<AppState>()(
  persist(
    (...args) => ({
      ...createPlayerSlice(...args),
      ...createLessonSlice(...args),
      ...createQuizSlice(...args),
      ...createPreferencesSlice(...args),
      ...createPracticeSlice(...args),
    }),
    {
      name: STORAGE_KEY,
      version: 1,
      storage: progressStorage as PersistStorage<Persisted>,
      partialize: (state): Persisted => ({
        answers: state.answers,
        theme: state.theme,
        speed: state.speed,
        isShowingAllSteps: state.isShowingAllSteps,
        practiceSeed: state.practiceSeed,
        practiceCursor: state.practiceCursor,
        practiceHistory: state.practiceHistory,
      }),
      // Stored progress is untrusted: keep what is valid, say what was dropped, never crash.
      merge: (persisted, current) => {
        const { value, problems } =
          persisted === UNREADABLE
            ? {
                value: {},
                problems: [
                  `it is not valid JSON (a copy was kept under ${STORAGE_KEY}:unreadable-backup)`,
                ],
              }
            : sanitizeProgress(persisted, THEMES);
        const notices = problems.length
          ? [
              ...current.notices,
              `Saved progress was partly unreadable and was skipped: ${problems.join('; ')}.`,
            ]
          : current.notices;
        return { ...current, ...value, notices };
      },
    },
  ),
);

/** The state a fresh visit starts with; tests reset the store to it. */
export const initialState = useAppStore.getState();
