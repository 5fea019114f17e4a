import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed: from `beforeprint` until `afterprint`, and while the
 * `print` media query matches (print preview, emulated print media). The handout is rendered
 * only then, so the screen's page does not carry (and hydrate) a hidden copy of the lesson.
 * `beforeprint` renders synchronously: the browser lays the page out for print right after it.
 */
export function usePrinting(): boolean {
  const [isPrinting, setPrinting] = useState(false);
  useEffect(() => {
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
    const start = (): void => flushSync(() => setPrinting(true));
    const stop = (): void => setPrinting(media?.matches ?? false);
    const change = (): void => (media?.matches ? start() : stop());
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', stop);
    media?.addEventListener?.('change', change);
    return () => {
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', stop);
      media?.removeEventListener?.('change', change);
    };
  }, []);
  return isPrinting;
}
