import { useEffect, type RefObject } from 'react';
import { useOnShown } from './long-trace';

/**
 * Keeps the current item of a box that scrolls in view: after every change of `current`,
 * `scroll(box)` runs in the next animation frame (where the layout is due anyway, rather than
 * forcing one right after the commit, inside the key press). Only the box scrolls, never the
 * page. With `isCaughtUpWhenShown`, it also runs when a `content-visibility: auto` box comes
 * back on screen, catching up a position skipped while it was off screen. `scroll` must be
 * stable (a module-level function).
 */
export function useKeepInView(
  boxRef: RefObject<HTMLElement | null>,
  current: unknown,
  scroll: (box: HTMLElement) => void,
  { isEnabled = true, isCaughtUpWhenShown = false } = {},
): void {
  useEffect(() => {
    if (!isEnabled) return undefined;
    const frame = requestAnimationFrame(() => {
      if (boxRef.current) scroll(boxRef.current);
    });
    return () => cancelAnimationFrame(frame);
  }, [boxRef, current, scroll, isEnabled]);
  useOnShown(boxRef, isCaughtUpWhenShown ? scroll : ignore);
}

const ignore = (): void => undefined;

/**
 * An element's top inside a scrolling box's content, from layout offsets (no scroll, no
 * transforms, so an item still sliding in is placed where it lands). A positioned box is its
 * items' offset parent; a box that is not shares one offset parent with them, outside it.
 */
export function offsetTopInBox(box: HTMLElement, element: HTMLElement): number {
  let top = 0;
  let at: HTMLElement | null = element;
  while (at && at !== box && box.contains(at)) {
    top += at.offsetTop;
    at = at.offsetParent as HTMLElement | null;
  }
  return at === box ? top : top - box.offsetTop - box.clientTop;
}
