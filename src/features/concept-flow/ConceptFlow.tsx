import { useMemo } from 'react';
import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { selectFrame, selectLesson } from '../../store/selectors';
import { FlowStage } from './FlowStage';
import { beforeFlowNote, flowStages } from './view-model';
import './concept-flow.css';

/**
 * The Concept flow panel: the lesson's stages as a row of boxes joined by arrows, with the
 * current step's stage lit and the ones before it ticked.
 */
export function ConceptFlow() {
  const lesson = useAppStore(selectLesson);
  const frame = useAppStore(selectFrame);
  const stages = useMemo(() => flowStages(lesson.flow, frame.stage), [lesson.flow, frame.stage]);
  const note = beforeFlowNote(lesson.flow.length, frame.stage, frame.index, frame.action);

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
