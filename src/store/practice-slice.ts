import type { StateCreator } from 'zustand';
import type { PracticeQuestion } from '../engine';
import { FIRST_PRACTICE_SEED, nextPracticeSeed, type PracticeKind } from '../engine/practice-seed';
import type { AppState } from './store';

/** One checked practice answer. Persisted as progress. */
export interface PracticeEntry {
  seed: number;
  kind: PracticeKind;
  /** Option index 0..3 the learner checked. */
  chosen: number;
  isCorrect: boolean;
}

/** Older answers are dropped past this many, so stored progress stays small. */
export const PRACTICE_HISTORY_LIMIT = 200;

export interface PracticeSlice {
  /** The seed of the question on screen. */
  practiceSeed: number;
  /** The last seed `newQuestion` reached; redoing old questions does not move it. */
  practiceCursor: number;
  /** Checked answers, oldest first, at most {@link PRACTICE_HISTORY_LIMIT}. */
  practiceHistory: PracticeEntry[];
  /** The option picked for the question on screen, not yet checked. */
  practiceSelected: number | null;
  /** The option checked for the question on screen; one check per showing. */
  practiceChecked: number | null;
  selectPracticeOption: (option: number) => void;
  /** Check `option` for the question on screen and record it. */
  answerPractice: (option: number) => void;
  /** Move on to the next seed of the sequence. */
  newQuestion: () => void;
  /** Show the oldest question whose latest answer is wrong. */
  redoWrong: () => void;
  /** Forget practice answers and start the sequence again. */
  resetPractice: () => void;
  /**
   * The question generator (`generatePractice`), or `null` until the Practice view's chunk,
   * which carries it, has loaded: the first view's JavaScript has no room for it. Not persisted.
   */
  practiceGenerator: Generate | null;
  /** Hand the store the generator (the Practice view does, when its chunk loads). */
  setPracticeGenerator: (generate: Generate) => void;
}

type Generate = (seed: number) => PracticeQuestion;

/**
 * Generated questions by generator and seed: a memo of a pure function (the same object for
 * the same seed, for selectors), dropped with its generator; nothing a test must reset.
 */
const questionsBy = new WeakMap<Generate, Map<number, PracticeQuestion>>();

/** The question for a seed, from the store's generator. */
export function practiceQuestionFor(
  state: Pick<AppState, 'practiceGenerator'>,
  seed: number,
): PracticeQuestion {
  const generate = state.practiceGenerator;
  if (!generate) throw new Error('The practice generator is not loaded yet');
  let questions = questionsBy.get(generate);
  if (!questions) {
    questions = new Map();
    questionsBy.set(generate, questions);
  }
  let question = questions.get(seed);
  if (!question) {
    question = generate(seed);
    // A learner sees a few hundred questions at most; keep the memo bounded anyway.
    if (questions.size >= 256) questions.delete(questions.keys().next().value as number);
    questions.set(seed, question);
  }
  return question;
}

/**
 * Seeds whose latest answer is wrong, ordered by when that answer was given (oldest first):
 * answering a question right takes it off the list, answering it wrong again sends it to the end.
 */
export function wrongSeeds(history: readonly PracticeEntry[]): number[] {
  const latest = new Map<number, PracticeEntry>();
  for (const entry of history) {
    // Re-inserting moves the seed to the end, so iteration order is "latest answer" order.
    latest.delete(entry.seed);
    latest.set(entry.seed, entry);
  }
  return [...latest.values()].filter((e) => !e.isCorrect).map((e) => e.seed);
}

export interface PracticeStats {
  right: number;
  total: number;
  /** The redo list: see {@link wrongSeeds}. */
  wrong: number[];
}

const statsByHistory = new WeakMap<readonly PracticeEntry[], PracticeStats>();

/** Score and redo list, the same object for the same history (a stable selector result). */
export const selectPracticeStats = (state: AppState): PracticeStats => {
  const history = state.practiceHistory;
  let stats = statsByHistory.get(history);
  if (!stats) {
    stats = {
      right: history.filter((e) => e.isCorrect).length,
      total: history.length,
      wrong: wrongSeeds(history),
    };
    statsByHistory.set(history, stats);
  }
  return stats;
};

/** The question on screen. */
export const selectPracticeQuestion = (state: AppState): PracticeQuestion =>
  practiceQuestionFor(state, state.practiceSeed);

const isOption = (option: number): boolean =>
  Number.isInteger(option) && option >= 0 && option <= 3;

export const createPracticeSlice: StateCreator<AppState, [], [], PracticeSlice> = (set, get) => ({
  practiceSeed: FIRST_PRACTICE_SEED,
  practiceCursor: FIRST_PRACTICE_SEED,
  practiceHistory: [],
  practiceSelected: null,
  practiceChecked: null,
  selectPracticeOption: (option) => {
    if (isOption(option) && get().practiceChecked === null) set({ practiceSelected: option });
  },
  answerPractice: (option) => {
    const state = get();
    const { practiceSeed, practiceChecked, practiceHistory } = state;
    // One answer per showing, so the score counts first tries; Redo wrong answers is the retry.
    if (!isOption(option) || practiceChecked !== null || !state.practiceGenerator) return;
    const question = practiceQuestionFor(state, practiceSeed);
    const entry: PracticeEntry = {
      seed: practiceSeed,
      kind: question.kind,
      chosen: option,
      isCorrect: option === question.answer,
    };
    set({
      practiceSelected: option,
      practiceChecked: option,
      practiceHistory: [...practiceHistory, entry].slice(-PRACTICE_HISTORY_LIMIT),
    });
  },
  newQuestion: () => {
    const seed = nextPracticeSeed(get().practiceCursor);
    set({
      practiceSeed: seed,
      practiceCursor: seed,
      practiceSelected: null,
      practiceChecked: null,
    });
  },
  redoWrong: () => {
    const [oldest] = wrongSeeds(get().practiceHistory);
    if (oldest === undefined) return;
    set({ practiceSeed: oldest, practiceSelected: null, practiceChecked: null });
  },
  practiceGenerator: null,
  setPracticeGenerator: (generate) => {
    if (get().practiceGenerator !== generate) set({ practiceGenerator: generate });
  },
  resetPractice: () =>
    set({
      practiceSeed: FIRST_PRACTICE_SEED,
      practiceCursor: FIRST_PRACTICE_SEED,
      practiceHistory: [],
      practiceSelected: null,
      practiceChecked: null,
    }),
});
