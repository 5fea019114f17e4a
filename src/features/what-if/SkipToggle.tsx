import { useId } from 'react';
import { useAppStore } from '../../store/store';

export interface SkipToggleProps {
  /** The 1-based step this toggle skips. */
  step: number;
  /** The step's Action text, to say what would not run. */
  action: string;
}

/** `Skip step N`: a pressed/unpressed button, with a line saying what skipping means. */
export function SkipToggle({ step, action }: SkipToggleProps) {
  const descriptionId = useId();
  const isSkipped = useAppStore((state) => state.skip.includes(step));
  const toggleSkip = useAppStore((state) => state.toggleSkip);
  return (
    <li className="whatif__item">
      <button
        type="button"
        className="button whatif__toggle"
        aria-pressed={isSkipped}
        aria-describedby={descriptionId}
        onClick={() => toggleSkip(step)}
      >
        {/* A visible mark besides the colour, so the pressed state is not colour alone. */}
        <span className="whatif__mark" aria-hidden="true">
          {isSkipped ? '✓' : '○'}
        </span>
        Skip step {step}
      </button>
      <p id={descriptionId} className="whatif__hint">
        What if the code never ran step {step} (<em>{action}</em>)?{' '}
        {isSkipped
          ? 'It is skipped now: later steps run without it.'
          : 'Later steps then run without it.'}
      </p>
    </li>
  );
}
