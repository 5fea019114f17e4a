import { useEffect, useState } from 'react';
import { PlayerControls } from '../features/player/PlayerControls';
import { PlayerSlider } from '../features/player/PlayerSlider';
import { PlayerStatus } from '../features/player/PlayerStatus';
import { useAppStore } from '../store/store';
import { formatUrlState } from '../store/url-state';
import { SpeakerNotes } from './SpeakerNotes';

/** The audience window's name: opening it again reuses the same window. */
export const AUDIENCE_WINDOW = 'django-cache-lab-audience';

/** A wall clock for the presenter, updated each second. */
function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const text = now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <time className="presenter__clock" dateTime={now.toISOString()} aria-label={`Time ${text}`}>
      {text}
    </time>
  );
}

/**
 * Presenter mode's thin bar: the step controls (a clicker drives the same actions), the
 * `Step` slider, the status line, the audience window, speaker notes, a clock and the way out.
 */
export function PresenterBar() {
  const setPresenting = useAppStore((s) => s.setPresenting);
  const isNotesShown = useAppStore((s) => s.isNotesShown);
  const toggleNotes = useAppStore((s) => s.toggleNotes);
  const openAudience = (): void => {
    const s = useAppStore.getState();
    const query = formatUrlState({
      view: 'lesson',
      lessonId: s.lessonId,
      step: s.step,
      skip: s.skip,
      isRemedy: s.isRemedy,
      isPresenting: true,
      isEmbedded: false,
      isAudience: true,
    });
    window.open(`${window.location.pathname}${query}`, AUDIENCE_WINDOW, 'popup');
    // With the audience watching another screen, this window becomes the presenter's console.
    if (!s.isNotesShown) s.toggleNotes();
  };
  return (
    <div className="presenter">
      <section className="player player--bar" aria-label="Player">
        <PlayerControls />
        <div className="presenter__track">
          <PlayerSlider />
        </div>
        <PlayerStatus />
        <div className="presenter__tools">
          <button type="button" className="button button--small" onClick={openAudience}>
            Open audience window
          </button>
          <button
            type="button"
            className="button button--small"
            aria-pressed={isNotesShown}
            onClick={toggleNotes}
          >
            Speaker notes
          </button>
          <Clock />
          <button
            type="button"
            className="button button--small"
            onClick={() => setPresenting(false)}
          >
            Exit presenter mode
          </button>
        </div>
      </section>
      {isNotesShown ? <SpeakerNotes /> : null}
    </div>
  );
}
