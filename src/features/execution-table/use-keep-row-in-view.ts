import type { RefObject } from 'react';
import { isSkipped } from '../../components/long-trace';
import { offsetTopInBox, useKeepInView } from '../../components/use-keep-in-view';

/**
 * Scrolls a table box that scrolls up and down (the Stage's table band, a long trace's table)
 * so the row marked `aria-current` stays in view below the sticky caption and column headers
 * as the step changes. Only the box scrolls, never the page. Offsets, not
 * client rectangles, so a row still sliding in is placed where it lands. It measures in the
 * next animation frame, where the layout is due anyway, rather than forcing one right after
 * the commit; and not at all while the box is off screen and skips rendering, catching up when
 * it comes on screen.
 */
export function useKeepRowInView(
  boxRef: RefObject<HTMLElement | null>,
  step: number,
  isEnabled: boolean,
): void {
  useKeepInView(boxRef, step, keepRowInView, { isEnabled, isCaughtUpWhenShown: true });
}

function keepRowInView(box: HTMLElement): void {
  const row = box.querySelector<HTMLElement>('tbody tr[aria-current]');
  if (!row || isSkipped(row) || box.scrollHeight <= box.clientHeight) return;
  const top = offsetTopInBox(box, row);
  const sticky =
    (box.querySelector<HTMLElement>('caption')?.offsetHeight ?? 0) +
    (box.querySelector<HTMLElement>('thead')?.offsetHeight ?? 0);
  const bottom = top + row.offsetHeight;
  // A row taller than the room under the headers (a phone's card) shows its start: its step
  // and action, then the rest as the learner scrolls; any other row is brought just into view.
  const isTaller = row.offsetHeight > box.clientHeight - sticky;
  if (isTaller || top - sticky < box.scrollTop) box.scrollTop = top - sticky;
  else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight;
}
