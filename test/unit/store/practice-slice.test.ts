import { beforeEach, describe, expect, it } from 'vitest';
import { FIRST_PRACTICE_SEED, generatePractice, nextPracticeSeed } from '../../../src/engine';
import {
  PRACTICE_HISTORY_LIMIT,
  practiceQuestionFor,
  selectPracticeQuestion,
  selectPracticeStats,
  wrongSeeds,
  type PracticeEntry,
} from '../../../src/store/practice-slice';
import { initialState, useAppStore } from '../../../src/store/store';

const store = useAppStore;
// The Practice view hands the store the generator when its chunk loads; here the test does.
beforeEach(() => {
  store.setState(initialState, true);
  store.getState().setPracticeGenerator(generatePractice);
});

/** Answer the question on screen right or wrong. */
function answer(isRight: boolean): void {
  const q = generatePractice(store.getState().practiceSeed);
  store.getState().answerPractice(isRight ? q.answer : (q.answer + 1) % 4);
}

const entry = (seed: number, isCorrect: boolean): PracticeEntry => ({
  seed,
  kind: 'queries',
  chosen: 0,
  isCorrect,
});

describe('Practice questions', () => {
  it('start at the first seed and walk a predictable sequence', () => {
    expect(store.getState().practiceSeed).toBe(FIRST_PRACTICE_SEED);
    store.getState().newQuestion();
    const second = nextPracticeSeed(FIRST_PRACTICE_SEED);
    expect(store.getState().practiceSeed).toBe(second);
    store.getState().newQuestion();
    expect(store.getState().practiceSeed).toBe(nextPracticeSeed(second));
  });

  it('select the same question object for the same seed', () => {
    const a = selectPracticeQuestion(store.getState());
    expect(selectPracticeQuestion(store.getState())).toBe(a);
    expect(a).toEqual(generatePractice(FIRST_PRACTICE_SEED));
    expect(practiceQuestionFor(store.getState(), FIRST_PRACTICE_SEED)).toBe(a);
  });

  it('record a checked answer with its kind and verdict', () => {
    answer(true);
    const q = generatePractice(FIRST_PRACTICE_SEED);
    expect(store.getState().practiceHistory).toEqual([
      { seed: FIRST_PRACTICE_SEED, kind: q.kind, chosen: q.answer, isCorrect: true },
    ]);
    expect(store.getState().practiceChecked).toBe(q.answer);
  });

  it('take one answer per showing, so the score counts first tries', () => {
    answer(false);
    answer(true);
    store.getState().selectPracticeOption(2);
    expect(store.getState().practiceHistory).toHaveLength(1);
    expect(store.getState().practiceHistory[0].isCorrect).toBe(false);
    expect(store.getState().practiceSelected).not.toBe(2);
  });

  it('ignore options outside A..D', () => {
    store.getState().answerPractice(4);
    store.getState().answerPractice(-1);
    store.getState().answerPractice(1.5);
    store.getState().selectPracticeOption(7);
    expect(store.getState().practiceHistory).toEqual([]);
    expect(store.getState().practiceSelected).toBeNull();
  });

  it('clear the picked option on a new question', () => {
    store.getState().selectPracticeOption(1);
    answer(true);
    store.getState().newQuestion();
    expect(store.getState().practiceSelected).toBeNull();
    expect(store.getState().practiceChecked).toBeNull();
  });

  it('keep at most the last 200 answers', () => {
    for (let i = 0; i < PRACTICE_HISTORY_LIMIT + 5; i += 1) {
      answer(i % 2 === 0);
      store.getState().newQuestion();
    }
    const history = store.getState().practiceHistory;
    expect(history).toHaveLength(PRACTICE_HISTORY_LIMIT);
    expect(history[0].seed).not.toBe(FIRST_PRACTICE_SEED);
  });
});

describe('Redo wrong answers', () => {
  it('lists seeds whose latest answer is wrong, oldest first', () => {
    expect(wrongSeeds([entry(1, false), entry(2, false), entry(3, true)])).toEqual([1, 2]);
    expect(wrongSeeds([entry(1, false), entry(2, false), entry(1, true)])).toEqual([2]);
    expect(wrongSeeds([entry(1, false), entry(2, false), entry(1, false)])).toEqual([2, 1]);
    expect(wrongSeeds([entry(1, true), entry(1, false)])).toEqual([1]);
  });

  it('does nothing when every answer is right', () => {
    answer(true);
    store.getState().newQuestion();
    const seed = store.getState().practiceSeed;
    store.getState().redoWrong();
    expect(store.getState().practiceSeed).toBe(seed);
  });

  it('goes back to the oldest wrong question, and a right answer takes it off the list', () => {
    answer(false);
    store.getState().newQuestion();
    const second = store.getState().practiceSeed;
    answer(false);
    store.getState().newQuestion();
    const third = store.getState().practiceSeed;
    expect(selectPracticeStats(store.getState()).wrong).toEqual([FIRST_PRACTICE_SEED, second]);

    store.getState().redoWrong();
    expect(store.getState().practiceSeed).toBe(FIRST_PRACTICE_SEED);
    expect(store.getState().practiceChecked).toBeNull();
    answer(true);
    expect(selectPracticeStats(store.getState())).toEqual({ right: 1, total: 3, wrong: [second] });

    store.getState().redoWrong();
    expect(store.getState().practiceSeed).toBe(second);
    // Redoing does not move the sequence: the next new question follows the third.
    store.getState().newQuestion();
    expect(store.getState().practiceSeed).toBe(nextPracticeSeed(third));
  });

  it('returns a stable stats object for the same history', () => {
    answer(false);
    const a = selectPracticeStats(store.getState());
    expect(selectPracticeStats(store.getState())).toBe(a);
  });
});

describe('Reset progress', () => {
  it('clears practice answers and starts the sequence again', () => {
    answer(false);
    store.getState().newQuestion();
    store.getState().resetPractice();
    const s = store.getState();
    expect(s.practiceHistory).toEqual([]);
    expect(s.practiceSeed).toBe(FIRST_PRACTICE_SEED);
    expect(s.practiceCursor).toBe(FIRST_PRACTICE_SEED);
    expect(s.practiceChecked).toBeNull();
  });

  it('clears quiz answers too when both resets run, as the button does', () => {
    store.getState().selectOption(0, 0);
    store.getState().checkAnswer(0);
    answer(true);
    store.getState().resetProgress();
    store.getState().resetPractice();
    expect(store.getState().answers).toEqual({});
    expect(store.getState().practiceHistory).toEqual([]);
  });
});
