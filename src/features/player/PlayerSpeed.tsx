import { useId, useRef } from 'react';
import { controlValue, useAdoptEarlyInput } from '../../components/use-adopt-early-input';
import { SPEEDS } from '../../store/player-slice';
import { useAppStore } from '../../store/store';

/** Autoplay pace; 1× is one step every 1.6 s. */
export function PlayerSpeed() {
  const id = useId();
  const speed = useAppStore((state) => state.speed);
  const setSpeed = useAppStore((state) => state.setSpeed);
  const selectRef = useRef<HTMLSelectElement>(null);
  const pick = (value: string): void => setSpeed(SPEEDS.find((c) => String(c) === value) ?? 1);
  // A pace picked on the prerendered page before its script ran is kept.
  useAdoptEarlyInput(selectRef, String(speed), controlValue, pick);
  return (
    <div className="player__speed">
      <label htmlFor={id} className="player__speed-label">
        Speed
      </label>
      <select
        id={id}
        ref={selectRef}
        className="player__speed-select"
        value={String(speed)}
        onChange={(event) => pick(event.currentTarget.value)}
      >
        {SPEEDS.map((choice) => (
          <option key={choice} value={String(choice)}>
            {choice}×
          </option>
        ))}
      </select>
    </div>
  );
}
