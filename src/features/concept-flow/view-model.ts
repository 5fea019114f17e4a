import type { Lesson, Trace } from '../../engine';
import { shownStep } from '../../lessons/vocabulary';

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

/** Where a stage stands in a run that may leave some out: `skipped` stages did not happen. */
export type RunStageState = StageState | 'skipped';

export interface RunFlowStageView {
  label: string;
  state: RunStageState;
}

/**
 * The flow at `step` of a run: the current step's stage is lit only while its authored text
 * describes the run (`shownStep`); a stage whose steps were skipped or went differently, and
 * that no step reached as described, is `skipped`. On a lesson's own path this is `flowStages`.
 */
export function flowStagesAt(lesson: Lesson, trace: Trace, step: number): RunFlowStageView[] {
  const last = Math.min(Math.max(0, Math.trunc(step) || 0), trace.frames.length - 1);
  const reached = new Set<number>();
  const missed = new Set<number>();
  for (let k = 1; k <= last; k += 1) {
    const shown = shownStep(lesson, trace, k);
    if (shown.stage >= 0) reached.add(shown.stage);
    if (shown.missedStage >= 0) missed.add(shown.missedStage);
  }
  const current = shownStep(lesson, trace, last).stage;
  const top = reached.size > 0 ? Math.max(...reached) : -1;
  const base =
    current >= 0 ? flowStages(lesson.flow, current) : flowStages(lesson.flow, top).map(doneAtTop);
  return base.map((view, i): RunFlowStageView =>
    missed.has(i) && !reached.has(i) ? { label: view.label, state: 'skipped' } : view,
  );
}

const doneAtTop = (view: FlowStageView): FlowStageView =>
  view.state === 'current' ? { ...view, state: 'done' } : view;

/** The note under the flow at `step`: why no stage is lit, or which stage did not happen. */
export function flowNoteAt(lesson: Lesson, trace: Trace, step: number): string | null {
  const last = Math.min(Math.max(0, Math.trunc(step) || 0), trace.frames.length - 1);
  const shown = shownStep(lesson, trace, last);
  const missed = lesson.flow[shown.missedStage];
  if (shown.source === 'skipped') {
    return missed
      ? `Step ${last} is skipped in this what-if: “${missed}” does not happen.`
      : `Step ${last} is skipped in this what-if.`;
  }
  if (shown.source === 'engine') {
    return missed
      ? `Step ${last} went differently: “${missed}” did not happen. ${shown.result}.`
      : `Step ${last}: ${shown.result}.`;
  }
  return beforeFlowNote(lesson.flow.length, shown.stage, last, shown.action);
}
