import { memo } from 'react';

export interface TimelinePlaceholderProps {
  /** The step not reached yet: its column on the time axis. */
  step: number;
}

/** A faint stand-in for a step its actor has not run yet; it does not give the action away. */
export const TimelinePlaceholder = memo(function TimelinePlaceholder({
  step,
}: TimelinePlaceholderProps) {
  return (
    <li className="timeline__placeholder" style={{ gridColumn: step }}>
      Step {step} <span className="timeline__quiet">not reached yet</span>
    </li>
  );
});
