import { useEffect } from 'react';
import { useAppStore, type AppState } from '../store/store';

/** The channel the presenter's window and its audience window talk on. */
export const PRESENTER_CHANNEL = 'django-cache-lab:present';

/** What the audience window copies from the presenter's. */
type SlideState = Pick<
  AppState,
  'lessonId' | 'step' | 'skip' | 'isRemedy' | 'slide' | 'isBlank' | 'revealed'
>;

interface SlideMessage {
  type: 'slide';
  state: SlideState;
}

const pick = (s: AppState): SlideState => ({
  lessonId: s.lessonId,
  step: s.step,
  skip: s.skip,
  isRemedy: s.isRemedy,
  slide: s.slide,
  isBlank: s.isBlank,
  revealed: s.revealed,
});

function isSlideMessage(data: unknown): data is SlideMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Partial<SlideMessage>;
  return message.type === 'slide' && typeof message.state === 'object' && message.state !== null;
}

/**
 * Presenter mode across two windows (BroadcastChannel): the presenter's window sends its slide
 * on every change and when the audience window says hello; the audience window applies what
 * it hears through the store's own actions, so a bad message cannot put it out of range.
 */
export function usePresenterSync(): void {
  const isPresenting = useAppStore((s) => s.isPresenting);
  const isAudience = useAppStore((s) => s.isAudience);
  useEffect(() => {
    if (!isPresenting || typeof BroadcastChannel === 'undefined') return undefined;
    const channel = new BroadcastChannel(PRESENTER_CHANNEL);
    if (isAudience) {
      channel.onmessage = (event: MessageEvent<unknown>) => {
        if (!isSlideMessage(event.data)) return;
        const next = event.data.state;
        const s = useAppStore.getState();
        if (typeof next.lessonId === 'string' && next.lessonId !== s.lessonId)
          s.openLesson(next.lessonId);
        const now = useAppStore.getState();
        if (Boolean(next.isRemedy) !== now.isRemedy) now.toggleRemedy();
        const skip = Array.isArray(next.skip) ? next.skip : [];
        for (const n of useAppStore.getState().skip) if (!skip.includes(n)) now.toggleSkip(n);
        for (const n of skip)
          if (typeof n === 'number' && !useAppStore.getState().skip.includes(n)) now.toggleSkip(n);
        now.goTo(Number(next.step));
        now.setSlide(Number(next.slide));
        if (Boolean(next.isBlank) !== useAppStore.getState().isBlank) now.toggleBlank();
        const revealed = next.revealed?.[useAppStore.getState().lessonId];
        if (Array.isArray(revealed))
          for (const q of revealed) if (typeof q === 'number') now.reveal(q);
      };
      channel.postMessage({ type: 'hello' });
      return () => channel.close();
    }
    const send = (): void =>
      channel.postMessage({ type: 'slide', state: pick(useAppStore.getState()) });
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { type?: unknown } | null;
      if (data?.type === 'hello') send();
    };
    let last = '';
    const unsubscribe = useAppStore.subscribe((state) => {
      const text = JSON.stringify(pick(state));
      if (text === last) return;
      last = text;
      send();
    });
    return () => {
      unsubscribe();
      channel.close();
    };
  }, [isPresenting, isAudience]);
}
