import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lesson } from '../../src/engine';
import { WhatIf } from '../../src/features/what-if/WhatIf';
import { WhatIfBanner } from '../../src/features/what-if/WhatIfBanner';
import { initialState, useAppStore } from '../../src/store/store';

// Two extra lessons built from the seed: one with a remedy and two skippable steps, one with
// neither, so the remedy toggle and the empty case can be seen before those lessons exist.
vi.mock('../../src/lessons', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/lessons')>();
  const seed = original.findLesson(original.DEFAULT_LESSON_ID);
  if (!seed) throw new Error('the default lesson is missing');
  const withRemedy: Lesson = {
    ...seed,
    id: 'remedy-demo',
    steps: seed.steps.map((step, i) => (i === 1 ? { ...step, skippable: true } : step)),
    remedy: {
      label: 'Use transaction.on_commit',
      description: 'Delete the key only after the transaction commits.',
      patch: {},
    },
  };
  const plain: Lesson = {
    ...seed,
    id: 'plain-demo',
    steps: seed.steps.map((step) => ({ ...step, skippable: false })),
  };
  const lessons = [seed, withRemedy, plain];
  return {
    ...original,
    findLesson: (id: string) => lessons.find((lesson) => lesson.id === id),
  };
});

const store = () => useAppStore.getState();
const skip3 = () => screen.getByRole('button', { name: 'Skip step 3' });
const back = () => screen.queryByRole('button', { name: 'Back to the normal path' });

beforeEach(() => useAppStore.setState(initialState, true));

describe('What-if', () => {
  describe('skip toggles', () => {
    it('offers Skip step 3, the one skippable step of the seed lesson, not pressed', () => {
      render(<WhatIf />);
      expect(skip3()).toHaveAttribute('aria-pressed', 'false');
      expect(screen.getAllByRole('button', { name: /^Skip step/ })).toHaveLength(1);
    });

    it('explains what skipping does', () => {
      render(<WhatIf />);
      expect(skip3()).toHaveAccessibleDescription(
        /What if the code never ran step 3 \(Cache invalidation triggered\)\?/,
      );
    });

    it('turns the skip on and off', async () => {
      const user = userEvent.setup();
      render(<WhatIf />);
      await user.click(skip3());
      expect(skip3()).toHaveAttribute('aria-pressed', 'true');
      expect(store().skip).toEqual([3]);
      await user.click(skip3());
      expect(skip3()).toHaveAttribute('aria-pressed', 'false');
      expect(store().skip).toEqual([]);
    });

    it('follows a skip set elsewhere (the URL)', () => {
      render(<WhatIf />);
      act(() => store().toggleSkip(3));
      expect(skip3()).toHaveAttribute('aria-pressed', 'true');
    });

    it('lives in a region named "What if?"', () => {
      render(<WhatIf />);
      expect(
        within(screen.getByRole('region', { name: 'What if?' })).getByText('Skip step 3'),
      ).toBeInTheDocument();
    });
  });

  describe('banner', () => {
    it('is absent on the normal path', () => {
      render(<WhatIf />);
      expect(screen.queryByText(/What-if:/)).not.toBeInTheDocument();
      expect(back()).not.toBeInTheDocument();
    });

    it('says which step is skipped, with the word What-if, and is not a live region', async () => {
      const user = userEvent.setup();
      render(<WhatIf />);
      await user.click(skip3());
      const banner = screen.getByText(/step 3 is skipped\./).closest('p');
      expect(banner).toHaveTextContent(
        "⚠ What-if: step 3 is skipped. Result: step 4: User sees stale data: cache hit returned 'old_data', which no longer matches the database. The table, tracker and panels show what happens then.",
      );
      expect(screen.queryByRole('status')).not.toBeInTheDocument();
    });

    it('goes back to the normal path in one click and hands focus to the toggle', async () => {
      const user = userEvent.setup();
      render(<WhatIf />);
      await user.click(skip3());
      await user.click(back() as HTMLElement);
      expect(store().skip).toEqual([]);
      expect(back()).not.toBeInTheDocument();
      expect(skip3()).toHaveAttribute('aria-pressed', 'false');
      expect(skip3()).toHaveFocus();
    });

    it('names every skipped step', () => {
      act(() => store().openLesson('remedy-demo'));
      act(() => store().toggleSkip(3));
      act(() => store().toggleSkip(2));
      render(<WhatIf />);
      expect(screen.getByText(/steps 2 and 3 are skipped\./)).toBeInTheDocument();
    });

    it('can be left out of the panel and rendered on its own, once', () => {
      act(() => store().toggleSkip(3));
      render(
        <>
          <WhatIfBanner />
          <WhatIf isBannerShown={false} />
        </>,
      );
      expect(screen.getAllByRole('button', { name: 'Back to the normal path' })).toHaveLength(1);
    });
  });

  describe('remedy', () => {
    it('is absent when the lesson has none', () => {
      render(<WhatIf />);
      expect(screen.queryByRole('button', { name: 'Use transaction.on_commit' })).toBeNull();
    });

    it('toggles the remedy with aria-pressed and explains it', async () => {
      const user = userEvent.setup();
      act(() => store().openLesson('remedy-demo'));
      render(<WhatIf />);
      const remedy = screen.getByRole('button', { name: 'Use transaction.on_commit' });
      expect(remedy).toHaveAttribute('aria-pressed', 'false');
      expect(remedy).toHaveAccessibleDescription(/only after the transaction commits/);
      await user.click(remedy);
      expect(store().isRemedy).toBe(true);
      expect(remedy).toHaveAttribute('aria-pressed', 'true');
    });

    it('clears the skips when switched on', async () => {
      const user = userEvent.setup();
      act(() => store().openLesson('remedy-demo'));
      act(() => store().toggleSkip(3));
      render(<WhatIf />);
      await user.click(screen.getByRole('button', { name: 'Use transaction.on_commit' }));
      expect(store().skip).toEqual([]);
      expect(back()).not.toBeInTheDocument();
    });
  });

  it('renders nothing for a lesson with no skippable step and no remedy', () => {
    act(() => store().openLesson('plain-demo'));
    const { container } = render(<WhatIf />);
    expect(container).toBeEmptyDOMElement();
  });
});
