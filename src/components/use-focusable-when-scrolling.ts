import { useEffect, type RefObject } from 'react';

/**
 * A box whose content overflows must be reachable by keyboard to be scrolled (WCAG 2.1.1,
 * axe's scrollable-region-focusable). The Stage's boxes have fixed sizes, so whether a box
 * scrolls depends on the screen and the step: this makes the box focusable exactly while it
 * overflows, and names it for the screen reader that lands on it.
 */
export function useFocusableWhenScrolling(ref: RefObject<HTMLElement | null>, label: string): void {
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return undefined;
    const update = (): void => {
      const isScrolling =
        box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
      if (isScrolling && !box.hasAttribute('tabindex')) {
        box.tabIndex = 0;
        box.setAttribute('role', 'group');
        box.setAttribute('aria-label', label);
      } else if (!isScrolling && box.hasAttribute('tabindex')) {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    };
    // Measuring forces a layout: do it once a frame, after the browser laid the page out
    // anyway, however many mutations and resizes arrived (a deep link mounts every panel,
    // then the lazy ones, and each batch of nodes would otherwise force its own layout).
    let frame = 0;
    const schedule = (): void => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          update();
        });
      }
    };
    const observer = new ResizeObserver(schedule);
    observer.observe(box);
    // Content changes size inside a box of fixed size: watch the children too.
    const mutations = new MutationObserver(schedule);
    mutations.observe(box, { childList: true, subtree: true, characterData: true });
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      mutations.disconnect();
    };
  }, [ref, label]);
}
