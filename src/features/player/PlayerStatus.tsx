import { useShallow } from 'zustand/react/shallow';
import { Badge } from '../../components/Badge';
import { selectFrame, selectStepCount } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { extraSlideCount, slideContent } from '../../store/presenter-slice';
import { selectShownStep } from '../../store/shown-step';
import { STEP_KIND_STYLE, stepKindOf } from './player-view';

/**
 * `Step N of M: action` in a polite live region, kept short so it is read whole at every
 * change; the event badge sits outside it so the announcement stays the same sentence.
 */
export function PlayerStatus() {
  const frame = useAppStore(selectFrame);
  const stepCount = useAppStore(selectStepCount);
  // The authored action while it describes the run; the ops' own action once a what-if or an
  // edit changed what the step did.
  const action = useAppStore(selectShownStep).action;
  const { tone, word } = STEP_KIND_STYLE[stepKindOf(frame)];
  const slide = useAppStore((state) => state.slide);
  const slideCount = useAppStore(extraSlideCount);
  const content = useAppStore(useShallow((state) => slideContent(state, state.slide)));
  if (slide > 0 && content) {
    const what = content.kind === 'moments' ? 'Key moments' : `Question ${content.question + 1}`;
    return (
      <div className="player__status-row">
        <p className="player__status" role="status" aria-live="polite" aria-atomic="true">
          Slide: <span className="player__action">{what}</span> ({slide} of {slideCount} after the
          last step)
        </p>
      </div>
    );
  }
  return (
    <div className="player__status-row">
      <p className="player__status" role="status" aria-live="polite" aria-atomic="true">
        Step <span className="player__step-number">{frame.index}</span> of {stepCount}:{' '}
        <span className="player__action">{action}</span>
      </p>
      {frame.index > 0 ? <Badge tone={tone}>{word}</Badge> : null}
    </div>
  );
}
