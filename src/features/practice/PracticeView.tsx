import { generatePractice } from '../../engine/practice';
import { nextTask } from '../../components/next-task';
import { practiceQuestionFor } from '../../store/practice-slice';
import { useAppStore } from '../../store/store';
import { PracticeProgress } from './PracticeProgress';
import { PracticeQuestionForm } from './PracticeQuestionForm';
import { PracticeScenario } from './PracticeScenario';
import './practice.css';

// The generator travels in this lazy chunk (zustand's code-split pattern): the store gets it
// when the chunk loads, before the view first renders.
useAppStore.getState().setPracticeGenerator(generatePractice);

/**
 * Practice (`?view=practice`): endless generated questions. Each is a small scenario run by
 * the same engine as the lessons, so the answer is what the simulated cache really did.
 */
export function PracticeView() {
  return (
    <div className="practice">
      <p className="practice__intro">
        Read the scenario, work out what the cache does, then check your answer. Every question is
        generated and answered by the simulator; wrong answers wait in a list to redo.
      </p>
      <div className="practice__grid">
        <PracticeScenario />
        <PracticeQuestionForm />
      </div>
      <PracticeProgress />
    </div>
  );
}

/**
 * Generate the question on screen ahead of the first render, in a task of its own (not the one
 * that evaluated the chunk): the render then reads it from the store's memo (see
 * `LazyModule.prepare`).
 */
export async function prepare(): Promise<void> {
  await nextTask();
  const state = useAppStore.getState();
  practiceQuestionFor(state, state.practiceSeed);
}

export default PracticeView;
