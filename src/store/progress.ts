import { PRACTICE_KINDS, type PracticeKind } from '../engine/practice-seed';
import type { AnswerState } from './quiz-slice';
import { PRACTICE_HISTORY_LIMIT, type PracticeEntry } from './practice-slice';
import type { Theme } from './preferences-slice';
import { SPEEDS, type Speed } from './player-slice';
import { SANDBOX_MAX_BYTES } from './sandbox-slice';
import { PROGRESS_VERSION, type ProgressReport, type StoredCopy } from './storage';

interface SanitizedProgress {
  answers?: Record<string, Record<number, AnswerState>>;
  theme?: Theme;
  speed?: Speed;
  isShowingAllSteps?: boolean;
  practiceSeed?: number;
  practiceCursor?: number;
  practiceHistory?: PracticeEntry[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isOption = (value: unknown): value is number | null =>
  value === null || (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 3);

/** A practice seed: a 32-bit unsigned integer, as the seed sequence produces. */
const isSeed = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 32;

const isPracticeEntry = (value: unknown): value is PracticeEntry =>
  isRecord(value) &&
  isSeed(value.seed) &&
  PRACTICE_KINDS.includes(value.kind as PracticeKind) &&
  isOption(value.chosen) &&
  value.chosen !== null &&
  typeof value.isCorrect === 'boolean';

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
  for (const field of ['practiceSeed', 'practiceCursor'] as const) {
    if (input[field] === undefined) continue;
    if (isSeed(input[field])) value[field] = input[field];
    else problems.push(field === 'practiceSeed' ? 'practice question' : 'practice sequence');
  }
  if (input.practiceHistory !== undefined) {
    if (!Array.isArray(input.practiceHistory)) problems.push('practice answers');
    else {
      // Copy only the known fields, so nothing else stored under an entry survives.
      const kept = input.practiceHistory
        .filter(isPracticeEntry)
        .map(({ seed, kind, chosen, isCorrect }) => ({ seed, kind, chosen, isCorrect }));
      if (kept.length < input.practiceHistory.length) problems.push('some practice answers');
      value.practiceHistory = kept.slice(-PRACTICE_HISTORY_LIMIT);
    }
  }
  return { value, problems };
}

/**
 * Check the saved sandbox scenario's text (its own storage key): a non-empty string no larger
 * than an import may be, or it is dropped and named. Only the shape is checked here; the
 * scenario itself is parsed when a visit asks for it (the parser loads on demand), and dropped
 * with a notice then if it fails.
 */
export function sanitizeSandboxText(input: unknown): {
  value: { sandboxText?: string };
  problems: string[];
} {
  if (input === null || input === undefined) return { value: {}, problems: [] };
  return typeof input === 'string' && input.trim() !== '' && input.length <= SANDBOX_MAX_BYTES
    ? { value: { sandboxText: input }, problems: [] }
    : { value: {}, problems: ['sandbox scenario'] };
}

/** What hydration found, for {@link hydrationNotices}. */
export interface HydrationFindings {
  report: ProgressReport | null;
  /** Progress fields that were dropped (field by field). */
  problems: string[];
  /** The backed-up original when fields were dropped. */
  progressCopy: StoredCopy | null;
  /** The set-aside sandbox text when its shape was wrong (empty, too large). */
  sandboxCopy: StoredCopy | null;
  sandboxNewerVersion: number | null;
}

/** Where a set-aside copy is, in words: under its backup key, or left where it was. */
export function whereKept(copy: StoredCopy): string {
  return copy.backupKey
    ? `a copy is kept under "${copy.backupKey}" (use Download below)`
    : `it could not be copied, so it was left as it is and this tab saves nothing over it (use Download below)`;
}

/** The notices hydration gives: one sentence per key that was not read as it was. */
export function hydrationNotices(found: HydrationFindings): string[] {
  const notices: string[] = [];
  const { report } = found;
  if (report?.kind === 'unreadable') {
    notices.push(
      `Saved progress could not be read (${report.reason}) and was skipped: ${whereKept(report.copy)}.`,
    );
  } else if (report?.kind === 'newer') {
    notices.push(
      `Saved progress was written by a newer version of Django Cache Lab (format ${report.version}; this one reads up to ${PROGRESS_VERSION}). It is kept as it is: this tab shows what it can and saves no progress over it.`,
    );
  }
  if (found.problems.length) {
    const where = found.progressCopy ? ` The original: ${whereKept(found.progressCopy)}.` : '';
    notices.push(
      `Saved progress was partly unreadable and was skipped: ${found.problems.join('; ')}.${where}`,
    );
  }
  if (found.sandboxCopy) {
    notices.push(
      `The saved sandbox scenario is empty or too large and was skipped: ${whereKept(found.sandboxCopy)}.`,
    );
  }
  if (found.sandboxNewerVersion !== null) {
    notices.push(
      `The saved sandbox scenario was written by a newer version of Django Cache Lab (format ${found.sandboxNewerVersion}). It is kept as it is: this tab saves no scenario over it.`,
    );
  }
  return notices;
}
