import { OPTION_LETTERS } from '../../components/option-letters';
import type { Lesson, PracticeQuestion } from '../../engine';
import type { PracticeEntry, PracticeStats } from '../../store/practice-slice';
import type { AnswerState } from '../../store/quiz-slice';

/**
 * The practice view's model: a question and its answer state in, what to show out (marks,
 * feedback, score words), plus the export file's content. Pure, so it is tested without React.
 */

/** A mark beside an option after the check: an icon and words, never colour alone. */
export interface OptionMark {
  tone: 'right' | 'wrong';
  icon: '✓' | '✕';
  text: string;
}

export interface PracticeQuestionView {
  /** An option is picked and the question is not checked yet. */
  canCheck: boolean;
  isChecked: boolean;
  /** `null` before the check. */
  isCorrect: boolean | null;
  /** Empty before the check, then `Correct…` or `Incorrect…` with the explanation. */
  status: string;
  marks: (OptionMark | null)[];
  /** Options in monospace: dicts and Python values read as code. */
  isCode: boolean;
}

/** What the question shows, given the option picked and the option checked. */
export function buildPracticeQuestionView(
  question: PracticeQuestion,
  selected: number | null,
  checked: number | null,
): PracticeQuestionView {
  const isChecked = checked !== null;
  const isCorrect = isChecked ? checked === question.answer : null;
  const right = `${OPTION_LETTERS[question.answer]} ${question.options[question.answer]}`;
  const status =
    isCorrect === null
      ? ''
      : isCorrect
        ? `Correct. ${question.explanation}`
        : `Incorrect. The answer is ${right}. ${question.explanation}`;
  const marks = question.options.map((_, i): OptionMark | null => {
    if (!isChecked) return null;
    if (i === question.answer) {
      return {
        tone: 'right',
        icon: '✓',
        text: i === checked ? 'your answer, right' : 'right answer',
      };
    }
    if (i === checked) return { tone: 'wrong', icon: '✕', text: 'your answer, wrong' };
    return null;
  });
  return {
    canCheck: selected !== null && !isChecked,
    isChecked,
    isCorrect,
    status,
    marks,
    isCode: question.kind === 'cache-state' || question.kind === 'seen-value',
  };
}

/** "Practice score: X right of Y". */
export const scoreText = ({ right, total }: PracticeStats): string =>
  `Practice score: ${right} right of ${total}`;

/** The redo list's size in words. */
export const wrongText = ({ wrong }: PracticeStats): string =>
  wrong.length === 0
    ? 'No wrong answers to redo.'
    : `${wrong.length} wrong ${wrong.length === 1 ? 'answer' : 'answers'} to redo.`;

export const EXPORT_FILE_NAME = 'django-cache-lab-results.json';

export interface ExportInput {
  history: readonly PracticeEntry[];
  answers: Record<string, Record<number, AnswerState>>;
  /** Lesson bodies that are loaded; a quiz answer to an unloaded lesson exports without a verdict. */
  findLesson: (id: string) => Lesson | undefined;
  /** The question for a practice seed, to put its text in the file. */
  questionFor: (seed: number) => PracticeQuestion;
  exportedAt: Date;
}

/**
 * The results file: practice answers and lesson quiz answers as plain JSON data, readable by a
 * person and by a spreadsheet import. Only values the app produced go in; nothing is run.
 */
export function exportResults(input: ExportInput): string {
  const { history, answers, findLesson, questionFor, exportedAt } = input;
  const right = history.filter((e) => e.isCorrect).length;
  const practice = history.map((entry) => ({
    seed: entry.seed,
    kind: entry.kind,
    question: questionFor(entry.seed).question,
    chosen: OPTION_LETTERS[entry.chosen],
    isCorrect: entry.isCorrect,
  }));
  const quiz = Object.entries(answers).flatMap(([lessonId, questions]) =>
    Object.entries(questions).flatMap(([index, answer]) => {
      if (answer.checked === null) return [];
      const question = findLesson(lessonId)?.quiz[Number(index)];
      return [
        {
          lesson: lessonId,
          question: Number(index) + 1,
          chosen: OPTION_LETTERS[answer.checked] ?? null,
          isCorrect: question ? question.answer === answer.checked : null,
        },
      ];
    }),
  );
  return JSON.stringify(
    {
      app: 'Django Cache Lab',
      exportedAt: exportedAt.toISOString(),
      practice: { right, total: history.length, answers: practice },
      quiz,
    },
    null,
    2,
  );
}
