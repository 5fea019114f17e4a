import { useEffect, type RefObject } from 'react';

/**
 * Scrolls the lanes box sideways so the current step's column is in view, next to the sticky
 * lane headers. Only the box scrolls: `scrollIntoView` could also move the page under the
 * learner's feet. The CSS `scroll-behavior` makes it smooth, except under reduced motion.
 */
export function useFollowCurrent(boxRef: RefObject<HTMLElement | null>, current: number): void {
  useEffect(() => {
    const box = boxRef.current;
    const column = box?.querySelector<HTMLElement>('.timeline__highlight');
    if (!box || !column) return;
    const head = box.querySelector<HTMLElement>('.timeline__head');
    const boxRect = box.getBoundingClientRect();
    const rect = column.getBoundingClientRect();
    const visibleLeft = boxRect.left + (head?.offsetWidth ?? 0);
    const margin = 16;
    if (rect.left < visibleLeft) box.scrollLeft -= visibleLeft - rect.left + margin;
    else if (rect.right > boxRect.right) box.scrollLeft += rect.right - boxRect.right + margin;
  }, [boxRef, current]);
}
