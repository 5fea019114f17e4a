import type { RefObject } from 'react';
import { isSkipped } from '../../components/long-trace';
import { useKeepInView } from '../../components/use-keep-in-view';

/**
 * Scrolls a horizontally scrolling table box so the column marked `data-current` stays in
 * view as the step changes (on a phone the Final column starts off-screen). Only the box
 * scrolls, never the page, so a student watching another panel is not yanked around. It
 * measures in the next animation frame, where the layout is due anyway, rather than forcing
 * one synchronously right after the commit (costly with a column per step of a long trace);
 * and not at all while the box is off screen and skips rendering (a long trace's tracker),
 * catching up when it comes on screen.
 */
export function useKeepColumnInView(
  boxRef: RefObject<HTMLElement | null>,
  columnIndex: number,
): void {
  useKeepInView(boxRef, columnIndex, keepColumnInView, { isCaughtUpWhenShown: true });
}

function keepColumnInView(box: HTMLElement): void {
  const cell = box.querySelector<HTMLElement>('th[data-current="true"]');
  if (!cell || isSkipped(cell)) return;
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
}
