import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/store';

export interface ResetProgressProps {
  /** Called after progress was cleared, to announce it. @default undefined */
  onReset?: () => void;
}

/**
 * `Reset progress` asks before it clears anything: a second button, `Confirm reset`, clears
 * practice answers and every lesson's quiz answers together; `Cancel` keeps them.
 */
export function ResetProgress({ onReset }: ResetProgressProps) {
  const resetProgress = useAppStore((s) => s.resetProgress);
  const resetPractice = useAppStore((s) => s.resetPractice);
  const [isConfirming, setIsConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Focus follows the question: to Cancel (the safe choice) when asked, back when answered.
    if (isConfirming) cancelRef.current?.focus();
    else if (wasConfirming.current) resetRef.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);
  if (!isConfirming) {
    return (
      <button
        ref={resetRef}
        type="button"
        className="button practice__reset"
        onClick={() => setIsConfirming(true)}
      >
        Reset progress
      </button>
    );
  }
  return (
    <div className="practice__confirm" role="group" aria-labelledby="practice-confirm-text">
      <p id="practice-confirm-text" className="practice__confirm-text">
        <span aria-hidden="true">⚠</span> Clear your practice answers and every lesson&apos;s quiz
        answers?
      </p>
      <button
        type="button"
        className="button practice__confirm-button"
        onClick={() => {
          resetProgress();
          resetPractice();
          setIsConfirming(false);
          onReset?.();
        }}
      >
        Confirm reset
      </button>
      <button
        ref={cancelRef}
        type="button"
        className="button"
        onClick={() => setIsConfirming(false)}
      >
        Cancel
      </button>
    </div>
  );
}
