import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { lazyWithRetry } from '../components/lazy-with-retry';
import { CodePanel } from '../features/code-panel/CodePanel';
import { ConceptFlow } from '../features/concept-flow/ConceptFlow';
import { ExecutionTable } from '../features/execution-table/ExecutionTable';
import { Player } from '../features/player/Player';
import { CachePanel } from '../features/state-panels/CachePanel';
import { DatabasePanel } from '../features/state-panels/DatabasePanel';
import { VariableTracker } from '../features/variable-tracker/VariableTracker';
import { WhatIf } from '../features/what-if/WhatIf';

const LearnPanels = lazyWithRetry(() => import('./LearnPanels'));
// Only lessons with several actors (all loaded on demand) show lanes, so they load lazily too.
const Timeline = lazyWithRetry(() =>
  import('../features/timeline/Timeline').then((m) => ({ default: m.Timeline })),
);

/** Each panel fails on its own: one broken panel never blanks the page. */
function Guard({ label, children }: { label: string; children: ReactNode }) {
  return <ErrorBoundary label={label}>{children}</ErrorBoundary>;
}

/** The lesson page: player, flow, code beside live state, table and tracker, then the rest. */
export function LessonView() {
  return (
    <>
      <div className="layout__player">
        <Guard label="The player">
          <Player isNarrationShown={false} />
        </Guard>
      </div>
      <div className="layout__whatif">
        <Guard label="The what-if controls">
          <WhatIf />
        </Guard>
      </div>
      <div className="layout__flow">
        <Guard label="The concept flow">
          <ConceptFlow />
        </Guard>
      </div>
      <div className="layout__timeline">
        <Suspense fallback={null}>
          <Guard label="The timeline">
            <Timeline />
          </Guard>
        </Suspense>
      </div>
      <div className="layout__work">
        <div className="layout__code">
          <Guard label="The execution sample">
            <CodePanel />
          </Guard>
        </div>
        <div className="layout__state">
          <Guard label="The Cache panel">
            <CachePanel />
          </Guard>
          <Guard label="The Database panel">
            <DatabasePanel />
          </Guard>
        </div>
      </div>
      <div className="layout__tables">
        <div className="layout__table">
          <Guard label="The execution table">
            <ExecutionTable />
          </Guard>
        </div>
        <div className="layout__tracker">
          <Guard label="The variable tracker">
            <VariableTracker />
          </Guard>
        </div>
      </div>
      <div className="layout__learn">
        <Suspense fallback={<p className="layout__loading">Loading key moments and quiz…</p>}>
          <LearnPanels />
        </Suspense>
      </div>
    </>
  );
}
