import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { lazyWithRetry } from '../components/lazy-with-retry';
import { CodePanel } from '../features/code-panel/CodePanel';
import { ConceptFlow } from '../features/concept-flow/ConceptFlow';
import { ExecutionTable } from '../features/execution-table/ExecutionTable';
import { Player } from '../features/player/Player';
import { StepNarration } from '../features/player/StepNarration';
import { CachePanel } from '../features/state-panels/CachePanel';
import { DatabasePanel } from '../features/state-panels/DatabasePanel';
import { hasTimeline } from '../features/timeline/timeline-actors';
import { VariableTracker } from '../features/variable-tracker/VariableTracker';
import { WhatIf } from '../features/what-if/WhatIf';
import { WhatIfBanner } from '../features/what-if/WhatIfBanner';
import { selectLesson } from '../store/selectors';
import { useAppStore } from '../store/store';
import { CopyLinkButton } from './CopyLinkButton';
import { EmbedLink } from './EmbedLink';
import { Handout } from './Handout';
import { PresenterBar } from './PresenterBar';
import { PresenterSlide } from './PresenterSlide';
import { usePrinting } from './use-printing';
// The panels below the fold load as their own chunk, but the prerendered page already shows
// them: their styles come with the first view's stylesheet, so the first paint has them, and
// the chunk's arrival does not restyle and lay out the whole page again (a 21 ms task after
// hydration in Lighthouse's trace of `/`, inside its blocking-time window).
import '../features/key-moments/key-moments.css';
import '../features/quiz/quiz.css';
import '../features/snapshot/snapshot.css';
import '../features/transcript/transcript.css';

const LearnPanels = lazyWithRetry(() => import('./LearnPanels'));
// Only lessons with several actors (all loaded on demand) show lanes, so they load lazily too.
const Timeline = lazyWithRetry(() =>
  import('../features/timeline/Timeline').then((m) => ({ default: m.Timeline })),
);

/** Each panel fails on its own: one broken panel never blanks the page. */
function Guard({ label, children }: { label: string; children: ReactNode }) {
  return <ErrorBoundary label={label}>{children}</ErrorBoundary>;
}

/**
 * The lesson: a Stage that fills the screen (player and narration, code beside the cache and
 * the database, then the execution table or, with several actors, the timeline), each box
 * fixed in place so nothing moves but the state; then everything else below it. Presenter
 * mode shows the Stage alone, as slides; an embed shows the Stage and a link out.
 */
export function LessonView() {
  const lesson = useAppStore(selectLesson);
  const isPresenting = useAppStore((s) => s.isPresenting);
  const isEmbedded = useAppStore((s) => s.isEmbedded);
  const isAudience = useAppStore((s) => s.isAudience);
  const slide = useAppStore((s) => s.slide);
  const isLanes = hasTimeline(lesson);
  const isStageOnly = isPresenting || isEmbedded || isAudience;
  const table = (
    <Guard label="The execution table">
      <ExecutionTable />
    </Guard>
  );
  return (
    <>
      <section
        className={`stage${isLanes ? ' stage--lanes' : ''}${slide > 0 ? ' stage--slide' : ''}`}
        aria-label="Stage"
      >
        {isAudience ? null : (
          <div className="stage__player">
            <Guard label="The player">
              {isPresenting ? (
                <PresenterBar />
              ) : (
                <Player isNarrationShown={false} tools={isEmbedded ? null : <CopyLinkButton />} />
              )}
            </Guard>
          </div>
        )}
        {slide > 0 ? (
          <div className="stage__slide">
            <Guard label="The slide">
              <PresenterSlide />
            </Guard>
          </div>
        ) : (
          <>
            <div className="stage__caption">
              <StepNarration />
              <WhatIfBanner />
            </div>
            <div className="stage__code">
              <Guard label="The execution sample">
                <CodePanel isStaged />
              </Guard>
            </div>
            <div className="stage__cache">
              <Guard label="The Cache panel">
                <CachePanel />
              </Guard>
            </div>
            <div className="stage__db">
              <Guard label="The Database panel">
                <DatabasePanel />
              </Guard>
            </div>
            <div className="stage__bottom">
              {isLanes ? (
                <Suspense fallback={<p className="layout__loading">Loading the timeline…</p>}>
                  <Guard label="The timeline">
                    <Timeline />
                  </Guard>
                </Suspense>
              ) : (
                table
              )}
            </div>
          </>
        )}
        {isEmbedded ? <EmbedLink /> : null}
      </section>
      {isStageOnly ? null : (
        <div className="below-stage">
          <p className="layout__summary">
            <span className="layout__tag">{lesson.group}</span>
            <span className="layout__tag">{lesson.difficulty}</span>
            {lesson.summary}
          </p>
          <div className="layout__whatif">
            <Guard label="The what-if controls">
              <WhatIf isBannerShown={false} />
            </Guard>
          </div>
          <div className="layout__flow">
            <Guard label="The concept flow">
              <ConceptFlow />
            </Guard>
          </div>
          {isLanes ? <div className="layout__table">{table}</div> : null}
          <div className="layout__tracker">
            <Guard label="The variable tracker">
              <VariableTracker />
            </Guard>
          </div>
          <div className="layout__learn">
            <Suspense fallback={<p className="layout__loading">Loading key moments and quiz…</p>}>
              <LearnPanels />
            </Suspense>
          </div>
        </div>
      )}
      {isStageOnly ? null : <PrintedHandout />}
    </>
  );
}

/** The handout, rendered only while the page is printed (see `usePrinting`). */
function PrintedHandout() {
  return usePrinting() ? <Handout /> : null;
}
