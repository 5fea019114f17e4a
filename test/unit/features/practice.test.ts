import { describe, expect, it } from 'vitest';
import { generatePractice } from '../../../src/engine';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';
import {
  buildPracticeQuestionView,
  exportResults,
  scoreText,
  wrongText,
} from '../../../src/features/practice/practice-view';

const q = generatePractice(1);
const wrongOption = (q.answer + 1) % 4;

describe('Practice question view', () => {
  it('cannot be checked before an option is picked', () => {
    const view = buildPracticeQuestionView(q, null, null);
    expect(view).toMatchObject({ canCheck: false, isChecked: false, isCorrect: null, status: '' });
    expect(view.marks).toEqual([null, null, null, null]);
  });

  it('can be checked once an option is picked, and only once', () => {
    expect(buildPracticeQuestionView(q, 0, null).canCheck).toBe(true);
    expect(buildPracticeQuestionView(q, 0, 0).canCheck).toBe(false);
  });

  it('starts the status with Correct and marks the answer right', () => {
    const view = buildPracticeQuestionView(q, q.answer, q.answer);
    expect(view.status).toBe(`Correct. ${q.explanation}`);
    expect(view.marks[q.answer]).toEqual({ tone: 'right', icon: '✓', text: 'your answer, right' });
  });

  it('starts the status with Incorrect, names the right option and marks both', () => {
    const view = buildPracticeQuestionView(q, wrongOption, wrongOption);
    const letter = 'ABCD'[q.answer];
    expect(view.status).toBe(
      `Incorrect. The answer is ${letter} ${q.options[q.answer]}. ${q.explanation}`,
    );
    expect(view.marks[q.answer]?.text).toBe('right answer');
    expect(view.marks[wrongOption]).toEqual({
      tone: 'wrong',
      icon: '✕',
      text: 'your answer, wrong',
    });
  });

  it('shows dict and value options as code', () => {
    const byKind = (kind: string) =>
      Array.from({ length: 60 }, (_, i) => generatePractice(i)).find((x) => x.kind === kind);
    const cacheState = byKind('cache-state');
    const readResult = byKind('read-result');
    if (!cacheState || !readResult) throw new Error('no such question in 60 seeds');
    expect(buildPracticeQuestionView(cacheState, null, null).isCode).toBe(true);
    expect(buildPracticeQuestionView(readResult, null, null).isCode).toBe(false);
  });
});

describe('Practice score words', () => {
  it('counts right answers of all answers, and the redo list', () => {
    expect(scoreText({ right: 2, total: 3, wrong: [7] })).toBe('Practice score: 2 right of 3');
    expect(wrongText({ right: 2, total: 3, wrong: [7] })).toBe('1 wrong answer to redo.');
    expect(wrongText({ right: 0, total: 2, wrong: [7, 8] })).toBe('2 wrong answers to redo.');
    expect(wrongText({ right: 0, total: 0, wrong: [] })).toBe('No wrong answers to redo.');
  });
});

describe('Export results', () => {
  it('writes practice and quiz answers as plain JSON', () => {
    const text = exportResults({
      history: [
        { seed: 1, kind: q.kind, chosen: q.answer, isCorrect: true },
        { seed: 1, kind: q.kind, chosen: wrongOption, isCorrect: false },
      ],
      answers: {
        'delete-on-update': { 0: { selected: 0, checked: 0 }, 1: { selected: 1, checked: null } },
        'not-loaded': { 2: { selected: 3, checked: 3 } },
      },
      findLesson: (id) => (id === deleteOnUpdate.id ? deleteOnUpdate : undefined),
      questionFor: generatePractice,
      exportedAt: new Date('2025-01-02T03:04:05Z'),
    });
    expect(JSON.parse(text)).toEqual({
      app: 'Django Cache Lab',
      exportedAt: '2025-01-02T03:04:05.000Z',
      practice: {
        right: 1,
        total: 2,
        answers: [
          {
            seed: 1,
            kind: q.kind,
            question: q.question,
            chosen: 'ABCD'[q.answer],
            isCorrect: true,
          },
          {
            seed: 1,
            kind: q.kind,
            question: q.question,
            chosen: 'ABCD'[wrongOption],
            isCorrect: false,
          },
        ],
      },
      quiz: [
        { lesson: 'delete-on-update', question: 1, chosen: 'A', isCorrect: true },
        { lesson: 'not-loaded', question: 3, chosen: 'D', isCorrect: null },
      ],
    });
  });
});
