import { useEffect } from 'react';
import { useAppStore } from '../store/store';

/** Applies the theme (following the OS when set to system) and presenter scaling to <html>. */
export function useTheme(): void {
  const theme = useAppStore((s) => s.themeOverride ?? s.theme);
  const isPresenting = useAppStore((s) => s.isPresenting);
  useEffect(() => {
    const root = document.documentElement;
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const apply = (): void => {
      const resolved = theme === 'system' ? (media?.matches ? 'dark' : 'light') : theme;
      root.dataset.theme = resolved;
    };
    apply();
    if (theme !== 'system' || !media) return;
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
  useEffect(() => {
    document.documentElement.dataset.presenting = String(isPresenting);
  }, [isPresenting]);
}
