import { useAppStore } from '../../store/store';
import { selectShownStep } from '../shown-step';

/**
 * Why this step matters: the step's narration, beside the status, not inside it. When a
 * what-if, a remedy or a sandbox edit takes the step off what its text describes, the engine's
 * words replace the authored ones; the ⚠ marks them.
 */
export function StepNarration() {
  const shown = useAppStore(selectShownStep);
  return (
    <p className="player__narration">
      {shown.source !== 'authored' ? (
        <span className="player__changed" aria-hidden="true">
          ⚠{' '}
        </span>
      ) : null}
      {shown.narration}
    </p>
  );
}
