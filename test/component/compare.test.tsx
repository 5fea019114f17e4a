import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CompareView } from '../../src/features/compare/CompareView';
import { initialState, useAppStore } from '../../src/store/store';

beforeEach(() => useAppStore.setState({ ...initialState, view: 'compare', isReady: true }, true));

function renderCompare() {
  const user = userEvent.setup();
  render(<CompareView />);
  const table = () => screen.getByRole('table', { name: 'Compare strategies' });
  /** The cells of the row whose header is `name`, as their visible text. */
  const row = (name: string) =>
    within(within(table()).getByRole('rowheader', { name }).closest('tr') as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
  return { user, table, row };
}

describe('Compare strategies', () => {
  it('shows a table captioned Compare strategies with the three default strategies', () => {
    const { table } = renderCompare();
    const headers = within(table())
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['Step', 'No invalidation', 'Delete on update', 'TTL']);
    const picker = screen.getByRole('group', { name: 'Strategies' });
    const ticked = within(picker)
      .getAllByRole('checkbox')
      .filter((box) => (box as HTMLInputElement).checked)
      .map((box) => box.getAttribute('id'));
    expect(ticked).toHaveLength(3);
    expect(within(picker).getByRole('checkbox', { name: 'TTL' })).toBeChecked();
  });

  it('labels each story step as a row header', () => {
    const { table } = renderCompare();
    const rows = within(table())
      .getAllByRole('rowheader')
      .map((th) => th.textContent);
    expect(rows).toEqual([
      '1. Read',
      '2. Update the profile',
      '3. Read again',
      '4. Read after 90 s',
      'DB queries',
    ]);
  });

  it('gives each read a verdict with an icon and a word', () => {
    const { row } = renderCompare();
    expect(row('1. Read')).toEqual([
      '○ miss → fresh 1 query',
      '○ miss → fresh 1 query',
      '○ miss → fresh 1 query',
    ]);
    expect(row('2. Update the profile')).toEqual([
      '— cache untouched 2 queries',
      '— key deleted 2 queries',
      '— cache untouched 2 queries',
    ]);
    expect(row('3. Read again')).toEqual(['⚠ stale', '○ miss → fresh 1 query', '⚠ stale']);
    expect(row('4. Read after 90 s')).toEqual(['⚠ stale', '✓ fresh', '○ miss → fresh 1 query']);
    expect(row('DB queries')).toEqual(['3', '4', '4']);
    expect(
      screen.getByText('Stale reads: No invalidation 2, TTL 1, Delete on update 0'),
    ).toBeVisible();
  });

  it('re-runs the TTL story when the TTL changes', async () => {
    const { user, row } = renderCompare();
    const ttl = screen.getByRole('spinbutton', { name: 'TTL (seconds)' });
    await user.clear(ttl);
    await user.type(ttl, '120');
    expect(row('4. Read after 90 s')[2]).toBe('⚠ stale');
    expect(
      screen.getByText('Stale reads: No invalidation 2, TTL 2, Delete on update 0'),
    ).toBeVisible();
  });

  it('moves the last read with the wait', async () => {
    const { user, table } = renderCompare();
    const wait = screen.getByRole('spinbutton', { name: 'Wait before the last read (seconds)' });
    await user.clear(wait);
    await user.type(wait, '400');
    expect(within(table()).getByRole('rowheader', { name: '4. Read after 400 s' })).toBeVisible();
  });

  it('says what it did with a bad number, and keeps working', async () => {
    const { user, row } = renderCompare();
    const ttl = screen.getByRole('spinbutton', { name: 'TTL (seconds)' });
    await user.clear(ttl);
    await user.type(ttl, '-5');
    expect(screen.getByText('TTL is outside 0 to 3600: using 0.')).toBeVisible();
    expect(ttl).toHaveAttribute('aria-invalid', 'true');
    expect(ttl).toHaveAccessibleDescription(/using 0/);
    expect(row('3. Read again')[2]).toBe('○ miss → fresh 1 query');
    await user.clear(ttl);
    expect(
      screen.getByText('TTL must be a number of seconds from 0 to 3600: using 60.'),
    ).toBeVisible();
    await user.type(ttl, '60');
    expect(ttl).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/using/)).not.toBeInTheDocument();
  });

  it('adds and removes strategy columns, asking for two at least', async () => {
    const { user, table } = renderCompare();
    const picker = screen.getByRole('group', { name: 'Strategies' });
    await user.click(within(picker).getByRole('checkbox', { name: 'Update on write' }));
    expect(within(table()).getByRole('columnheader', { name: 'Update on write' })).toBeVisible();
    for (const name of ['No invalidation', 'Delete on update', 'TTL'])
      await user.click(within(picker).getByRole('checkbox', { name }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Pick at least two strategies to compare.',
    );
    await user.click(within(picker).getByRole('checkbox', { name: 'Update on write' }));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('links each strategy to its full lesson', async () => {
    const openLesson = vi.fn();
    useAppStore.setState({ openLesson });
    const { user, table } = renderCompare();
    const link = within(table()).getByRole('link', { name: 'TTL' });
    expect(link).toHaveAttribute('href', '?lesson=ttl-expiry');
    await user.click(link);
    expect(openLesson).toHaveBeenCalledWith('ttl-expiry');
  });
});
