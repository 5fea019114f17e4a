import { useEffect } from 'react';
import { BASE_STEP_MS } from '../../store/player-slice';
import { useAppStore } from '../../store/store';

/**
 * Autoplay's one side effect: while playing, advance a step every `BASE_STEP_MS / speed` ms.
 * The store's `tick` stops at the last step and every user action pauses, which ends the
 * timer here. Call once, from the app shell.
 */
export function useAutoplay(): void {
  const isPlaying = useAppStore((state) => state.isPlaying);
  const speed = useAppStore((state) => state.speed);
  const tick = useAppStore((state) => state.tick);
  useEffect(() => {
    if (!isPlaying) return undefined;
    const timer = window.setInterval(tick, BASE_STEP_MS / speed);
    return () => window.clearInterval(timer);
  }, [isPlaying, speed, tick]);
}
