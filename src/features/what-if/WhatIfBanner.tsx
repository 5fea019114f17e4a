import { useAppStore } from '../../store/store';
import { selectLesson, selectTrace } from '../../store/selectors';
import { skippedPhrase, whatIfResult } from './what-if-view';
import './what-if.css';

export interface WhatIfBannerProps {
  /** Called after `Back to the normal path`, e.g. to move focus off the vanished button. */
  onCleared?: () => void;
}

/**
 * A plain visible notice while a what-if skip is on, so nobody mistakes the altered run for
 * the lesson's normal path. Not a live region: the toggle's pressed state already announces
 * the change, and the banner must not interrupt every step announcement.
 */
export function WhatIfBanner({ onCleared }: WhatIfBannerProps) {
  const skip = useAppStore((state) => state.skip);
  const clearSkip = useAppStore((state) => state.clearSkip);
  const lesson = useAppStore(selectLesson);
  const trace = useAppStore(selectTrace);
  if (skip.length === 0) return null;
  return (
    <div className="whatif__banner">
      <p className="whatif__banner-text">
        <span className="whatif__banner-icon" aria-hidden="true">
          ⚠
        </span>{' '}
        <strong>What-if:</strong> {skippedPhrase(skip)}. {whatIfResult(lesson, trace)} The table,
        tracker and panels show what happens then.
      </p>
      <button
        type="button"
        className="button whatif__back"
        onClick={() => {
          clearSkip();
          onCleared?.();
        }}
      >
        Back to the normal path
      </button>
    </div>
  );
}
