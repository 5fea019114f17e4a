import type { RunFlowStageView } from './view-model';

const STATE_HINT: Record<RunFlowStageView['state'], string> = {
  done: 'done',
  current: 'current stage',
  upcoming: 'not reached',
  skipped: 'did not happen in this run',
};

export interface FlowStageProps {
  stage: RunFlowStageView;
  /** 1-based position, shown in the stage's circle until it is done. */
  number: number;
}

/** One stage box of the concept flow, with the arrow to the next stage. */
export function FlowStage({ stage, number }: FlowStageProps) {
  return (
    <li
      className={`flow__stage flow__stage--${stage.state}`}
      aria-current={stage.state === 'current' ? 'step' : undefined}
    >
      <span className="flow__box">
        <span className="flow__mark" aria-hidden="true">
          {stage.state === 'done' ? '✓' : stage.state === 'skipped' ? '–' : number}
        </span>
        <span className="flow__label">
          {stage.state === 'skipped' ? <s>{stage.label}</s> : stage.label}
        </span>
        {stage.state === 'skipped' ? <span className="flow__skipped"> skipped</span> : null}
        {/* The state in words, so it never rests on colour or the ✓ alone. */}
        <span className="visually-hidden">, {STATE_HINT[stage.state]}</span>
      </span>
      <span className="flow__arrow" aria-hidden="true" />
    </li>
  );
}
