import { Panel } from '../../components/Panel';
import { useChangedSinceMount } from '../../components/use-changed-since-mount';
import { selectPracticeQuestion } from '../../store/practice-slice';
import { useAppStore } from '../../store/store';

/**
 * The generated scenario: the starting state, then each step with its actor, action and the
 * one line of Django code it runs. The step the question asks about is marked in text too.
 * The steps of a new question enter together; the first question shown (prerendered, or the
 * view opening) is just there: its steps fading in from nothing held back the first paint's
 * content and cost the page a task of animation events after it.
 */
export function PracticeScenario() {
  const question = useAppStore(selectPracticeQuestion);
  const isNewQuestion = useChangedSinceMount(question.seed);
  const { setup, steps } = question.scenario;
  return (
    <Panel id="practice-scenario" title="Scenario" className="practice__scenario">
      <ul className="practice__setup" aria-label="Starting state">
        {setup.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <ol
        key={question.seed}
        className={`practice__steps${isNewQuestion ? ' practice__steps--new' : ''}`}
        aria-label="Steps"
      >
        {steps.map((step) => {
          const isAsked = step.n === question.step;
          return (
            <li
              key={step.n}
              className={`practice__step${isAsked ? ' practice__step--asked' : ''}`}
              aria-current={isAsked ? 'step' : undefined}
            >
              <div className="practice__step-head">
                <span className="practice__step-n">Step {step.n}</span>
                <span className="practice__actor">{step.actor}</span>
                <span className="practice__action">{step.action}</span>
                {isAsked ? (
                  <span className="practice__asked">
                    <span aria-hidden="true">◆</span> asked about
                  </span>
                ) : null}
              </div>
              <code className="practice__code">{step.code}</code>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
