import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { WINDOW_BLOCK, type ColumnRange } from './timeline-view';

/** `range` widened to whole blocks of `WINDOW_BLOCK` columns. */
function toBlocks({ first, last }: ColumnRange): ColumnRange {
  return {
    first: Math.floor((first - 1) / WINDOW_BLOCK) * WINDOW_BLOCK + 1,
    last: Math.ceil(last / WINDOW_BLOCK) * WINDOW_BLOCK,
  };
}

/**
 * The columns scrolled into view in the lanes box, widened to whole blocks, so a long,
 * windowed timeline can render what the learner scrolls to. `null` until measured, and
 * always when `isEnabled` is false (short timelines render every column anyway). Measured
 * in an animation frame after a scroll or resize, never during a step change, and the state
 * changes only when another block comes into view. Paper does not scroll, so a printed
 * timeline starts at step 1: the first block is rendered for printing.
 */
export function useVisibleColumns(
  boxRef: RefObject<HTMLElement | null>,
  stepCount: number,
  isEnabled: boolean,
): ColumnRange | null {
  const [visible, setVisible] = useState<ColumnRange | null>(null);
  useEffect(() => {
    const box = boxRef.current;
    if (!isEnabled || !box) return undefined;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const cells = box.querySelector<HTMLElement>('.timeline__axis .timeline__cells');
      const tick = cells?.querySelector<HTMLElement>('.timeline__tick');
      if (!cells || !tick) return;
      const pitch = tick.offsetWidth + (parseFloat(getComputedStyle(cells).columnGap) || 0);
      if (pitch <= 0) return;
      const boxRect = box.getBoundingClientRect();
      const start = cells.getBoundingClientRect().left;
      const clamp = (column: number) => Math.min(stepCount, Math.max(1, column));
      const next = toBlocks({
        first: clamp(Math.floor((boxRect.left - start) / pitch) + 1),
        last: clamp(Math.floor((boxRect.right - start) / pitch) + 1),
      });
      setVisible((previous) =>
        previous && previous.first === next.first && previous.last === next.last ? previous : next,
      );
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    const print = () => flushSync(() => setVisible({ first: 1, last: WINDOW_BLOCK }));
    schedule();
    box.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('beforeprint', print);
    window.addEventListener('afterprint', schedule);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
    observer?.observe(box);
    return () => {
      cancelAnimationFrame(frame);
      box.removeEventListener('scroll', schedule);
      window.removeEventListener('beforeprint', print);
      window.removeEventListener('afterprint', schedule);
      observer?.disconnect();
    };
  }, [boxRef, stepCount, isEnabled]);
  return isEnabled ? visible : null;
}
