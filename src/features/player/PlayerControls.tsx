import { useRef, type Ref } from 'react';
import { extraSlideCount } from '../../store/presenter-slice';
import { selectStepCount } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { PlayerIcon, type PlayerIconName } from './PlayerIcon';

interface StepButtonProps {
  label: string;
  icon: PlayerIconName;
  onClick: () => void;
  /** @default false */
  isDisabled?: boolean;
  /** The Play / Pause button stands out. @default false */
  isPrimary?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * The label is real text (hidden visually on phones), so the accessible name always equals
 * what sighted users read on wider screens.
 */
function StepButton({
  label,
  icon,
  onClick,
  isDisabled = false,
  isPrimary = false,
  ref,
}: StepButtonProps) {
  const primary = isPrimary ? ' button--primary player__button--play' : '';
  return (
    <button
      ref={ref}
      type="button"
      className={`button player__button${primary}`}
      title={label}
      disabled={isDisabled}
      onClick={onClick}
    >
      <PlayerIcon name={icon} />
      <span className="player__button-label">{label}</span>
    </button>
  );
}

/** First / Previous / Play-Pause / Next / Last. Play stays enabled at the end: it restarts. */
export function PlayerControls() {
  const step = useAppStore((state) => state.step);
  const stepCount = useAppStore(selectStepCount);
  const isPlaying = useAppStore((state) => state.isPlaying);
  const first = useAppStore((state) => state.first);
  const previous = useAppStore((state) => state.previous);
  const togglePlay = useAppStore((state) => state.togglePlay);
  const next = useAppStore((state) => state.next);
  const last = useAppStore((state) => state.last);
  const isPresenting = useAppStore((state) => state.isPresenting);
  const slide = useAppStore((state) => state.slide);
  const slideCount = useAppStore((state) => (state.isPresenting ? extraSlideCount(state) : 0));
  const presentNext = useAppStore((state) => state.presentNext);
  const presentPrevious = useAppStore((state) => state.presentPrevious);
  const playRef = useRef<HTMLButtonElement>(null);

  /**
   * A button that disables itself would drop keyboard focus onto the page body, so focus
   * moves to Play, the neighbour that can always act.
   */
  const keepingFocus = (action: () => void, isDisabledAt: (step: number) => boolean) => () => {
    action();
    if (isDisabledAt(useAppStore.getState().step)) playRef.current?.focus();
  };
  // In presenter mode Next goes on past the last step to the closing slides.
  const isStart = (at: number) => at <= 0 && useAppStore.getState().slide === 0;
  const isEnd = (at: number) => at >= stepCount && useAppStore.getState().slide >= slideCount;
  const isAtStart = step <= 0 && slide === 0;
  const isAtEnd = step >= stepCount && slide >= slideCount;

  return (
    <div className="player__controls" role="group" aria-label="Step controls">
      <StepButton
        label="First step"
        icon="first"
        isDisabled={isAtStart}
        onClick={keepingFocus(first, isStart)}
      />
      <StepButton
        label="Previous step"
        icon="previous"
        isDisabled={isAtStart}
        onClick={keepingFocus(isPresenting ? presentPrevious : previous, isStart)}
      />
      <StepButton
        ref={playRef}
        label={isPlaying ? 'Pause' : 'Play'}
        icon={isPlaying ? 'pause' : 'play'}
        isPrimary
        onClick={togglePlay}
      />
      <StepButton
        label="Next step"
        icon="next"
        isDisabled={isAtEnd}
        onClick={keepingFocus(isPresenting ? presentNext : next, isEnd)}
      />
      <StepButton
        label="Last step"
        icon="last"
        isDisabled={step >= stepCount && slide === 0}
        onClick={keepingFocus(last, isEnd)}
      />
    </div>
  );
}
