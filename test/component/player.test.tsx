import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Player } from '../../src/features/player/Player';
import { useAutoplay } from '../../src/features/player/use-autoplay';
import { BASE_STEP_MS } from '../../src/store/player-slice';
import { initialState, useAppStore } from '../../src/store/store';

const store = () => useAppStore.getState();
const button = (name: string) => screen.getByRole('button', { name });
const slider = () => screen.getByRole('slider', { name: 'Step' });
const status = () => screen.getByRole('status');

/** The app shell calls the hook once; this stands in for it. */
function PlayerWithAutoplay() {
  useAutoplay();
  return <Player />;
}

beforeEach(() => useAppStore.setState(initialState, true));

describe('Player', () => {
  describe('at step 0', () => {
    it('offers the five buttons by name', () => {
      render(<Player />);
      for (const name of ['First step', 'Previous step', 'Play', 'Next step', 'Last step']) {
        expect(button(name)).toBeInTheDocument();
      }
    });

    it('disables First and Previous, and keeps Next, Last and Play enabled', () => {
      render(<Player />);
      expect(button('First step')).toBeDisabled();
      expect(button('Previous step')).toBeDisabled();
      expect(button('Next step')).toBeEnabled();
      expect(button('Last step')).toBeEnabled();
      expect(button('Play')).toBeEnabled();
    });

    it('announces "Step 0 of 5: Start"', () => {
      render(<Player />);
      expect(status()).toHaveTextContent(/^Step 0 of 5: Start$/);
    });

    it('has a Step slider from 0 to 5 at 0', () => {
      render(<Player />);
      expect(slider()).toHaveAttribute('min', '0');
      expect(slider()).toHaveAttribute('max', '5');
      expect(slider()).toHaveValue('0');
    });
  });

  describe('at the last step', () => {
    it('disables Next and Last, and keeps Play enabled so it can restart', () => {
      render(<Player />);
      act(() => store().last());
      expect(button('Next step')).toBeDisabled();
      expect(button('Last step')).toBeDisabled();
      expect(button('First step')).toBeEnabled();
      expect(button('Play')).toBeEnabled();
    });

    it('moves focus to Play when Next step disables itself', async () => {
      const user = userEvent.setup();
      render(<Player />);
      act(() => store().goTo(4));
      await user.click(button('Next step'));
      expect(store().step).toBe(5);
      expect(button('Play')).toHaveFocus();
    });
  });

  describe('after goTo(3)', () => {
    it('says "Step 3 of 5: Cache invalidation triggered"', () => {
      render(<Player />);
      act(() => store().goTo(3));
      expect(status()).toHaveTextContent(/^Step 3 of 5: Cache invalidation triggered$/);
    });

    it('moves the slider to 3 with the same value text', () => {
      render(<Player />);
      act(() => store().goTo(3));
      expect(slider()).toHaveValue('3');
      expect(slider()).toHaveAttribute(
        'aria-valuetext',
        'Step 3 of 5: Cache invalidation triggered',
      );
    });

    it('shows the narration outside the status', () => {
      render(<Player />);
      act(() => store().goTo(3));
      const narration = screen.getByText(/deletes it\. The stale 'old_data' is gone/);
      expect(status()).not.toContainElement(narration);
    });
  });

  describe('with step 3 skipped (what-if)', () => {
    it("shows the engine's narration for a step that changed, marked with ⚠", () => {
      render(<Player />);
      act(() => store().toggleSkip(3));
      act(() => store().goTo(5));
      expect(screen.getByText(/What-if:/).closest('p')).toHaveTextContent(
        /^⚠ Step 5\. What-if: User sees stale data: .+ because step 3 did not run\.$/,
      );
    });

    it('marks the skipped step and the stale reads in the legend', () => {
      render(<Player />);
      act(() => store().toggleSkip(3));
      const legend = screen.getByRole('list', { name: 'Slider marks' });
      expect(legend).toHaveTextContent('skipped');
      expect(legend).toHaveTextContent('stale read');
    });
  });

  describe('buttons', () => {
    it('step forward, back, to the end and to the start', async () => {
      const user = userEvent.setup();
      render(<Player />);
      await user.click(button('Next step'));
      await user.click(button('Next step'));
      expect(store().step).toBe(2);
      await user.click(button('Previous step'));
      expect(store().step).toBe(1);
      await user.click(button('Last step'));
      expect(store().step).toBe(5);
      await user.click(button('First step'));
      expect(store().step).toBe(0);
    });

    it('turn Play into Pause and back', async () => {
      const user = userEvent.setup();
      render(<Player />);
      await user.click(button('Play'));
      expect(store().isPlaying).toBe(true);
      expect(screen.queryByRole('button', { name: 'Play' })).not.toBeInTheDocument();
      await user.click(button('Pause'));
      expect(store().isPlaying).toBe(false);
      expect(button('Play')).toBeInTheDocument();
    });
  });

  describe('slider', () => {
    it('moves the player to the chosen step', () => {
      render(<Player />);
      fireEvent.change(slider(), { target: { value: '4' } });
      expect(store().step).toBe(4);
      expect(status()).toHaveTextContent(/^Step 4 of 5: Next request fetches fresh data$/);
    });

    it('follows the store', () => {
      render(<Player />);
      act(() => store().next());
      expect(slider()).toHaveValue('1');
      act(() => store().last());
      expect(slider()).toHaveValue('5');
    });
  });

  describe('legend', () => {
    it('explains the slider marks with words', () => {
      render(<Player />);
      const legend = screen.getByRole('list', { name: 'Slider marks' });
      expect(legend).toHaveTextContent('write');
      expect(legend).toHaveTextContent('invalidate');
      expect(legend).toHaveTextContent('miss');
      expect(legend).toHaveTextContent('hit');
    });
  });

  describe('speed', () => {
    it('offers 0.5×, 1×, 1.5× and 2× and starts at 1×', () => {
      render(<Player />);
      const speed = screen.getByRole('combobox', { name: 'Speed' });
      expect(speed).toHaveValue('1');
      expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
        '0.5×',
        '1×',
        '1.5×',
        '2×',
      ]);
    });

    it('changes the store speed', async () => {
      const user = userEvent.setup();
      render(<Player />);
      await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '2×');
      expect(store().speed).toBe(2);
    });
  });
});

