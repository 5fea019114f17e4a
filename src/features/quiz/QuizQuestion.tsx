import { useId, useMemo, useRef } from 'react';
import type { QuizQuestion as Question } from '../../engine';
import { useAppStore } from '../../store/store';
import { selectAnswers, selectRevealed } from '../../store/selectors';
import { OPTION_LETTERS } from '../../components/option-letters';
import { checkedRadioValue, useAdoptEarlyInput } from '../../components/use-adopt-early-input';
import { buildQuestionView, looksLikeCode } from './quiz-view';

export interface QuizQuestionProps {
  /** Index of the question in the lesson's quiz. */
  index: number;
  question: Question;
}

/**
 * One question as a fieldset: lettered radios, `Check answer`, a hint that jumps to the step
 * that explains it, and a live status with the feedback.
 */
export function QuizQuestion({ index, question }: QuizQuestionProps) {
  const answer = useAppStore((state) => selectAnswers(state)[index]);
  const isPresenting = useAppStore((state) => state.isPresenting);
  const isRevealed = useAppStore((state) => selectRevealed(state).includes(index));
  const selectOption = useAppStore((state) => state.selectOption);
  const checkAnswer = useAppStore((state) => state.checkAnswer);
  const retry = useAppStore((state) => state.retry);
  const reveal = useAppStore((state) => state.reveal);
  const goTo = useAppStore((state) => state.goTo);
  const view = useMemo(
    () => buildQuestionView(question, answer, { isPresenting, isRevealed }),
    [question, answer, isPresenting, isRevealed],
  );
  const groupName = useId();
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  // An answer chosen on the prerendered page before its script ran counts (Check answer sees it).
  useAdoptEarlyInput(
    fieldsetRef,
    typeof answer?.selected === 'number' ? String(answer.selected) : null,
    checkedRadioValue,
    (value) => selectOption(index, Number(value)),
  );

  const onRetry = (): void => {
    retry(index);
    // The Try again button disappears; put focus where the next attempt starts.
    fieldsetRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  };

  return (
    <fieldset className="quiz__question" ref={fieldsetRef}>
      <legend className="quiz__legend">{question.question}</legend>
      <ul className="choices">
        {question.options.map((option, i) => {
          const mark = view.marks[i];
          return (
            <li key={OPTION_LETTERS[i]} className={`choice${mark ? ` choice--${mark.tone}` : ''}`}>
              <label className="choice__label">
                <input
                  type="radio"
                  name={groupName}
                  value={i}
                  checked={answer?.selected === i}
                  onChange={() => selectOption(index, i)}
                />
                <span className="choice__letter">{OPTION_LETTERS[i]}</span>{' '}
                {looksLikeCode(option) ? <code>{option}</code> : <span>{option}</span>}
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
      <div className="quiz__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!view.canCheck}
          onClick={() => checkAnswer(index)}
        >
          Check answer
        </button>
        {view.isChecked ? (
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        {view.canReveal ? (
          <button type="button" className="button" onClick={() => reveal(index)}>
            Reveal answer
          </button>
        ) : null}
      </div>
      <p role="status" className={`feedback feedback--${statusTone(view.isCorrect)}`}>
        {view.status}
      </p>
      {view.revealNote ? <p className="quiz__reveal">{view.revealNote}</p> : null}
      <details className="quiz__hint">
        <summary>Hint</summary>
        <div className="quiz__hint-body">
          <p>{question.hint}</p>
          <button
            type="button"
            className="button button--small"
            onClick={() => goTo(question.step)}
          >
            Show me step {question.step}
          </button>
        </div>
      </details>
    </fieldset>
  );
}

function statusTone(isCorrect: boolean | null): 'none' | 'right' | 'wrong' {
  if (isCorrect === null) return 'none';
  return isCorrect ? 'right' : 'wrong';
}
