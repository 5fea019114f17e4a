import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { CachePanel } from '../../src/features/state-panels/CachePanel';
import { DatabasePanel } from '../../src/features/state-panels/DatabasePanel';
import { initialState, useAppStore } from '../../src/store/store';

const goTo = (step: number) => act(() => useAppStore.getState().goTo(step));
const skip = (step: number) => act(() => useAppStore.getState().toggleSkip(step));

function renderPanels() {
  render(
    <>
      <DatabasePanel />
      <CachePanel />
    </>,
  );
  return {
    database: () => screen.getByRole('region', { name: 'Database' }),
    cache: () => screen.getByRole('region', { name: 'Cache' }),
  };
}

beforeEach(() => useAppStore.setState(initialState, true));

describe('Database panel', () => {
  it('is a region named Database with a table per model', () => {
    const { database } = renderPanels();
    const table = within(database()).getByRole('table', { name: 'Profile' });
    expect(within(table).getByRole('columnheader', { name: 'pk' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'data' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: '42' })).toBeInTheDocument();
    expect(within(table).getByText("'old_data'").tagName).toBe('CODE');
    expect(within(database()).getByText('DB queries: 0')).toBeInTheDocument();
  });

  it('marks the row the update wrote, with a word, and counts its get() and save()', () => {
    const { database } = renderPanels();
    goTo(2);
    const row = within(database()).getByRole('row', { name: /42/ });
    expect(within(row).getByText('write')).toBeInTheDocument();
    expect(within(row).getByText("'fresh_data'")).toBeInTheDocument();
    expect(database()).toHaveTextContent('DB queries: 3 +2 this step');
  });

  it('marks nothing at a step that does not write', () => {
    const { database } = renderPanels();
    goTo(5);
    expect(within(database()).queryByText('write')).not.toBeInTheDocument();
    expect(within(database()).getByText('DB queries: 4')).toBeInTheDocument();
    expect(database()).not.toHaveTextContent('this step');
  });
});

describe('Cache panel', () => {
  it('is a region named Cache that starts empty', () => {
    const { cache } = renderPanels();
    expect(within(cache()).getByText('The cache is empty.')).toBeInTheDocument();
  });

  it('shows the final key, the raw key, the value and the time to live', () => {
    const { cache } = renderPanels();
    goTo(1);
    const panel = cache();
    expect(within(panel).getByText(':1:user_profile_42').tagName).toBe('CODE');
    expect(within(panel).getAllByText('user_profile_42').length).toBeGreaterThan(0);
    expect(panel).toHaveTextContent('expires in 300s');
    expect(panel).not.toHaveTextContent('Clock:');
  });

  it("warns once, next to 'old_data', when the database changed at step 2", () => {
    const { cache } = renderPanels();
    goTo(2);
    const panel = cache();
    const warnings = within(panel).getAllByText('stale');
    expect(warnings).toHaveLength(1);
    const entry = warnings[0].closest('li');
    expect(entry).not.toBeNull();
    expect(within(entry as HTMLElement).getByText("'old_data'")).toBeInTheDocument();
    expect(entry).toHaveTextContent('⚠');
    expect(panel).toHaveTextContent("DB has 'fresh_data'");
  });

  it.each([0, 1, 3, 4, 5])('never says stale at step %i', (step) => {
    const { cache } = renderPanels();
    goTo(step);
    expect(cache().textContent).not.toMatch(/stale/i);
    const labelled = cache().querySelectorAll('[aria-label], [title]');
    labelled.forEach((element) => {
      expect(element.getAttribute('aria-label') ?? '').not.toMatch(/stale/i);
      expect(element.getAttribute('title') ?? '').not.toMatch(/stale/i);
    });
  });

  it('shows the deleted entry struck through at step 3', () => {
    const { cache } = renderPanels();
    goTo(3);
    const panel = cache();
    expect(within(panel).getByText('The cache is empty.')).toBeInTheDocument();
    expect(within(panel).getByText('deleted')).toBeInTheDocument();
    expect(within(panel).getByText(':1:user_profile_42').closest('del')).not.toBeNull();
    expect(panel).toHaveTextContent("cache.delete('user_profile_42')");
  });

  it('shows a miss that read the database at step 4, and a hit at step 5', () => {
    const { cache } = renderPanels();
    goTo(4);
    expect(within(cache()).getByText('miss')).toBeInTheDocument();
    expect(cache()).toHaveTextContent('→ read DB');
    goTo(5);
    expect(within(cache()).getByText('hit')).toBeInTheDocument();
    expect(within(cache()).queryByText('miss')).not.toBeInTheDocument();
    expect(cache()).not.toHaveTextContent('read DB');
  });

  it('shows the kept entry as stale at step 4 when step 3 is skipped, behind a plain hit', () => {
    const { cache } = renderPanels();
    skip(3);
    goTo(4);
    const panel = cache();
    expect(within(panel).getByText('hit')).toBeInTheDocument();
    expect(within(panel).getAllByText('stale')).toHaveLength(1);
    expect(panel).toHaveTextContent("DB has 'fresh_data'");
  });
});
