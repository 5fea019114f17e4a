import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/components/ErrorBoundary';
import { lazyWithRetry } from '../../src/components/lazy-with-retry';

const View = () => <p>The view</p>;

/** Let loads, the retry's pause and React's re-render after them all happen. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 600)));

function renderLazy(Lazy: () => React.JSX.Element, resetKey = 'a') {
  return (
    <ErrorBoundary label="The view" resetKey={resetKey}>
      <Suspense fallback={<p>Loading…</p>}>
        <Lazy />
      </Suspense>
    </ErrorBoundary>
  );
}

describe('A lazily loaded view', () => {
  it('tries a failed chunk twice before it shows the error', async () => {
    const load = vi
      .fn<() => Promise<{ default: typeof View }>>()
      .mockRejectedValueOnce(new Error('network'))
      .mockResolvedValue({ default: View });
    await act(async () => {
      render(renderLazy(lazyWithRetry(load)));
    });
    await settle();
    expect(screen.getByText('The view')).toBeVisible();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('after two failures shows Try again, which loads the chunk afresh', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const load = vi
      .fn<() => Promise<{ default: typeof View }>>()
      .mockRejectedValueOnce(new Error('Failed to fetch'))
      .mockRejectedValueOnce(new Error('Failed to fetch'))
      .mockResolvedValue({ default: View });
    await act(async () => {
      render(renderLazy(lazyWithRetry(load)));
    });
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The view could not be shown: Failed to fetch',
    );
    await act(async () => {
      screen.getByRole('button', { name: 'Try again' }).click();
    });
    await settle();
    expect(screen.getByText('The view')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('the error boundary starts clean when its view changes', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = lazyWithRetry(() => Promise.reject(new Error('Failed to fetch')));
    const fine = lazyWithRetry(() => Promise.resolve({ default: View }));
    const { rerender } = await act(async () => render(renderLazy(broken, 'compare')));
    await settle();
    expect(screen.getByRole('alert')).toBeVisible();
    await act(async () => {
      rerender(renderLazy(fine, 'lessons'));
    });
    await settle();
    expect(screen.getByText('The view')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('prepares its first render once the chunk has loaded, and renders what was prepared', async () => {
    const order: string[] = [];
    const lazy = lazyWithRetry(async () => {
      order.push('loaded');
      return {
        default: View,
        prepare: async () => {
          order.push('prepared');
        },
      };
    });
    await lazy.prepare();
    expect(order).toEqual(['loaded', 'prepared']);
    await act(async () => {
      render(renderLazy(lazy));
    });
    expect(screen.getByText('The view')).toBeVisible();
    // Loaded once: the render used the chunk the preparation loaded.
    expect(order).toEqual(['loaded', 'prepared']);
  });

  it('prepares a module without a prepare step by loading it', async () => {
    const load = vi.fn(() => Promise.resolve({ default: View }));
    await expect(lazyWithRetry(load).prepare()).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledOnce();
  });
});
