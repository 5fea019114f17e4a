import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * The prerendered page is on screen, and its native controls work, before its script has run: a
 * learner can pick a lesson, drag the step slider or choose a quiz answer in that gap. Hydration
 * keeps what such a control shows but fires no change event, so the app would disagree with its
 * own control (a checked answer that `Check answer` does not see, a lesson menu naming another
 * lesson). Once, after the first render, this hands `adopt` the value the control shows when it
 * differs from the value the app rendered. A control rendered by the app (not hydrated) always
 * shows the rendered value, so this does nothing there.
 *
 * `read` returns the value the control shows, or null when it shows none (a radio group with
 * nothing checked).
 */
export function useAdoptEarlyInput<T extends HTMLElement>(
  ref: RefObject<T | null>,
  rendered: string | null,
  read: (element: T) => string | null,
  adopt: (value: string) => void,
): void {
  useAdoptOnce(() => (ref.current === null ? null : read(ref.current)), rendered, adopt);
}

/**
 * Once, after the first render, hand `adopt` what `shown()` returns when it is not null and
 * not what the app `rendered`. The first render's arguments are the ones used.
 */
function useAdoptOnce(
  shown: () => string | null,
  rendered: string | null,
  adopt: (value: string) => void,
): void {
  const first = useRef({ shown, rendered, adopt });
  useEffect(() => {
    const value = first.current.shown();
    if (value === null || value === first.current.rendered) return;
    let isCancelled = false;
    // After the rest of the first render's effects: the app shell's own (it applies the
    // address, which would put the step back) run after those of the controls inside it.
    queueMicrotask(() => {
      if (!isCancelled) first.current.adopt(value);
    });
    return () => {
      isCancelled = true;
    };
  }, []);
}

/** The value of a `<select>` or `<input>`. */
export const controlValue = (element: HTMLSelectElement | HTMLInputElement): string =>
  element.value;

/** The value of the checked radio inside `element`, or null when none is checked. */
export const checkedRadioValue = (element: HTMLElement): string | null =>
  element.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? null;

/**
 * `useAdoptEarlyInput` for a `<textarea>`: React sets a textarea's value from its props when it
 * hydrates it, so by the first effect what a learner typed is gone. This reads the prerendered
 * textarea with `id` while the first render runs (before hydration touches it) and hands
 * `adopt` its text once, after that render, when it is not empty and not what the app rendered.
 * In a client render there is no such element yet, so this does nothing.
 */
export function useAdoptEarlyText(
  id: string,
  rendered: string,
  adopt: (value: string) => void,
): void {
  const [typed] = useState(() => {
    // No document at build time (the prerender); in the browser, the prerendered textarea.
    if (typeof document === 'undefined') return null;
    const element = document.getElementById(id);
    return element instanceof HTMLTextAreaElement && element.value !== '' ? element.value : null;
  });
  useAdoptOnce(() => typed, rendered, adopt);
}
