import type { AnswerState } from './quiz-slice';
import type { Theme } from './preferences-slice';
import { SPEEDS, type Speed } from './player-slice';

interface SanitizedProgress {
  answers?: Record<string, Record<number, AnswerState>>;
  theme?: Theme;
  speed?: Speed;
  isShowingAllSteps?: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isOption = (value: unknown): value is number | null =>
  value === null || (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 3);

/**
 * Validate progress read from localStorage field by field. Anything malformed is dropped
 * and named in `problems`; everything valid is kept.
 */
export function sanitizeProgress(
  input: unknown,
  themes: readonly Theme[],
): { value: SanitizedProgress; problems: string[] } {
  const problems: string[] = [];
  const value: SanitizedProgress = {};
  if (input === undefined || input === null) return { value, problems };
  if (!isRecord(input)) return { value, problems: ['not an object'] };
  if (input.theme !== undefined) {
    if (themes.includes(input.theme as Theme)) value.theme = input.theme as Theme;
    else problems.push('theme');
  }
  if (input.speed !== undefined) {
    if (SPEEDS.includes(input.speed as Speed)) value.speed = input.speed as Speed;
    else problems.push('speed');
  }
  if (input.isShowingAllSteps !== undefined) {
    if (typeof input.isShowingAllSteps === 'boolean')
      value.isShowingAllSteps = input.isShowingAllSteps;
    else problems.push('show all steps');
  }
  if (input.answers !== undefined) {
    if (!isRecord(input.answers)) problems.push('quiz answers');
    else {
      const answers: Record<string, Record<number, AnswerState>> = {};
      let isBad = false;
      for (const [lessonId, questions] of Object.entries(input.answers)) {
        if (!isRecord(questions)) {
          isBad = true;
          continue;
        }
        const kept: Record<number, AnswerState> = {};
        for (const [index, answer] of Object.entries(questions)) {
          const q = Number(index);
          if (
            Number.isInteger(q) &&
            q >= 0 &&
            isRecord(answer) &&
            isOption(answer.selected) &&
            isOption(answer.checked)
          ) {
            kept[q] = { selected: answer.selected, checked: answer.checked };
          } else isBad = true;
        }
        answers[lessonId] = kept;
      }
      if (isBad) problems.push('some quiz answers');
      value.answers = answers;
    }
  }
  return { value, problems };
}
