import { generatePractice } from '../../engine/practice';
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

export default PracticeView;
