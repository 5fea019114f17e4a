import { useId } from 'react';
import { SPEEDS } from '../../store/player-slice';
import { useAppStore } from '../../store/store';

/** Autoplay pace; 1× is one step every 1.6 s. */
export function PlayerSpeed() {
  const id = useId();
  const speed = useAppStore((state) => state.speed);
  const setSpeed = useAppStore((state) => state.setSpeed);
  return (
    <div className="player__speed">
      <label htmlFor={id} className="player__speed-label">
        Speed
      </label>
      <select
        id={id}
        className="player__speed-select"
        value={String(speed)}
        onChange={(event) => {
          const { value } = event.currentTarget;
          setSpeed(SPEEDS.find((choice) => String(choice) === value) ?? 1);
        }}
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
