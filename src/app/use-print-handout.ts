import { useEffect } from 'react';

/**
 * Printing opens every disclosure (key moments, hints) so the handout holds their answers,
 * and closes again the ones that were closed once the print dialog is gone.
 */
export function usePrintHandout(): void {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = (): void => {
      opened = Array.from(document.querySelectorAll('details')).filter((d) => !d.open);
      for (const details of opened) details.open = true;
    };
    const after = (): void => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}
