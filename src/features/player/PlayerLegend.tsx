import { memo } from 'react';
import { TONE_ICON } from '../../components/Badge';
import { STEP_KIND_STYLE, type StepKind } from './player-view';

export interface PlayerLegendProps {
  kinds: readonly StepKind[];
}

/** Explains the slider marks with an icon and a word each, never colour alone. */
export const PlayerLegend = memo(function PlayerLegend({ kinds }: PlayerLegendProps) {
  if (kinds.length === 0) return null;
  return (
    <ul className="player__legend" aria-label="Slider marks">
      {kinds.map((kind) => {
        const { tone, word } = STEP_KIND_STYLE[kind];
        return (
          <li key={kind} className="player__legend-item">
            <span className={`player__legend-icon player__tick--${tone}`} aria-hidden="true">
              {TONE_ICON[tone]}
            </span>
            {word}
          </li>
        );
      })}
    </ul>
  );
});
