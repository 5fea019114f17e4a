import { describe, expect, it } from 'vitest';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';
import { buildQuestionView, looksLikeCode } from '../../../src/features/quiz/quiz-view';

const [q1, q2] = deleteOnUpdate.quiz;
const student = { isPresenting: false, isRevealed: false };
const presenter = { isPresenting: true, isRevealed: false };
const revealed = { isPresenting: true, isRevealed: true };

describe('Quiz view: before checking', () => {
  it('cannot check until an option is chosen, and says nothing yet', () => {
    expect(buildQuestionView(q1, undefined, student)).toMatchObject({
      canCheck: false,
      isChecked: false,
      isCorrect: null,
      status: '',
      marks: [null, null, null, null],
      canReveal: false,
    });
    expect(buildQuestionView(q1, { selected: 2, checked: null }, student).canCheck).toBe(true);
  });
});

describe('Quiz view: after checking', () => {
  it('confirms a right answer with the explanation and a mark in words', () => {
    const view = buildQuestionView(q1, { selected: 0, checked: 0 }, student);
    expect(view.status).toBe(`Correct. ${q1.explanation}`);
    expect(view.marks[0]).toEqual({ tone: 'right', icon: '✓', text: 'your answer, right' });
    expect(view.marks.slice(1)).toEqual([null, null, null]);
  });

  it('explains a wrong answer with its own feedback, then the explanation', () => {
    const view = buildQuestionView(q2, { selected: 1, checked: 1 }, student);
    expect(view.status).toBe(`Incorrect. ${q2.feedback?.[1]} ${q2.explanation}`);
    expect(view.marks).toEqual([
      null,
      { tone: 'wrong', icon: '✕', text: 'your answer, wrong' },
      { tone: 'right', icon: '✓', text: 'right answer' },
      null,
    ]);
  });

  it('falls back to the explanation when there is no per-option feedback', () => {
    const plain = { ...q2, feedback: undefined };
    expect(buildQuestionView(plain, { selected: 0, checked: 0 }, student).status).toBe(
      `Incorrect. ${q2.explanation}`,
    );
  });
});

describe('Quiz view: presenter mode', () => {
  it('hides which option is right, and why, after a wrong answer until revealed', () => {
    const view = buildQuestionView(q2, { selected: 1, checked: 1 }, presenter);
    expect(view.status).toMatch(/^Incorrect/);
    expect(view.status).not.toContain(q2.explanation);
    expect(view.marks[2]).toBeNull();
    expect(view.marks[1]?.tone).toBe('wrong');
    expect(view.canReveal).toBe(true);
  });

  it('shows the answer after a right answer without a reveal', () => {
    const view = buildQuestionView(q2, { selected: 2, checked: 2 }, presenter);
    expect(view.status).toBe(`Correct. ${q2.explanation}`);
    expect(view.marks[2]?.tone).toBe('right');
    expect(view.canReveal).toBe(false);
  });

  it('shows the answer and the explanation once revealed, even before a check', () => {
    const view = buildQuestionView(q2, undefined, revealed);
    expect(view.status).toBe('');
    expect(view.marks[2]).toEqual({ tone: 'right', icon: '✓', text: 'right answer' });
    expect(view.revealNote).toBe(`Answer: C Step 4. ${q2.explanation}`);
    expect(view.canReveal).toBe(false);
  });
});

describe('Quiz view: code-looking options', () => {
  it.each(['{}', "{'user_profile_42': 'old_data'}", 'None', "cache.delete('k')", '42'])(
    '%s reads as code',
    (text) => expect(looksLikeCode(text)).toBe(true),
  );
  it.each(['Step 4', 'The cache is empty', 'Delete the key'])('%s reads as prose', (text) =>
    expect(looksLikeCode(text)).toBe(false),
  );
});
