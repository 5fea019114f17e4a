import { useId, useMemo, useRef } from 'react';
import { checkedRadioValue, useAdoptEarlyInput } from '../../components/use-adopt-early-input';
import { Panel } from '../../components/Panel';
import { selectPracticeQuestion } from '../../store/practice-slice';
import { useAppStore } from '../../store/store';
import { OPTION_LETTERS } from '../../components/option-letters';
import { buildPracticeQuestionView } from './practice-view';

/**
 * The question as a fieldset: lettered radios, `Check answer`, and a live status that starts
 * `Correct` or `Incorrect` and says why. One check per showing; `Redo wrong answers` retries.
 */
export function PracticeQuestionForm() {
  const question = useAppStore(selectPracticeQuestion);
  const selected = useAppStore((s) => s.practiceSelected);
  const checked = useAppStore((s) => s.practiceChecked);
  const selectOption = useAppStore((s) => s.selectPracticeOption);
  const answerPractice = useAppStore((s) => s.answerPractice);
  const view = useMemo(
    () => buildPracticeQuestionView(question, selected, checked),
    [question, selected, checked],
  );
  const groupName = useId();
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  useAdoptEarlyInput(
    fieldsetRef,
    selected === null ? null : String(selected),
    checkedRadioValue,
    (value) => selectOption(Number(value)),
  );
  const tone = view.isCorrect === null ? 'none' : view.isCorrect ? 'right' : 'wrong';
  return (
    <Panel id="practice-question" title="Question" className="practice__question">
      <fieldset ref={fieldsetRef} className="practice__fieldset">
        <legend className="practice__legend">{question.question}</legend>
        <ul className="choices">
          {question.options.map((option, i) => {
            const mark = view.marks[i];
            return (
              <li
                key={`${question.seed}-${OPTION_LETTERS[i]}`}
                className={`choice${mark ? ` choice--${mark.tone}` : ''}`}
              >
                <label className="choice__label">
                  <input
                    type="radio"
                    name={groupName}
                    value={i}
                    checked={selected === i}
                    onChange={() => selectOption(i)}
                  />
                  <span className="choice__letter">{OPTION_LETTERS[i]}</span>{' '}
                  {view.isCode ? <code>{option}</code> : <span>{option}</span>}
                </label>
                {mark ? (
                  <span className={`choice__mark choice__mark--${mark.tone}`}>
                    <span aria-hidden="true">{mark.icon}</span> {mark.text}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          className="button button--primary"
          // aria-disabled, not disabled: the button keeps focus after the check instead of
          // dropping it to the page.
          aria-disabled={!view.canCheck}
          onClick={() => {
            if (view.canCheck && selected !== null) answerPractice(selected);
          }}
        >
          Check answer
        </button>
        <p role="status" className={`feedback feedback--${tone}`}>
          {view.status}
        </p>
      </fieldset>
    </Panel>
  );
}
