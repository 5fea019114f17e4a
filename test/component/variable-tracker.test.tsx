import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { VariableTracker } from '../../src/features/variable-tracker/VariableTracker';
import { initialState, useAppStore } from '../../src/store/store';
import { SEED_TRACKER, SEED_TRACKER_HEADERS } from '../fixtures/seed-lesson';

const table = () => screen.getByRole('table', { name: 'Variable tracker' });
const cacheRow = () => screen.getByRole('rowheader', { name: 'cache' }).closest('tr')!;
const values = () =>
  within(cacheRow())
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
const goTo = (step: number) => act(() => useAppStore.getState().goTo(step));

beforeEach(() => useAppStore.setState(initialState, true));

describe('Variable tracker', () => {
  it('is a table captioned "Variable tracker" with a column per frame', () => {
    render(<VariableTracker />);
    const headers = within(table()).getAllByRole('columnheader');
    expect(headers.map((th) => th.textContent)).toEqual(['Variable', ...SEED_TRACKER_HEADERS]);
  });

  it('has one row per tracked variable, named by a row header in monospace', () => {
    render(<VariableTracker />);
    const rowHeader = within(table()).getByRole('rowheader', { name: 'cache' });
    expect(rowHeader).toHaveAttribute('scope', 'row');
    expect(rowHeader.querySelector('code')).toHaveTextContent('cache');
  });

  it('shows only the start value at step 0, the other cells empty', () => {
    render(<VariableTracker />);
    expect(values()).toEqual(['{}', '', '', '', '', '']);
  });

  it('fills in as the player moves and leaves later cells with no text', () => {
    render(<VariableTracker />);
    goTo(2);
    expect(values()).toEqual([...SEED_TRACKER.slice(0, 3), '', '', '']);
  });

  it('matches the seed tracker at the last step', () => {
    render(<VariableTracker />);
    goTo(5);
    expect(values()).toEqual(SEED_TRACKER);
  });

  it('highlights the current column with a class, not extra text', () => {
    render(<VariableTracker />);
    goTo(3);
    const current = within(table())
      .getAllByRole('columnheader')
      .filter((th) => th.classList.contains('vtracker__head--current'));
    expect(current.map((th) => th.textContent)).toEqual(['After Step 3']);
    const cells = within(cacheRow()).getAllByRole('cell');
    expect(cells[3]).toHaveClass('vtracker__cell--current', 'vtracker__cell--changed');
    expect(cells[3]).toHaveTextContent(/^\{\}$/);
  });

  it('scrolls inside its own focusable box', () => {
    render(<VariableTracker />);
    const box = screen.getByRole('region', { name: 'Variable tracker, scrollable' });
    expect(box).toHaveAttribute('tabindex', '0');
    expect(box).toContainElement(table());
  });
});
