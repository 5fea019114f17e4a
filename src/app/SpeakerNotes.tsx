import { selectFrame, selectTrace } from '../store/selectors';
import { useAppStore } from '../store/store';

/** For the presenter's eyes: what this step means and what comes next. */
export function SpeakerNotes() {
  const frame = useAppStore(selectFrame);
  const trace = useAppStore(selectTrace);
  const slide = useAppStore((s) => s.slide);
  const next = trace.frames[frame.index + 1];
  return (
    <aside className="presenter__notes" aria-label="Speaker notes">
      <p>
        <strong>Now:</strong> {slide > 0 ? 'closing slides.' : frame.narration}
      </p>
      <p>
        <strong>Next:</strong>{' '}
        {slide > 0
          ? 'the next slide.'
          : next
            ? `step ${next.index}, ${next.action}.`
            : 'the key moments and the quiz.'}
      </p>
    </aside>
  );
}
