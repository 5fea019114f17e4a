import { OPTION_LETTERS } from '../../components/option-letters';
import type { QuizQuestion } from '../../engine';

/**
 * The quiz's view model: one question and its answer state in, what to show out (feedback,
 * per-option marks, whether the answer may be shown). Pure, so presenter-mode rules are tested
 * without React.
 */

/** The part of the store's answer state the view needs. */
export interface AnswerInput {
  selected: number | null;
  checked: number | null;
}

export interface QuestionContext {
  /** Presenter mode: the right answer stays hidden until revealed (or answered right). */
  isPresenting: boolean;
  isRevealed: boolean;
}

/** A mark beside an option after a check: an icon and words, never colour alone. */
export interface OptionMark {
  tone: 'right' | 'wrong';
  icon: '✓' | '✕';
  text: string;
}

export interface QuestionView {
  /** An option is chosen, so `Check answer` can act. */
  canCheck: boolean;
  isChecked: boolean;
  /** `null` before a check. */
  isCorrect: boolean | null;
  /** The status text: empty before a check, then `Correct…` or `Incorrect…`. */
  status: string;
  /** One entry per option; `null` where there is nothing to mark. */
  marks: (OptionMark | null)[];
  /** Presenter mode: offer `Reveal answer`. */
  canReveal: boolean;
  /** After a reveal with no check: the answer and why, shown outside the status. */
  revealNote: string | null;
}

/** Whether an option reads as Python (a dict, `None`, a string literal) and wants monospace. */
export function looksLikeCode(text: string): boolean {
  const t = text.trim();
  return (
    /^[{[('"]/.test(t) ||
    /^(None|True|False|\d+(\.\d+)?)$/.test(t) ||
    /[A-Za-z_]\w*\.[A-Za-z_]\w*\(/.test(t) ||
    /^[a-z_]+\w*\(.*\)$/.test(t)
  );
}

const joinSentences = (...parts: string[]): string =>
  parts
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');

/** What one question shows, given its answer state and presenter mode. */
export function buildQuestionView(
  question: QuizQuestion,
  answer: AnswerInput | undefined,
  { isPresenting, isRevealed }: QuestionContext,
): QuestionView {
  const selected = answer?.selected ?? null;
  const checked = answer?.checked ?? null;
  const isChecked = checked !== null;
  const isCorrect = isChecked ? checked === question.answer : null;
  // In class the instructor decides when the answer appears; a right answer shows itself.
  const isAnswerHidden = isPresenting && !isRevealed && isCorrect !== true;

  let status = '';
  if (isCorrect === true) status = joinSentences('Correct.', question.explanation);
  else if (isCorrect === false && isAnswerHidden) {
    status = 'Incorrect. Try again; the answer stays hidden until it is revealed.';
  } else if (isCorrect === false && checked !== null) {
    status = joinSentences('Incorrect.', question.feedback?.[checked] ?? '', question.explanation);
  }

  const showsMarks = isChecked || (isPresenting && isRevealed);
  const marks = question.options.map((_, i): OptionMark | null => {
    if (!showsMarks) return null;
    if (i === question.answer && !isAnswerHidden) {
      return {
        tone: 'right',
        icon: '✓',
        text: i === checked ? 'your answer, right' : 'right answer',
      };
    }
    if (i === checked && i !== question.answer) {
      return { tone: 'wrong', icon: '✕', text: 'your answer, wrong' };
    }
    return null;
  });

  const revealNote =
    isPresenting && isRevealed && !isChecked
      ? joinSentences(
          `Answer: ${OPTION_LETTERS[question.answer]} ${question.options[question.answer]}.`,
          question.explanation,
        )
      : null;

  return {
    canCheck: selected !== null,
    isChecked,
    isCorrect,
    status,
    marks,
    canReveal: isPresenting && !isRevealed && isCorrect !== true,
    revealNote,
  };
}
