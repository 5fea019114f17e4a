import type { ReactNode } from 'react';
import { PlayerControls } from './PlayerControls';
import { PlayerSlider } from './PlayerSlider';
import { PlayerSpeed } from './PlayerSpeed';
import { PlayerStatus } from './PlayerStatus';
import { StepNarration } from './StepNarration';
import './player.css';

export interface PlayerProps {
  /**
   * Show the step's narration inside the player. The shell may switch it off and place
   * `<StepNarration />` elsewhere, e.g. outside the sticky bar on phones.
   * @default true
   */
  isNarrationShown?: boolean;
  /** Extra controls at the end of the bar, e.g. `Copy link to this step`. */
  tools?: ReactNode;
}

/**
 * The stepper: First / Previous / Play / Next / Last, a `Step` slider with marks coloured by
 * what each step did, a speed choice and a `Step N of M` live region. Sticky at the top of
 * its scroll container; every control calls a store action, the autoplay timer lives in
 * `useAutoplay`.
 */
export function Player({ isNarrationShown = true, tools }: PlayerProps) {
  return (
    <section className="player" aria-label="Player">
      <div className="player__inner">
        <PlayerControls />
        <PlayerSlider />
        <PlayerSpeed />
        {tools ? <div className="player__tools">{tools}</div> : null}
        <PlayerStatus />
        {isNarrationShown ? <StepNarration /> : null}
      </div>
    </section>
  );
}
