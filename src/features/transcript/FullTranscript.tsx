import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { selectLesson } from '../../store/selectors';
import { selectShownStep } from '../../store/shown-step';
import './transcript.css';

/**
 * The Full transcript panel: the lesson's narration as one paragraph, with the sentence the
 * current step illustrates highlighted. When the run contradicts that sentence, it is struck
 * through and followed by what the engine did.
 */
export function FullTranscript() {
  const lesson = useAppStore(selectLesson);
  const shown = useAppStore(selectShownStep);
  const current = shown.transcript;
  const missed = shown.missedTranscript;

  return (
    <Panel id="full-transcript" title="Full transcript">
      {lesson.transcript.length === 0 ? (
        // A sandbox scenario may come without one; say so rather than show an empty panel.
        <p className="transcript__empty">This scenario has no transcript.</p>
      ) : (
        <p className="transcript__text">
          {lesson.transcript.map((sentence, i) => (
            // Sentences are authored text that never reorders, so the position is a stable key.
            <span key={i}>
              {i > 0 ? ' ' : null}
              {i === current ? (
                <mark className="transcript__current">{sentence}</mark>
              ) : i === missed ? (
                // The run contradicts this sentence (a what-if, remedy or edit): struck, and
                // followed by what the engine did instead.
                <mark className="transcript__current">
                  <s>{sentence}</s> (not in this run: {shown.result}.)
                </mark>
              ) : (
                <span className="transcript__sentence">{sentence}</span>
              )}
            </span>
          ))}
        </p>
      )}
    </Panel>
  );
}
