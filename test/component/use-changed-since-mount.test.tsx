import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useChangedSinceMount } from '../../src/components/use-changed-since-mount';

describe('useChangedSinceMount', () => {
  it('is false until the value changes, then stays true even when it comes back', () => {
    const { result, rerender } = renderHook(({ value }) => useChangedSinceMount(value), {
      initialProps: { value: 1 },
    });
    expect(result.current).toBe(false);
    rerender({ value: 1 });
    expect(result.current).toBe(false);
    rerender({ value: 2 });
    expect(result.current).toBe(true);
    // Redoing the first practice question shows it as new: its steps enter like any other's.
    rerender({ value: 1 });
    expect(result.current).toBe(true);
  });
});
