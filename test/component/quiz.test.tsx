import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { VisualQuiz } from '../../src/features/quiz/VisualQuiz';
import { deleteOnUpdate } from '../../src/lessons/delete-on-update';
import { initialState, useAppStore } from '../../src/store/store';

const [q1, q2, q3] = deleteOnUpdate.quiz;

beforeEach(() => useAppStore.setState(initialState, true));

function renderQuiz() {
  const user = userEvent.setup();
  render(<VisualQuiz />);
  const question = (text: string) => screen.getByRole('group', { name: text });
  return { user, question, region: () => screen.getByRole('region', { name: 'Visual quiz' }) };
}

describe('Visual quiz', () => {
  it('shows every question as a fieldset of lettered radios, and the score', () => {
    const { question, region } = renderQuiz();
    expect(within(region()).getByText('Score: 0 / 3')).toBeVisible();
    const first = question(q1.question);
    const names = within(first)
      .getAllByRole('radio')
      .map((radio) => radio.getAttribute('name'));
    expect(new Set(names).size).toBe(1);
    expect(within(first).getByRole('radio', { name: 'A {}' })).not.toBeChecked();
    expect(
      within(first).getByRole('radio', { name: "B {'user_profile_42': 'old_data'}" }),
    ).toBeInTheDocument();
    expect(within(first).getByRole('radio', { name: 'D None' })).toBeInTheDocument();
    expect(within(question(q2.question)).getByRole('radio', { name: 'C Step 4' })).toBeVisible();
    expect(question(q3.question)).toBeInTheDocument();
    expect(within(first).getByText('{}').tagName).toBe('CODE');
  });

  it('cannot check before an option is chosen, and says nothing yet', () => {
    const { question } = renderQuiz();
    const first = question(q1.question);
    expect(within(first).getByRole('button', { name: 'Check answer' })).toBeDisabled();
    expect(within(first).getByRole('status')).toHaveTextContent('');
  });

  it('confirms Q1 answered with A and counts it in the score', async () => {
    const { user, question, region } = renderQuiz();
    const first = question(q1.question);
    await user.click(within(first).getByRole('radio', { name: 'A {}' }));
    await user.click(within(first).getByRole('button', { name: 'Check answer' }));
    expect(within(first).getByRole('status').textContent).toMatch(/^Correct/);
    expect(within(first).getByRole('status')).toHaveTextContent(q1.explanation);
    expect(first).toHaveTextContent('your answer, right');
    expect(within(region()).getByText('Score: 1 / 3')).toBeVisible();
  });

  it('explains a wrong answer to Q2 and marks both options in words', async () => {
    const { user, question, region } = renderQuiz();
    const second = question(q2.question);
    await user.click(within(second).getByRole('radio', { name: 'B Step 3' }));
    await user.click(within(second).getByRole('button', { name: 'Check answer' }));
    const status = within(second).getByRole('status');
    expect(status.textContent).toMatch(/^Incorrect/);
    expect(status).toHaveTextContent(q2.feedback?.[1] ?? '');
    expect(second).toHaveTextContent('your answer, wrong');
    expect(second).toHaveTextContent('right answer');
    expect(within(region()).getByText('Score: 0 / 3')).toBeVisible();
  });

  it('has a hint whose Show me step 4 button moves the player', async () => {
    const { user, question } = renderQuiz();
    const second = question(q2.question);
    await user.click(within(second).getByText('Hint'));
    expect(within(second).getByText(q2.hint)).toBeVisible();
    await user.click(within(second).getByRole('button', { name: 'Show me step 4' }));
    expect(useAppStore.getState().step).toBe(4);
  });

  it('clears the answer with Try again and puts focus back on the options', async () => {
    const { user, question } = renderQuiz();
    const second = question(q2.question);
    await user.click(within(second).getByRole('radio', { name: 'A Step 2' }));
    await user.click(within(second).getByRole('button', { name: 'Check answer' }));
    await user.click(within(second).getByRole('button', { name: 'Try again' }));
    expect(within(second).getByRole('status')).toHaveTextContent('');
    expect(within(second).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    within(second)
      .getAllByRole('radio')
      .forEach((radio) => expect(radio).not.toBeChecked());
    expect(within(second).getByRole('radio', { name: 'A Step 2' })).toHaveFocus();
    expect(within(second).queryByText(/right answer/)).not.toBeInTheDocument();
  });

  it('in presenter mode hides the right answer until Reveal answer', async () => {
    const { user, question } = renderQuiz();
    act(() => useAppStore.getState().setPresenting(true));
    const second = question(q2.question);
    await user.click(within(second).getByRole('radio', { name: 'B Step 3' }));
    await user.click(within(second).getByRole('button', { name: 'Check answer' }));
    const status = within(second).getByRole('status');
    expect(status.textContent).toMatch(/^Incorrect/);
    expect(second).not.toHaveTextContent(q2.explanation);
    expect(second).not.toHaveTextContent('right answer');
    await user.click(within(second).getByRole('button', { name: 'Reveal answer' }));
    expect(second).toHaveTextContent('right answer');
    expect(status).toHaveTextContent(q2.explanation);
    expect(within(second).queryByRole('button', { name: 'Reveal answer' })).not.toBeInTheDocument();
  });

  it('in presenter mode shows a revealed answer before any check', async () => {
    const { user, question } = renderQuiz();
    act(() => useAppStore.getState().setPresenting(true));
    const third = question(q3.question);
    expect(third).not.toHaveTextContent(q3.explanation);
    await user.click(within(third).getByRole('button', { name: 'Reveal answer' }));
    expect(third).toHaveTextContent(q3.explanation);
    expect(third).toHaveTextContent('right answer');
  });
});
