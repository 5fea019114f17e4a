import { selectFrame } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/**
 * Why this step matters: the frame's narration, the Stage's caption, right under the player.
 * A `note` named `Narration`, not a live region: the status line already announces each step.
 * When a what-if takes the step off the normal path, the engine has already written narration
 * that says so; the ⚠ marks it.
 */
export function StepNarration() {
  const frame = useAppStore(selectFrame);
  return (
    <p className="player__narration" role="note" aria-label="Narration">
      {frame.isDiverged ? (
        <span className="player__changed" aria-hidden="true">
          ⚠{' '}
        </span>
      ) : null}
      {frame.index === 0 ? null : (
        <strong className="player__narration-step">Step {frame.index}. </strong>
      )}
      {frame.narration}
    </p>
  );
}
