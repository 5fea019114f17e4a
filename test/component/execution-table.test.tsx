import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExecutionTable } from '../../src/features/execution-table/ExecutionTable';
import { initialState, useAppStore } from '../../src/store/store';
import { SEED_HEADERS, SEED_TABLE } from '../fixtures/seed-lesson';

const table = () => screen.getByRole('table', { name: 'Execution table' });
const bodyRows = () => {
  const [, body] = within(table()).getAllByRole('rowgroup');
  return within(body).queryAllByRole('row');
};
const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
const goTo = (step: number) => act(() => useAppStore.getState().goTo(step));

beforeEach(() => useAppStore.setState(initialState, true));

describe('Execution table', () => {
  it('is a table captioned "Execution table" with the seed column headers', () => {
    render(<ExecutionTable />);
    const headers = within(table()).getAllByRole('columnheader');
    expect(headers.map((th) => th.textContent)).toEqual(SEED_HEADERS);
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
  });

  it('has no body rows at step 0, and says how to start outside the table', () => {
    render(<ExecutionTable />);
    expect(bodyRows()).toHaveLength(0);
    const hint = screen.getByText('Press Next step to run step 1.');
    expect(table()).not.toContainElement(hint);
  });

  it('grows a row per step and matches the seed cell for cell at step 5', () => {
    render(<ExecutionTable />);
    goTo(2);
    expect(bodyRows().map(cellTexts)).toEqual(SEED_TABLE.slice(0, 2));
    goTo(5);
    expect(bodyRows().map(cellTexts)).toEqual(SEED_TABLE);
    expect(screen.queryByText('Press Next step to run step 1.')).not.toBeInTheDocument();
  });

  it('lets a long key or value wrap after its _ : , and {, with the text unchanged', () => {
    render(<ExecutionTable />);
    goTo(2);
    const [, second] = bodyRows();
    const after = within(second).getAllByRole('cell')[4].querySelector('code')!;
    expect(after.textContent).toBe(SEED_TABLE[1][4]);
    // `{'user_profile_42': 'old_data'}`: a break opportunity after each of those characters.
    const before = Array.from(after.querySelectorAll('wbr')).map((wbr) =>
      wbr.previousSibling?.textContent?.slice(-1),
    );
    expect(before).toEqual(['{', '_', '_', ':', '_']);
  });

  it('marks the current row with aria-current="step", and only that row', () => {
    render(<ExecutionTable />);
    goTo(3);
    const current = bodyRows().filter((row) => row.getAttribute('aria-current') === 'step');
    expect(current).toHaveLength(1);
    expect(cellTexts(current[0])[0]).toBe('3');
    expect(table().querySelectorAll('[aria-current]')).toHaveLength(1);
  });

  it('shrinks again when stepping back', () => {
    render(<ExecutionTable />);
    goTo(4);
    goTo(1);
    expect(bodyRows().map(cellTexts)).toEqual(SEED_TABLE.slice(0, 1));
  });

  it('shows Python values in monospace', () => {
    render(<ExecutionTable />);
    goTo(1);
    const [row] = bodyRows();
    const code = row.querySelectorAll('code');
    expect([...code].map((c) => c.textContent)).toEqual([
      'user_profile_42',
      'None',
      "{'user_profile_42': 'old_data'}",
    ]);
  });

  it('scrolls inside its own focusable box', () => {
    render(<ExecutionTable />);
    const box = screen.getByRole('region', { name: 'Execution table, scrollable' });
    expect(box).toHaveAttribute('tabindex', '0');
    expect(box).toContainElement(table());
  });

  it('lays out a short lesson as a short table: every new row slides in', () => {
    render(<ExecutionTable />);
    goTo(5);
    expect(table().closest('.xtable')).not.toHaveClass('xtable--long');
    expect(table().querySelectorAll('.xtable__row--still')).toHaveLength(0);
  });

  it('shows the lesson table note below the table', () => {
    render(<ExecutionTable />);
    expect(
      screen.getByText(/Cache invalidation ensures stale data is removed/),
    ).toBeInTheDocument();
  });

  describe('Show all steps', () => {
    it('shows all 5 rows at step 2, the 3 later ones marked not reached', async () => {
      render(<ExecutionTable />);
      goTo(2);
      const toggle = screen.getByRole('button', { name: 'Show all steps' });
      expect(toggle).toHaveAttribute('aria-pressed', 'false');
      await userEvent.click(toggle);
      expect(toggle).toHaveAttribute('aria-pressed', 'true');
      const rows = bodyRows();
      expect(rows.map(cellTexts)).toEqual(SEED_TABLE);
      expect(rows.map((row) => row.getAttribute('data-reached'))).toEqual([
        null,
        null,
        'false',
        'false',
        'false',
      ]);
      expect(screen.getByText('Rows after step 2 are not reached yet.')).toBeInTheDocument();
      expect(rows.filter((row) => row.getAttribute('aria-current') === 'step')).toEqual([rows[1]]);
    });

    it('hides the later rows again when switched off', async () => {
      render(<ExecutionTable />);
      goTo(2);
      const toggle = screen.getByRole('button', { name: 'Show all steps' });
      await userEvent.click(toggle);
      await userEvent.click(toggle);
      expect(bodyRows()).toHaveLength(2);
      expect(screen.queryByText(/are not reached yet/)).not.toBeInTheDocument();
    });
  });

  describe('what-if: skip step 3', () => {
    beforeEach(() => act(() => useAppStore.getState().toggleSkip(3)));

    it("keeps {'user_profile_42': 'old_data'} after step 4", () => {
      render(<ExecutionTable />);
      goTo(5);
      const rows = bodyRows();
      const afterColumn = SEED_HEADERS.indexOf('Cache State After');
      expect(cellTexts(rows[3])[afterColumn]).toBe("{'user_profile_42': 'old_data'}");
      expect(cellTexts(rows[2])[SEED_HEADERS.indexOf('Result')]).toMatch(/skipped/i);
      expect(cellTexts(rows[4])[SEED_HEADERS.indexOf('Result')]).toMatch(/stale/);
    });

    it('styles the skipped, diverged and stale rows without adding text', () => {
      render(<ExecutionTable />);
      goTo(5);
      const rows = bodyRows();
      expect(rows[2]).toHaveClass('xtable__row--skipped', 'xtable__row--diverged');
      expect(rows[4]).toHaveClass('xtable__row--stale', 'xtable__row--diverged');
      expect(rows[0]).not.toHaveClass('xtable__row--diverged');
    });
  });
});
