import { useId } from 'react';
import type { Lesson } from '../../engine';
import { useAppStore } from '../../store/store';

export interface RemedyToggleProps {
  remedy: NonNullable<Lesson['remedy']>;
}

/** Replays a failure lesson with its fix switched on (e.g. `Use transaction.on_commit`). */
export function RemedyToggle({ remedy }: RemedyToggleProps) {
  const descriptionId = useId();
  const isRemedy = useAppStore((state) => state.isRemedy);
  const toggleRemedy = useAppStore((state) => state.toggleRemedy);
  return (
    <div className="whatif__remedy">
      <button
        type="button"
        className="button whatif__toggle"
        aria-pressed={isRemedy}
        aria-describedby={descriptionId}
        onClick={toggleRemedy}
      >
        <span className="whatif__mark" aria-hidden="true">
          {isRemedy ? '✓' : '○'}
        </span>
        {remedy.label}
      </button>
      <p id={descriptionId} className="whatif__hint">
        {remedy.description}{' '}
        {isRemedy ? (
          <strong>On: every panel shows the lesson with the fix.</strong>
        ) : (
          'Off: the panels show the lesson as written.'
        )}
      </p>
    </div>
  );
}
