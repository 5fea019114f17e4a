import { create } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { createLessonSlice, type LessonSlice } from './lesson-slice';
import { createPlayerSlice, type PlayerSlice } from './player-slice';
import { createPracticeSlice, type PracticeSlice } from './practice-slice';
import { createPreferencesSlice, THEMES, type PreferencesSlice } from './preferences-slice';
import { createPresenterSlice, type PresenterSlice } from './presenter-slice';
import { createQuizSlice, type QuizSlice } from './quiz-slice';
import { sanitizeProgress, sanitizeSandboxText } from './progress';
import { createSandboxSlice, type SandboxSlice } from './sandbox-slice';
import { setSandboxLesson } from './trace-cache';

export type AppState = PlayerSlice &
  LessonSlice &
  QuizSlice &
  PreferencesSlice &
  PracticeSlice &
  SandboxSlice &
  PresenterSlice;

export const STORAGE_KEY = 'django-cache-lab:v1';
/**
 * The sandbox scenario's text has its own key, written only when it changes: it can be
 * hundreds of kilobytes, and progress is written on every step change.
 */
export const SANDBOX_STORAGE_KEY = `${STORAGE_KEY}:sandbox`;

/** What the sandbox key holds, as last read or written. */
let storedSandboxText: string | null = null;

function readSandboxText(): string | null {
  try {
    storedSandboxText = localStorage.getItem(SANDBOX_STORAGE_KEY);
  } catch {
    storedSandboxText = null;
  }
  return storedSandboxText;
}

/** Write the scenario text when it differs from the key (a cheap check: usually one string). */
function syncSandboxText(text: string | null): void {
  if (text === storedSandboxText) return;
  storedSandboxText = text;
  try {
    if (text === null) localStorage.removeItem(SANDBOX_STORAGE_KEY);
    else localStorage.setItem(SANDBOX_STORAGE_KEY, text);
  } catch {
    // Full quota or blocked storage: the scenario is just not kept this visit.
  }
}

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

/**
 * Only progress and preferences outlive a visit (and the sandbox scenario, under its own key);
 * the URL carries lesson, step and skips.
 */
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
      ...createSandboxSlice(...args),
      ...createPresenterSlice(...args),
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
        const sandbox = sanitizeSandboxText(readSandboxText());
        const { value, problems } =
          persisted === UNREADABLE
            ? {
                value: {},
                problems: [
                  `it is not valid JSON (a copy was kept under ${STORAGE_KEY}:unreadable-backup)`,
                ],
              }
            : sanitizeProgress(persisted, THEMES);
        const skipped = [...problems, ...sandbox.problems];
        const notices = skipped.length
          ? [
              ...current.notices,
              `Saved progress was partly unreadable and was skipped: ${skipped.join('; ')}.`,
            ]
          : current.notices;
        // The saved scenario goes back in the editor; it is parsed when it is asked for.
        const { sandboxText = null } = sandbox.value;
        const sandboxDraft = sandboxText ?? current.sandboxDraft;
        return { ...current, ...value, sandboxText, sandboxDraft, notices };
      },
    },
  ),
);

// Lessons are looked up outside the store (trace-cache), and the scenario text has its own
// key: keep both in step with the store, whatever changed it (an action, a rehydration, a
// test's reset).
const syncSandbox = (state: AppState): void => {
  setSandboxLesson(state.sandboxLesson);
  syncSandboxText(state.sandboxText);
};
syncSandbox(useAppStore.getState());
useAppStore.subscribe(syncSandbox);

/** The state a fresh visit starts with; tests reset the store to it. */
export const initialState = useAppStore.getState();
