import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConceptSnapshot } from '../../src/features/snapshot/ConceptSnapshot';
import { deleteOnUpdate } from '../../src/lessons/delete-on-update';
import { initialState, useAppStore } from '../../src/store/store';

const panel = () => screen.getByRole('region', { name: 'Concept snapshot' });

beforeEach(() => useAppStore.setState(initialState, true));

describe('Concept snapshot', () => {
  it('shows the snapshot title', () => {
    render(<ConceptSnapshot />);
    expect(
      within(panel()).getByRole('heading', { name: 'Cache Invalidation Strategies in Django:' }),
    ).toBeInTheDocument();
  });

  it('lists every line exactly', () => {
    render(<ConceptSnapshot />);
    const items = within(panel()).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(deleteOnUpdate.snapshot.lines);
  });

  it('shows code fragments as code', () => {
    render(<ConceptSnapshot />);
    expect(within(panel()).getByText("cache.delete('key')").tagName).toBe('CODE');
  });
});
