import { selectFrame } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { selectShownStep } from '../../store/shown-step';

/**
 * Why this step matters: the step's narration, the Stage's caption right under the player.
 * A `note` named `Narration`, not a live region: the status line already announces each step.
 * When a what-if, a remedy or a sandbox edit takes the step off what its text describes, the
 * engine's words replace the authored ones; the ⚠ marks them.
 */
export function StepNarration() {
  const frame = useAppStore(selectFrame);
  const shown = useAppStore(selectShownStep);
  return (
    <p
      className="player__narration"
      role="note"
      aria-label="Narration"
      // The Stage gives the narration a fixed box; a long one scrolls there, so the keyboard
      // must be able to reach it.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
    >
      {shown.source !== 'authored' ? (
        <span className="player__changed" aria-hidden="true">
          ⚠{' '}
        </span>
      ) : null}
      {frame.index === 0 ? null : (
        <strong className="player__narration-step">Step {frame.index}. </strong>
      )}
      {shown.narration}
    </p>
  );
}
