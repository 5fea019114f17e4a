import type { RefObject } from 'react';
import { useKeepInView } from '../../components/use-keep-in-view';

/**
 * Scrolls the lanes box sideways so the current step's column is in view, next to the sticky
 * lane headers. Only the box scrolls: `scrollIntoView` could also move the page under the
 * learner's feet. The CSS `scroll-behavior` makes it smooth, except under reduced motion; a
 * jump of more than two boxes' width (Home, End in a long trace) is instant, so a windowed
 * timeline does not render every block it would glide past.
 *
 * It measures in the next animation frame, not in the effect: reading a position right after
 * the commit would force the browser to lay out the new step synchronously, inside the key
 * press. In the frame the layout is due anyway.
 */
export function useFollowCurrent(boxRef: RefObject<HTMLElement | null>, current: number): void {
  useKeepInView(boxRef, current, followCurrent);
}

function followCurrent(box: HTMLElement): void {
  // The current card, not the highlight band: the band slides (a CSS transition), so right
  // after a step it is still where it was.
  const column = box.querySelector<HTMLElement>('[aria-current="step"]');
  if (!column) return;
  const head = box.querySelector<HTMLElement>('.timeline__head');
  const boxRect = box.getBoundingClientRect();
  const rect = column.getBoundingClientRect();
  const visibleLeft = boxRect.left + (head?.offsetWidth ?? 0);
  const margin = 16;
  let delta = 0;
  if (rect.left < visibleLeft) delta = rect.left - visibleLeft - margin;
  else if (rect.right > boxRect.right) delta = rect.right - boxRect.right + margin;
  // A box that also scrolls up and down (the Stage's) keeps the current lane in view too.
  let deltaY = 0;
  if (box.scrollHeight > box.clientHeight) {
    if (rect.top < boxRect.top) deltaY = rect.top - boxRect.top - margin;
    else if (rect.bottom > boxRect.bottom) deltaY = rect.bottom - boxRect.bottom + margin;
  }
  if (delta === 0 && deltaY === 0) return;
  const isFar = Math.abs(delta) > 2 * boxRect.width;
  box.scrollTo({
    left: box.scrollLeft + delta,
    top: box.scrollTop + deltaY,
    behavior: isFar ? 'instant' : 'auto',
  });
}
