import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/components/ErrorBoundary';
import { lazyWithRetry } from '../../src/components/lazy-with-retry';

const View = () => <p>The view</p>;

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
    render(renderLazy(lazyWithRetry(load)));
    expect(await screen.findByText('The view', {}, { timeout: 3000 })).toBeVisible();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('after two failures shows Try again, which loads the chunk afresh', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const load = vi
      .fn<() => Promise<{ default: typeof View }>>()
      .mockRejectedValueOnce(new Error('Failed to fetch'))
      .mockRejectedValueOnce(new Error('Failed to fetch'))
      .mockResolvedValue({ default: View });
    render(renderLazy(lazyWithRetry(load)));
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert).toHaveTextContent('The view could not be shown: Failed to fetch');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('The view')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('the error boundary starts clean when its view changes', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = lazyWithRetry(() => Promise.reject(new Error('Failed to fetch')));
    const fine = lazyWithRetry(() => Promise.resolve({ default: View }));
    const { rerender } = render(renderLazy(broken, 'compare'));
    expect(await screen.findByRole('alert', {}, { timeout: 3000 })).toBeVisible();
    await act(async () => rerender(renderLazy(fine, 'lessons')));
    expect(await screen.findByText('The view')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
