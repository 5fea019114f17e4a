import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeyMoments } from '../../src/features/key-moments/KeyMoments';
import { deleteOnUpdate } from '../../src/lessons/delete-on-update';
import { initialState, useAppStore } from '../../src/store/store';

beforeEach(() => useAppStore.setState(initialState, true));

describe('Key moments', () => {
  it('is a region with one disclosure per insight, labelled with its question', () => {
    const { container } = render(<KeyMoments />);
    const region = screen.getByRole('region', { name: 'Key moments' });
    const summaries = container.querySelectorAll('details > summary');
    expect([...summaries].map((summary) => summary.textContent)).toEqual(
      deleteOnUpdate.keyMoments.map((moment) => moment.question),
    );
    expect(region.querySelectorAll('details[open]')).toHaveLength(0);
  });

  it('opens to the answer, whose Show step 3 button moves the player to step 3', async () => {
    const user = userEvent.setup();
    render(<KeyMoments />);
    const moment = deleteOnUpdate.keyMoments[1];
    await user.click(screen.getByText(moment.question));
    const details = screen.getByText(moment.question).closest('details') as HTMLElement;
    expect(details).toHaveAttribute('open');
    expect(within(details).getByText(moment.answer)).toBeVisible();
    const button = within(details).getByRole('button', { name: 'Show step 3' });
    await user.click(button);
    expect(useAppStore.getState().step).toBe(3);
    expect(button).toHaveFocus();
    expect(details).toHaveTextContent('You are at this step.');
  });
});
