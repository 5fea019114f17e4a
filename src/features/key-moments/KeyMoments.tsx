import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { selectLesson } from '../../store/selectors';
import './key-moments.css';

/**
 * The lesson's insights as questions a student would ask, each opening to its answer and a
 * button that jumps the player to the step that shows it. Focus stays on the button; the
 * player's live region announces the new step.
 */
export function KeyMoments() {
  const moments = useAppStore((state) => selectLesson(state).keyMoments);
  const goTo = useAppStore((state) => state.goTo);
  const step = useAppStore((state) => state.step);
  return (
    <Panel id="key-moments" title="Key moments" className="keymoments">
      {moments.length === 0 ? (
        <p className="keymoments__empty">This lesson has no key moments.</p>
      ) : (
        <div className="keymoments__list">
          {moments.map((moment) => (
            <details className="keymoments__item" key={moment.question}>
              <summary className="keymoments__question">{moment.question}</summary>
              <div className="keymoments__answer">
                <p>{moment.answer}</p>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => goTo(moment.step)}
                >
                  Show step {moment.step}
                </button>
                {step === moment.step ? (
                  <span className="keymoments__here">You are at this step.</span>
                ) : null}
              </div>
            </details>
          ))}
        </div>
      )}
    </Panel>
  );
}
