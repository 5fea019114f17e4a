import { useEffect, type RefObject } from 'react';

/**
 * A trace with more steps than this is "long" (a big sandbox scenario). The panels with a row
 * or column per step lay out differently for long traces so a step change stays within one
 * frame: the timeline renders a window of columns; the execution table fixes its column
 * widths and scrolls in a box of its own; the table and the tracker skip rendering while off
 * screen (`content-visibility: auto`). Lessons and short scenarios look exactly as before.
 */
export const LONG_TRACE_STEPS = 60;

/** Whether a trace of `stepCount` steps is long (see `LONG_TRACE_STEPS`). */
export function isLongTrace(stepCount: number): boolean {
  return stepCount > LONG_TRACE_STEPS;
}

/**
 * Whether `element` is not rendered: under `display: none`, or in the contents that a
 * `content-visibility: auto` box skips while off screen. Measuring it would force the layout
 * that skipping saves, for nothing.
 */
export function isSkipped(element: Element): boolean {
  return (
    typeof element.checkVisibility === 'function' &&
    !element.checkVisibility({ contentVisibilityAuto: true })
  );
}

/**
 * Calls `onShown(box)` when the contents of `box` (a `content-visibility: auto` box) start to
 * render again, as it comes on screen: a scroll position skipped while it was off screen can
 * be caught up then.
 */
export function useOnShown(
  boxRef: RefObject<HTMLElement | null>,
  onShown: (box: HTMLElement) => void,
): void {
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return undefined;
    const listener = (event: Event) => {
      if (!(event as ContentVisibilityAutoStateChangeEvent).skipped) onShown(box);
    };
    box.addEventListener('contentvisibilityautostatechange', listener);
    return () => box.removeEventListener('contentvisibilityautostatechange', listener);
  }, [boxRef, onShown]);
}
