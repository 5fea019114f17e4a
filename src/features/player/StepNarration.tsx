import { selectFrame } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/**
 * Why this step matters: the frame's narration, beside the status, not inside it. When a
 * what-if takes the step off the normal path, the engine has already written narration that
 * says so; the ⚠ marks it.
 */
export function StepNarration() {
  const frame = useAppStore(selectFrame);
  return (
    <p className="player__narration">
      {frame.isDiverged ? (
        <span className="player__changed" aria-hidden="true">
          ⚠{' '}
        </span>
      ) : null}
      {frame.narration}
    </p>
  );
}
