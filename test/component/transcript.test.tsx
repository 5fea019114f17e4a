import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FullTranscript } from '../../src/features/transcript/FullTranscript';
import { deleteOnUpdate } from '../../src/lessons/delete-on-update';
import { initialState, useAppStore } from '../../src/store/store';

const goTo = (step: number) => act(() => useAppStore.getState().goTo(step));
const panel = () => screen.getByRole('region', { name: 'Full transcript' });
const marked = () => panel().querySelectorAll('mark');

beforeEach(() => useAppStore.setState(initialState, true));

describe('Full transcript', () => {
  it('shows the whole transcript as one paragraph', () => {
    render(<FullTranscript />);
    expect(
      within(panel())
        .getByText(/^Cache invalidation in Django means/)
        .closest('p'),
    ).toHaveTextContent(deleteOnUpdate.transcript.join(' '));
  });

  it('highlights nothing at the start', () => {
    render(<FullTranscript />);
    expect(marked()).toHaveLength(0);
  });

  it('highlights the sentence step 4 illustrates', () => {
    render(<FullTranscript />);
    goTo(4);
    expect(marked()).toHaveLength(1);
    expect(marked()[0].textContent).toBe(
      'The next time the profile is requested, fresh data is fetched from the database and stored in the cache.',
    );
  });

  it('moves the highlight with the step', () => {
    render(<FullTranscript />);
    goTo(3);
    expect(marked()[0]).toHaveTextContent("the cache key 'user_profile_42' is deleted.");
    goTo(1);
    expect(marked()[0].textContent).toBe(deleteOnUpdate.transcript[0]);
  });
});
