import { selectFrame } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/**
 * Why this step matters: the frame's narration, beside the status, not inside it. When a
 * what-if takes the step off the normal path, the authored narration describes the normal
 * path, so the engine's own result comes first.
 */
export function StepNarration() {
  const frame = useAppStore(selectFrame);
  const isChanged = frame.isDiverged && !frame.isSkipped;
  return (
    <p className="player__narration">
      {isChanged ? (
        <>
          <strong className="player__changed">
            <span aria-hidden="true">⚠</span> What-if:
          </strong>{' '}
          {frame.result}. <em className="player__normally">On the normal path:</em>{' '}
        </>
      ) : null}
      {frame.narration}
    </p>
  );
}
