import { useEffect, type RefObject } from 'react';

/**
 * Scrolls a horizontally scrolling table box so the column marked `data-current` stays in
 * view as the step changes (on a phone the Final column starts off-screen). Only the box
 * scrolls, never the page, so a student watching another panel is not yanked around.
 */
export function useKeepColumnInView(
  boxRef: RefObject<HTMLElement | null>,
  columnIndex: number,
): void {
  useEffect(() => {
    const box = boxRef.current;
    const cell = box?.querySelector<HTMLElement>('th[data-current="true"]');
    if (!box || !cell) return;
    const boxRect = box.getBoundingClientRect();
    const cellRect = cell.getBoundingClientRect();
    // The sticky row-header column covers the box's left edge.
    const sticky = box.querySelector<HTMLElement>('th[scope="row"]')?.offsetWidth ?? 0;
    const visibleLeft = boxRect.left + sticky;
    if (cellRect.left < visibleLeft) {
      box.scrollLeft -= visibleLeft - cellRect.left;
    } else if (cellRect.right > boxRect.right) {
      // Bring the right edge in, but never push the header's start under the sticky column.
      box.scrollLeft += Math.min(cellRect.right - boxRect.right, cellRect.left - visibleLeft);
    }
  }, [boxRef, columnIndex]);
}
