import { useMemo, useRef } from 'react';
import { controlValue, useAdoptEarlyInput } from '../../components/use-adopt-early-input';
import { selectFrame, selectStepCount, selectTrace } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { PlayerLegend } from './PlayerLegend';
import { PlayerTicks } from './PlayerTicks';
import { legendOf, stepStatus, ticksOf } from './player-view';
import { clampStep } from '../../store/clamp-step';

/**
 * A native range input: arrows, Page Up/Down, Home and End work as every user expects, and
 * its value text repeats the status so a screen reader hears the action while dragging.
 */
export function PlayerSlider() {
  const step = useAppStore((state) => state.step);
  const stepCount = useAppStore(selectStepCount);
  const frame = useAppStore(selectFrame);
  const trace = useAppStore(selectTrace);
  const goTo = useAppStore((state) => state.goTo);
  const ticks = useMemo(() => ticksOf(trace.frames), [trace]);
  const kinds = useMemo(() => legendOf(ticks), [ticks]);
  const sliderRef = useRef<HTMLInputElement>(null);
  const value = clampStep(step, stepCount);
  // A step dragged to on the prerendered page before its script ran is kept.
  useAdoptEarlyInput(sliderRef, String(value), controlValue, (shown) => goTo(Number(shown)));
  return (
    <div className="player__track">
      <div className="player__rail">
        <input
          ref={sliderRef}
          className="player__slider"
          type="range"
          min={0}
          max={stepCount}
          step={1}
          value={value}
          aria-label="Step"
          aria-valuetext={stepStatus(frame, stepCount)}
          onChange={(event) => goTo(Number(event.currentTarget.value))}
        />
        <PlayerTicks ticks={ticks} />
      </div>
      <PlayerLegend kinds={kinds} />
    </div>
  );
}
