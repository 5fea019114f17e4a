import { memo, type CSSProperties } from 'react';
import { TONE_ICON } from '../../components/Badge';
import { DENSE_TICKS, STEP_KIND_STYLE, type Tick } from './player-view';

export interface PlayerTicksProps {
  ticks: readonly Tick[];
}

/**
 * Marks under the slider, one per step, coloured and iconed by what the step did. Hidden from
 * screen readers (the slider's value text and the legend carry the meaning); memoised so a
 * step change in a long trace does not redraw hundreds of marks.
 */
export const PlayerTicks = memo(function PlayerTicks({ ticks }: PlayerTicksProps) {
  const isDense = ticks.length > DENSE_TICKS;
  return (
    <div className={`player__ticks${isDense ? ' player__ticks--dense' : ''}`} aria-hidden="true">
      {ticks.map((tick) => {
        const { tone } = STEP_KIND_STYLE[tick.kind];
        return (
          <span
            key={tick.step}
            className={`player__tick player__tick--${tone}`}
            style={{ '--pos': tick.position } as CSSProperties}
          >
            {isDense ? null : TONE_ICON[tone]}
          </span>
        );
      })}
    </div>
  );
});
