import { useMemo, useRef } from 'react';
import { DEFAULT_ACTOR } from '../../engine';
import { Panel } from '../../components/Panel';
import { useFocusableWhenScrolling } from '../../components/use-focusable-when-scrolling';
import { offsetTopInBox, useKeepInView } from '../../components/use-keep-in-view';
import { useAppStore } from '../../store/store';
import { selectFrame, selectLesson } from '../../store/selectors';
import { selectShownStep } from '../../store/shown-step';
import { CodeBlock } from './CodeBlock';
import { OutcomeBadges } from './OutcomeBadges';
import { tokenizeLines } from './highlight-python';
import { codeLines, outcomeBadges } from './view-model';
import './code-panel.css';

export interface CodePanelProps {
  /**
   * On the Stage the narration is the Stage's caption, so the panel shows only the code (kept
   * scrolled to the line that runs) and what this step's operations returned.
   * @default false
   */
  isStaged?: boolean;
}

/**
 * The Execution sample panel: the lesson's Django code with the lines that just ran and run
 * next marked, the lesson's caption, this step's narration and what its operations did.
 */
export function CodePanel({ isStaged = false }: CodePanelProps) {
  const lesson = useAppStore(selectLesson);
  const frame = useAppStore(selectFrame);
  const shown = useAppStore(selectShownStep);
  // Coloured from the first render (the prerendered page too); the source changes only with
  // the lesson.
  const tokens = useMemo(() => tokenizeLines(lesson.code.source), [lesson.code.source]);
  const lines = useMemo(
    () => codeLines(tokens, frame.lines, frame.nextLines),
    [tokens, frame.lines, frame.nextLines],
  );
  const badges = useMemo(() => outcomeBadges(frame.outcomes, DEFAULT_ACTOR), [frame.outcomes]);
  const boxRef = useRef<HTMLDivElement>(null);
  const slotRef = useRef<HTMLDivElement>(null);
  // On a phone many badges scroll under the code (stage.css): reachable by keyboard then.
  useFocusableWhenScrolling(slotRef, 'What this step did, scrolls');
  // Keep the current line in the middle of the code's own box; the page never scrolls.
  useKeepInView(boxRef, frame, centreCurrentLine);

  if (isStaged) {
    return (
      <Panel id="execution-sample" title="Execution sample" className="code--staged">
        <div className="code__stage" ref={boxRef}>
          <CodeBlock lines={lines} />
        </div>
        <div className="code__outcome-slot" ref={slotRef}>
          {/* Keyed by step so each step's badges grow in afresh. */}
          <OutcomeBadges key={frame.index} badges={badges} />
        </div>
      </Panel>
    );
  }

  return (
    <Panel id="execution-sample" title="Execution sample">
      <p className="code__legend">
        <span className="code__legend-item">
          <span className="code__legend-mark code__legend-mark--ran" aria-hidden="true">
            ▶
          </span>{' '}
          just ran
        </span>
        <span aria-hidden="true"> · </span>
        <span className="code__legend-item">
          <span className="code__legend-mark" aria-hidden="true">
            ▷
          </span>{' '}
          runs next
        </span>
      </p>
      <CodeBlock lines={lines} />
      <p className="code__caption">{lesson.code.caption}</p>
      <div className="code__callout">
        <p className="code__narration">
          <strong>{frame.index === 0 ? 'Start' : `Step ${frame.index}`}:</strong>{' '}
          {frame.isSkipped ? 'skipped in this what-if, so its code did not run.' : shown.narration}
        </p>

        {/* Keyed by step so each step's badges grow in afresh. */}
        <OutcomeBadges key={frame.index} badges={badges} />
      </div>
    </Panel>
  );
}

/** Scrolls the code box so the first line that runs sits in its middle. */
function centreCurrentLine(stage: HTMLElement): void {
  const box = stage.querySelector<HTMLElement>('.code__block');
  const line = box?.querySelector<HTMLElement>('[aria-current]')?.closest('li');
  if (!box || !line || box.scrollHeight <= box.clientHeight) return;
  const top = offsetTopInBox(box, line) - box.clientHeight / 2 + line.offsetHeight / 2;
  box.scrollTop = Math.max(0, Math.min(top, box.scrollHeight - box.clientHeight));
}
