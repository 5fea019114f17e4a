import { lazy, Suspense, useEffect } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { useAutoplay } from '../features/player/use-autoplay';
import { selectLesson } from '../store/selectors';
import { useAppStore } from '../store/store';
import { Header } from './Header';
import { BlankScreen } from './BlankScreen';
import { HelpDialog } from './HelpDialog';
import { LessonView } from './LessonView';
import { Notices } from './Notices';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';
import { usePresenterSync } from './use-presenter-sync';
import { usePrintHandout } from './use-print-handout';
import { useTheme } from './use-theme';
import { useUrlSync } from './use-url-sync';
import './layout.css';
import './stage.css';
import './print.css';

const LessonIndexView = lazy(() => import('../features/lesson-index/LessonIndexView'));
const CompareView = lazy(() => import('../features/compare/CompareView'));
const PracticeView = lazy(() => import('../features/practice/PracticeView'));
const SandboxView = lazy(() => import('../features/sandbox/SandboxView'));

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
      {isEmbedded || isPresenting ? (
        // The header holds the h1; the Stage alone still names the page.
        <h1 className="visually-hidden">{title}</h1>
      ) : (
        <Header />
      )}
      <main id="main" className={isLesson ? 'layout layout--lesson' : 'layout'} tabIndex={-1}>
        <Notices />
        {!isReady ? (
          <p className="layout__loading">Loading the lesson…</p>
        ) : view === 'lesson' ? (
          <LessonView />
        ) : (
          <ErrorBoundary label={`The ${VIEW_TITLES[view]} view`}>
            <Suspense fallback={<p className="layout__loading">Loading…</p>}>
              {view === 'lessons' ? (
                <LessonIndexView />
              ) : view === 'compare' ? (
                <CompareView />
              ) : view === 'sandbox' ? (
                <SandboxView />
              ) : (
                <PracticeView />
              )}
            </Suspense>
          </ErrorBoundary>
        )}
      </main>
      {isPresenting ? <BlankScreen /> : null}
      <HelpDialog />
    </div>
  );
}
