import { useState } from 'react';

/**
 * Whether `value` has differed (`Object.is`) from the one the component mounted with, at this
 * render or any before it; once true it stays true, even if the value comes back. What appears
 * on a change can animate while the first render (a prerendered page, a view opening) is just
 * there.
 */
export function useChangedSinceMount<T>(value: T): boolean {
  const [first, setFirst] = useState<{ value: T } | null>(() => ({ value }));
  const isChanged = first === null || !Object.is(first.value, value);
  // Adjusted during render (React re-renders at once), so no frame shows the stale answer.
  if (first !== null && isChanged) setFirst(null);
  return isChanged;
}
