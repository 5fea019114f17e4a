import { useMemo } from 'react';
import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { selectLesson, selectTrace } from '../../store/selectors';
import { FlowStage } from './FlowStage';
import { flowNoteAt, flowStagesAt } from './view-model';
import './concept-flow.css';

/**
 * The Concept flow panel: the lesson's stages as a row of boxes joined by arrows, with the
 * current step's stage lit and the ones before it ticked. A stage a what-if skipped, or a step
 * that went differently from its text, is marked skipped instead of lit.
 */
export function ConceptFlow() {
  const lesson = useAppStore(selectLesson);
  const trace = useAppStore(selectTrace);
  const step = useAppStore((state) => state.step);
  const stages = useMemo(() => flowStagesAt(lesson, trace, step), [lesson, trace, step]);
  const note = flowNoteAt(lesson, trace, step);

  return (
    <Panel id="concept-flow" title="Concept flow">
      <ol className="flow__stages">
        {stages.map((stage, i) => (
          <FlowStage key={`${i}-${stage.label}`} stage={stage} number={i + 1} />
        ))}
      </ol>
      {note ? <p className="flow__note">{note}</p> : null}
      <p className="flow__caption">{lesson.flowCaption}</p>
    </Panel>
  );
}
