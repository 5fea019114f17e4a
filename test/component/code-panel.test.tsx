import { act, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { CodePanel } from '../../src/features/code-panel/CodePanel';
import { deleteOnUpdate } from '../../src/lessons/delete-on-update';
import { initialState, useAppStore } from '../../src/store/store';

const goTo = (step: number) => act(() => useAppStore.getState().goTo(step));
const panel = () => screen.getByRole('region', { name: 'Execution sample' });
const code = () => within(panel()).getByRole('region', { name: 'Django code' });
const codeText = () =>
  Array.from(code().querySelectorAll('.code__line'), (line) => line.textContent).join('\n');

beforeEach(() => useAppStore.setState(initialState, true));

describe('Execution sample', () => {
  it('is a region named Execution sample', () => {
    render(<CodePanel />);
    expect(panel()).toBeInTheDocument();
  });

  it('shows the lesson’s Django code exactly, one line per source line', () => {
    render(<CodePanel />);
    expect(codeText()).toBe(deleteOnUpdate.code.source);
    expect(within(code()).getAllByRole('listitem')).toHaveLength(17);
  });

  it('highlights Python syntax with token spans once the highlighter has loaded', async () => {
    render(<CodePanel />);
    await waitFor(() => expect(code().querySelector('.tok-keyword')).not.toBeNull());
    const keywords = Array.from(code().querySelectorAll('.tok-keyword'), (el) => el.textContent);
    expect(keywords).toContain('def');
    expect(code().querySelector('.tok-comment')).toHaveTextContent(
      '# Invalidate cache key after data update',
    );
  });

  it('scrolls inside its own focusable box', () => {
    render(<CodePanel />);
    expect(code()).toHaveAttribute('tabindex', '0');
  });

  it('marks no current line at the start, and says which lines run next', () => {
    render(<CodePanel />);
    expect(code().querySelector('[aria-current]')).toBeNull();
    expect(within(code()).getAllByText('runs next:')).toHaveLength(5);
    expect(within(code()).queryByText('just ran:')).toBeNull();
  });

  it('marks the line that just ran at step 3 as current', () => {
    render(<CodePanel />);
    goTo(3);
    const current = code().querySelectorAll('[aria-current="true"]');
    expect(current).toHaveLength(1);
    expect(current[0]).toHaveTextContent('# Invalidate cache key after data update');
  });

  it('says in words which lines just ran and which run next at step 3', () => {
    render(<CodePanel />);
    goTo(3);
    const ran = within(code())
      .getAllByText('just ran:')
      .map((hint) => hint.closest('li')?.querySelector('.code__line')?.textContent);
    expect(ran).toEqual([
      '    # Invalidate cache key after data update',
      "    cache.delete(f'user_profile_{user_id}')",
    ]);
    expect(within(code()).getAllByText('runs next:')).toHaveLength(5);
  });

  it('explains the markers with a legend in words', () => {
    render(<CodePanel />);
    expect(within(panel()).getByText('just ran', { selector: 'span' })).toBeInTheDocument();
    expect(within(panel()).getByText('runs next', { selector: 'span' })).toBeInTheDocument();
  });

  it('shows the caption and the step’s narration', () => {
    render(<CodePanel />);
    goTo(3);
    expect(within(panel()).getByText(deleteOnUpdate.code.caption)).toBeInTheDocument();
    expect(within(panel()).getByText(deleteOnUpdate.steps[2].narration)).toBeInTheDocument();
  });

  it('shows what the step did as badges with the key as code', () => {
    render(<CodePanel />);
    goTo(1);
    const outcomes = within(panel()).getByRole('list', { name: 'What this step did' });
    const items = within(outcomes).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      '○miss user_profile_42',
      '•db read Profile(pk=42)',
      '•cache set user_profile_42',
    ]);
    expect(within(items[0]).getByText('user_profile_42').tagName).toBe('CODE');
  });

  it('shows an invalidation at step 3 and a hit at step 5', () => {
    render(<CodePanel />);
    goTo(3);
    expect(within(panel()).getByText('invalidated')).toBeInTheDocument();
    goTo(5);
    expect(within(panel()).getByText('hit')).toBeInTheDocument();
  });

  it('says a skipped step’s code did not run', () => {
    render(<CodePanel />);
    act(() => useAppStore.getState().toggleSkip(3));
    goTo(3);
    expect(within(panel()).getByText(/skipped in this what-if/)).toBeInTheDocument();
    expect(code().querySelector('[aria-current]')).toBeNull();
  });
});
