/** Where a concept-flow stage stands at the current step. */
export type StageState = 'done' | 'current' | 'upcoming';

export interface FlowStageView {
  label: string;
  state: StageState;
}

/**
 * Marks each stage done, current or upcoming for the frame's stage index. A stage of -1 (the
 * start, or a step that sets the scene before the flow begins) or out of range lights none.
 */
export function flowStages(flow: readonly string[], stage: number): FlowStageView[] {
  const current = Number.isInteger(stage) && stage >= 0 && stage < flow.length ? stage : -1;
  return flow.map((label, i) => ({
    label,
    state: current < 0 || i > current ? 'upcoming' : i === current ? 'current' : 'done',
  }));
}

/**
 * The note shown when no stage is lit, or `null` when one is. Step 0 has not run anything;
 * a later step before the flow is named by its action, e.g. "Initial cache set".
 */
export function beforeFlowNote(
  flowLength: number,
  stage: number,
  step: number,
  action: string,
): string | null {
  if (Number.isInteger(stage) && stage >= 0 && stage < flowLength) return null;
  if (step === 0) return 'Before the flow: nothing has run yet.';
  return `Before the flow: step ${step} sets the scene (${action}).`;
}
