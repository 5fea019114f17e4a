import { Suspense, useEffect } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { lazyWithRetry } from '../components/lazy-with-retry';
import { useAutoplay } from '../features/player/use-autoplay';
import { selectLesson } from '../store/selectors';
import { useAppStore } from '../store/store';
import type { VIEWS } from '../store/url-state';
import { Header } from './Header';
import { BlankScreen } from './BlankScreen';
import { HelpDialog } from './HelpDialog';
import { LessonView } from './LessonView';
import { Notices } from './Notices';
import { UpdatePrompt } from './UpdatePrompt';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';
import { usePresenterSync } from './use-presenter-sync';
import { usePrintHandout } from './use-print-handout';
import { useTheme } from './use-theme';
import { useUrlSync } from './use-url-sync';
import './layout.css';
import './stage.css';
import './print.css';

const LessonIndexView = lazyWithRetry(() => import('../features/lesson-index/LessonIndexView'));
// Compare and practice also name what their first render needs (`prepare`, see preloadView).
const CompareView = lazyWithRetry(() =>
  import('../features/compare/CompareView').then(({ default: View, prepare }) => ({
    default: View,
    prepare,
  })),
);
const PracticeView = lazyWithRetry(() =>
  import('../features/practice/PracticeView').then(({ default: View, prepare }) => ({
    default: View,
    prepare,
  })),
);
const SandboxView = lazyWithRetry(() => import('../features/sandbox/SandboxView'));

/** The views other than the lesson, each loaded on demand. */
const VIEW_COMPONENTS = {
  lessons: LessonIndexView,
  compare: CompareView,
  practice: PracticeView,
  sandbox: SandboxView,
} satisfies Record<(typeof VIEWS)[number], unknown>;

/**
 * Load a view's chunk and prepare its first render. main.tsx waits for it before it hydrates
 * that view's prerendered HTML, so the view hydrates with the rest of the page: hydrated while
 * its chunk was still loading, the view would stay painted but unwired after `<html
 * data-ready>` (a file picked in the sandbox in that gap was never imported). Preparing runs
 * the engine for what the view first shows (compare's stories, practice's question) in tasks of
 * their own, not inside hydration: on a phone that was one task long enough to block input.
 */
export function preloadView(view: (typeof VIEWS)[number]): Promise<void> {
  return VIEW_COMPONENTS[view].prepare();
}

/** A view other than the lesson, once its chunk is loaded. */
function OtherView({ view }: { view: (typeof VIEWS)[number] }) {
  const View = VIEW_COMPONENTS[view];
  return <View />;
}

const VIEW_TITLES = {
  lessons: 'Lessons',
  compare: 'Compare strategies',
  practice: 'Practice',
  sandbox: 'Sandbox',
} as const;

/** The app shell: side effects (URL, keys, theme, autoplay) once each, then the current view. */
export function App() {
  useUrlSync();
  useKeyboardShortcuts();
  useTheme();
  useAutoplay();
  usePrintHandout();
  usePresenterSync();
  const lesson = useAppStore(selectLesson);
  const view = useAppStore((s) => s.view);
  const isEmbedded = useAppStore((s) => s.isEmbedded);
  const isPresenting = useAppStore((s) => s.isPresenting);
  const isReady = useAppStore((s) => s.isReady);
  const isAudience = useAppStore((s) => s.isAudience);
  const title = !isReady
    ? 'Django Cache Lab'
    : view === 'lesson'
      ? lesson.title
      : VIEW_TITLES[view];
  useEffect(() => {
    document.title = `${title} · Django Cache Lab`;
  }, [title]);
  const isLesson = isReady && view === 'lesson';
  return (
    <div
      className={`app${isPresenting ? ' app--presenting' : ''}${isEmbedded ? ' app--embedded' : ''}${isLesson ? ' app--lesson' : ''}${isAudience ? ' app--audience' : ''}`}
    >
      <a className="skip-link" href="#main">
        Skip to the lesson
      </a>
      {isEmbedded || isPresenting ? null : <Header />}
      <main id="main" className={isLesson ? 'layout layout--lesson' : 'layout'} tabIndex={-1}>
        {isEmbedded || isPresenting ? (
          // The header holds the h1; without it the page is still named.
          <h1 className="visually-hidden">{title}</h1>
        ) : null}
        <Notices />
        {!isReady ? (
          <p className="layout__loading">Loading the lesson…</p>
        ) : view === 'lesson' ? (
          <LessonView />
        ) : (
          <ErrorBoundary label={`The ${VIEW_TITLES[view]} view`} resetKey={view}>
            <Suspense fallback={<p className="layout__loading">Loading…</p>}>
              <OtherView view={view} />
            </Suspense>
          </ErrorBoundary>
        )}
      </main>
      {isPresenting ? <BlankScreen /> : null}
      <HelpDialog />
      <UpdatePrompt />
    </div>
  );
}