describe('Autoplay', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('advances one step every BASE_STEP_MS at 1×', () => {
    render(<PlayerWithAutoplay />);
    act(() => store().play());
    act(() => vi.advanceTimersByTime(BASE_STEP_MS - 1));
    expect(store().step).toBe(0);
    act(() => vi.advanceTimersByTime(1));
    expect(store().step).toBe(1);
    expect(status()).toHaveTextContent(/^Step 1 of 5: Initial cache set$/);
  });

  it('goes twice as fast at 2×', () => {
    render(<PlayerWithAutoplay />);
    act(() => store().setSpeed(2));
    act(() => store().play());
    act(() => vi.advanceTimersByTime(BASE_STEP_MS));
    expect(store().step).toBe(2);
  });

  it('stops at the last step and shows Play again', () => {
    render(<PlayerWithAutoplay />);
    act(() => store().play());
    act(() => vi.advanceTimersByTime(BASE_STEP_MS * 10));
    expect(store().step).toBe(5);
    expect(store().isPlaying).toBe(false);
    expect(button('Play')).toBeInTheDocument();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops advancing when paused', () => {
    render(<PlayerWithAutoplay />);
    act(() => store().play());
    act(() => vi.advanceTimersByTime(BASE_STEP_MS));
    act(() => store().pause());
    act(() => vi.advanceTimersByTime(BASE_STEP_MS * 3));
    expect(store().step).toBe(1);
  });

  it('restarts from step 0 when Play is pressed at the end', () => {
    render(<PlayerWithAutoplay />);
    act(() => store().last());
    act(() => button('Play').click());
    expect(store().step).toBe(0);
    act(() => vi.advanceTimersByTime(BASE_STEP_MS));
    expect(store().step).toBe(1);
  });

  it('clears its timer on unmount', () => {
    const { unmount } = render(<PlayerWithAutoplay />);
    act(() => store().play());
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
