import { create, type StoreApi } from 'zustand';
import { devtools, persist, type PersistStorage } from 'zustand/middleware';
import { createLessonSlice, type LessonSlice } from './lesson-slice';
import { createPlayerSlice, type PlayerSlice } from './player-slice';
import { createPracticeSlice, type PracticeSlice } from './practice-slice';
import { createPreferencesSlice, THEMES, type PreferencesSlice } from './preferences-slice';
import { createPresenterSlice, type PresenterSlice } from './presenter-slice';
import { createQuizSlice, type QuizSlice } from './quiz-slice';
import { hydrationNotices, sanitizeProgress, sanitizeSandboxText } from './progress';
import { createSandboxSlice, type SandboxSlice } from './sandbox-slice';
import type { UrlState } from './url-state';
import {
  PROGRESS_VERSION,
  progressStorage,
  readSandbox,
  setAsideSandbox,
  STORAGE_KEY,
  takeProgressReport,
  writeSandbox,
  type StoredCopy,
} from './storage';

export type AppState = PlayerSlice &
  LessonSlice &
  QuizSlice &
  PreferencesSlice &
  PracticeSlice &
  SandboxSlice &
  PresenterSlice;

export { SANDBOX_STORAGE_KEY, STORAGE_KEY } from './storage';
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

/**
 * Redux DevTools in development only: in a production build `import.meta.env.DEV` is `false`,
 * so this is the identity and the middleware is left out of the bundle.
 */
const withDevtools = (
  import.meta.env.DEV ? devtools : (initializer: unknown) => initializer
) as typeof devtools;

/** The store's own api: the one zustand's hook reads its snapshots from (see `startAt`). */
let storeApi: StoreApi<AppState> | null = null;

export const useAppStore = create<AppState>()(
  withDevtools(
    persist(
      (...args) => {
        storeApi = args[2];
        return {
          ...createPlayerSlice(...args),
          ...createLessonSlice(...args),
          ...createQuizSlice(...args),
          ...createPreferencesSlice(...args),
          ...createPracticeSlice(...args),
          ...createSandboxSlice(...args),
          ...createPresenterSlice(...args),
        };
      },
      {
        name: STORAGE_KEY,
        version: PROGRESS_VERSION,
        storage: progressStorage as unknown as PersistStorage<Persisted>,
        partialize: (state): Persisted => ({
          answers: state.answers,
          theme: state.theme,
          speed: state.speed,
          isShowingAllSteps: state.isShowingAllSteps,
          practiceSeed: state.practiceSeed,
          practiceCursor: state.practiceCursor,
          practiceHistory: state.practiceHistory,
        }),
        // Stored progress is untrusted: keep what is valid, say what was set aside, never crash.
        merge: (persisted, current) => {
          const { report, groupProblems, setAside } = takeProgressReport();
          const checked = sanitizeProgress(persisted, THEMES);
          const isNewer = report?.kind === 'newer';
          const problems = [...groupProblems, ...checked.problems];
          const copies: StoredCopy[] = [];
          if (report?.kind === 'unreadable') copies.push(report.copy);
          // Some fields are dropped: the whole original is backed up before anything is written.
          let progressCopy: StoredCopy | null = null;
          if (problems.length && !isNewer) {
            progressCopy = setAside();
            if (progressCopy) copies.push(progressCopy);
          }
          const sandbox = readSandbox();
          const shape = sanitizeSandboxText(sandbox.text);
          let sandboxCopy: StoredCopy | null = null;
          if (shape.problems.length) {
            sandboxCopy = setAsideSandbox();
            if (sandboxCopy) copies.push(sandboxCopy);
          }
          const notices = hydrationNotices({
            report,
            problems: isNewer ? [] : problems,
            progressCopy,
            sandboxCopy,
            sandboxNewerVersion: sandbox.newerVersion,
          });
          // The saved scenario goes back in the editor; it is parsed when it is asked for.
          const { sandboxText = null } = shape.value;
          const sandboxDraft = sandboxText ?? current.sandboxDraft;
          return {
            ...current,
            ...checked.value,
            sandboxText,
            sandboxDraft,
            notices: [...current.notices, ...notices],
            storedCopies: [...current.storedCopies, ...copies],
          };
        },
      },
    ),
    { name: 'Django Cache Lab' },
  ),
);

// The scenario text has its own storage key: keep it in step with the store, whatever changed
// it (an action, a rehydration, a test's reset).
const syncSandbox = (state: AppState): void => {
  writeSandbox(state.sandboxText);
};
syncSandbox(useAppStore.getState());
useAppStore.subscribe(syncSandbox);

/**
 * Start at the view `url` names, for a page whose HTML the build prerendered at that address
 * (`?view=compare` …): the store shows it, and so does the snapshot React hydrates that HTML
 * with. Zustand's hook hydrates from `getInitialState()` (the fresh state, before stored
 * progress, which the page's prerender key has checked); this makes it the fresh state at this
 * address. main.tsx calls it before hydrating such a page, the build's prerender before
 * rendering each view.
 */
export function startAt(url: UrlState): void {
  const api = storeApi;
  if (!api) throw new Error('The store is not created yet');
  api.getState().applyUrl(url);
  const { view, lessonId, step, skip, isRemedy, isPresenting, isEmbedded, isAudience } =
    api.getState();
  let first: AppState = {
    ...api.getInitialState(),
    view,
    lessonId,
    step,
    skip,
    isRemedy,
    isPresenting,
    isEmbedded,
    isAudience,
    isReady: true,
  };
  // A view's chunk hands the store its code when it loads (`practiceGenerator`,
  // `sandboxTools`): the view hydrates with it, as it was prerendered.
  api.getInitialState = () => {
    const { practiceGenerator, sandboxTools } = api.getState();
    if (first.practiceGenerator !== practiceGenerator || first.sandboxTools !== sandboxTools) {
      first = { ...first, practiceGenerator, sandboxTools };
    }
    return first;
  };
}

/** The state a fresh visit starts with; tests reset the store to it. */
export const initialState = useAppStore.getState();
