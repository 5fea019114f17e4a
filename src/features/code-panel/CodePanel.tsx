import { useMemo } from 'react';
import { DEFAULT_ACTOR } from '../../engine';
import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { selectFrame, selectLesson } from '../../store/selectors';
import { selectShownStep } from '../shown-step';
import { CodeBlock } from './CodeBlock';
import { OutcomeBadges } from './OutcomeBadges';
import { useHighlighter } from './use-highlighter';
import { codeLines, outcomeBadges } from './view-model';
import './code-panel.css';

/**
 * The Execution sample panel: the lesson's Django code with the lines that just ran and run
 * next marked, the lesson's caption, this step's narration and what its operations did.
 */
export function CodePanel() {
  const lesson = useAppStore(selectLesson);
  const frame = useAppStore(selectFrame);
  const shown = useAppStore(selectShownStep);
  const tokenize = useHighlighter();
  // Tokenizing is the only costly part, and the source changes only with the lesson.
  const tokens = useMemo(() => tokenize(lesson.code.source), [tokenize, lesson.code.source]);
  const lines = useMemo(
    () => codeLines(tokens, frame.lines, frame.nextLines),
    [tokens, frame.lines, frame.nextLines],
  );
  const badges = useMemo(() => outcomeBadges(frame.outcomes, DEFAULT_ACTOR), [frame.outcomes]);

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
