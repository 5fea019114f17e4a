import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PRACTICE_SEED, generatePractice, nextPracticeSeed } from '../../src/engine';
import { PracticeView, prepare } from '../../src/features/practice/PracticeView';
import { initialState, useAppStore } from '../../src/store/store';

// The Practice view's chunk hands the store its generator at import; a reset drops it.
beforeEach(() => {
  useAppStore.setState({ ...initialState, view: 'practice', isReady: true }, true);
  useAppStore.getState().setPracticeGenerator(generatePractice);
});

const LETTERS = ['A', 'B', 'C', 'D'];

function renderPractice() {
  const user = userEvent.setup();
  render(<PracticeView />);
  const question = () => generatePractice(useAppStore.getState().practiceSeed);
  const form = () => screen.getByRole('group', { name: question().question });
  /** The radio for option `i` of the question on screen, by its exact name. */
  const radio = (i: number) =>
    within(form()).getByRole('radio', { name: `${LETTERS[i]} ${question().options[i]}` });
  const answer = async (isRight: boolean) => {
    const q = question();
    await user.click(radio(isRight ? q.answer : (q.answer + 1) % 4));
    await user.click(within(form()).getByRole('button', { name: 'Check answer' }));
  };
  return { user, question, form, radio, answer };
}

describe('Practice', () => {
  it('generates the question on screen before its first render, which then generates none', async () => {
    const generate = vi.fn(generatePractice);
    useAppStore.getState().setPracticeGenerator(generate);
    useAppStore.setState({ practiceSeed: nextPracticeSeed(FIRST_PRACTICE_SEED) });
    await prepare();
    expect(generate).toHaveBeenCalledExactlyOnceWith(nextPracticeSeed(FIRST_PRACTICE_SEED));
    render(<PracticeView />);
    const q = generatePractice(nextPracticeSeed(FIRST_PRACTICE_SEED));
    expect(screen.getByRole('group', { name: q.question })).toBeVisible();
    expect(generate).toHaveBeenCalledOnce();
  });

  it('shows the generated scenario as an ordered list of steps with their code', () => {
    const { question } = renderPractice();
    const q = question();
    const scenario = screen.getByRole('region', { name: 'Scenario' });
    expect(within(scenario).getByRole('list', { name: 'Starting state' })).toHaveTextContent(
      "Profile 1 data='v0'",
    );
    const list = within(scenario).getByRole('list', { name: 'Steps' });
    expect(list.tagName).toBe('OL');
    const steps = within(list).getAllByRole('listitem');
    expect(steps).toHaveLength(q.scenario.steps.length);
    q.scenario.steps.forEach((step, i) => {
      expect(steps[i]).toHaveTextContent(`Step ${step.n}`);
      expect(steps[i]).toHaveTextContent(step.action);
      expect(within(steps[i]).getByText(step.code).tagName).toBe('CODE');
    });
    expect(steps[q.step - 1]).toHaveAttribute('aria-current', 'step');
  });

  it('asks one question as a fieldset with radios named A..D', () => {
    const { question, form } = renderPractice();
    const q = question();
    expect(screen.getByRole('heading', { level: 2, name: 'Question' })).toBeInTheDocument();
    const radios = within(form()).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('name'))).toEqual(
      Array(4).fill(radios[0].getAttribute('name')),
    );
    q.options.forEach((option, i) =>
      expect(
        within(form()).getByRole('radio', { name: `${LETTERS[i]} ${option}` }),
      ).toBeInTheDocument(),
    );
    expect(within(form()).getByRole('button', { name: 'Check answer' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(within(form()).getByRole('status')).toHaveTextContent(/^$/);
  });

  it('says Correct with the explanation for the right answer and counts it', async () => {
    const { question, form, answer } = renderPractice();
    const q = question();
    await answer(true);
    const status = within(form()).getByRole('status');
    expect(status.textContent).toMatch(/^Correct/);
    expect(status).toHaveTextContent(q.explanation);
    expect(screen.getByText('Practice score: 1 right of 1')).toBeInTheDocument();
    expect(within(form()).getByText('your answer, right')).toBeInTheDocument();
  });

  it('says Incorrect, names the right option, and adds the question to the redo list', async () => {
    const { user, question, form, answer } = renderPractice();
    const q = question();
    const redo = screen.getByRole('button', { name: 'Redo wrong answers' });
    expect(redo).toBeDisabled();
    await answer(false);
    const status = within(form()).getByRole('status');
    expect(status.textContent).toMatch(/^Incorrect/);
    expect(status).toHaveTextContent(`The answer is ${LETTERS[q.answer]} ${q.options[q.answer]}.`);
    expect(screen.getByText('Practice score: 0 right of 1')).toBeInTheDocument();
    expect(redo).toBeEnabled();
    expect(redo).toHaveAccessibleDescription('1 wrong answer to redo.');

    await user.click(screen.getByRole('button', { name: 'New question' }));
    expect(useAppStore.getState().practiceSeed).not.toBe(FIRST_PRACTICE_SEED);
    await user.click(redo);
    expect(useAppStore.getState().practiceSeed).toBe(FIRST_PRACTICE_SEED);
    expect(within(form()).getByRole('status')).toHaveTextContent(/^$/);
  });

  it('takes one answer per question', async () => {
    const { user, form, answer } = renderPractice();
    await answer(false);
    await user.click(within(form()).getByRole('button', { name: 'Check answer' }));
    expect(useAppStore.getState().practiceHistory).toHaveLength(1);
  });

  it('moves to the next seed of the sequence on New question', async () => {
    const { user, question } = renderPractice();
    await user.click(screen.getByRole('button', { name: 'New question' }));
    expect(useAppStore.getState().practiceSeed).toBe(nextPracticeSeed(FIRST_PRACTICE_SEED));
    expect(screen.getByRole('group', { name: question().question })).toBeInTheDocument();
  });

  it('asks before Reset progress clears practice and quiz answers', async () => {
    const { user, answer } = renderPractice();
    act(() => {
      useAppStore.getState().selectOption(0, 0);
      useAppStore.getState().checkAnswer(0);
    });
    await answer(true);
    await user.click(screen.getByRole('button', { name: 'Reset progress' }));
    expect(useAppStore.getState().practiceHistory).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(useAppStore.getState().practiceHistory).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Reset progress' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Reset progress' }));
    await user.click(screen.getByRole('button', { name: 'Confirm reset' }));
    expect(useAppStore.getState().practiceHistory).toEqual([]);
    expect(useAppStore.getState().answers).toEqual({});
    expect(screen.getByText('Practice score: 0 right of 0')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reset progress' })).toHaveFocus();
  });

  it('exports practice and quiz answers as a JSON download', async () => {
    const { user, answer } = renderPractice();
    await answer(true);
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:results';
    });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this);
    });
    await user.click(screen.getByRole('button', { name: 'Export results' }));
    expect(clicks).toHaveLength(1);
    expect(clicks[0].download).toBe('django-cache-lab-results.json');
    expect(clicks[0].getAttribute('href')).toBe('blob:results');
    expect(blobs[0].type).toBe('application/json');
    const data = JSON.parse(await blobs[0].text()) as {
      practice: { right: number; total: number; answers: { seed: number; isCorrect: boolean }[] };
      quiz: unknown[];
    };
    expect(data.practice.right).toBe(1);
    expect(data.practice.answers[0]).toMatchObject({ seed: FIRST_PRACTICE_SEED, isCorrect: true });
    expect(data.quiz).toEqual([]);
  });
});
