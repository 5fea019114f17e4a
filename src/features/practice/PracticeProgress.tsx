import { useState } from 'react';
import { Panel } from '../../components/Panel';
import { findLesson } from '../../lessons';
import { practiceQuestionFor, selectPracticeStats } from '../../store/practice-slice';
import { useAppStore } from '../../store/store';
import { downloadText } from '../../components/download-file';
import { EXPORT_FILE_NAME, exportResults, scoreText, wrongText } from './practice-view';
import { ResetProgress } from './ResetProgress';

/**
 * Score, the redo list, and the practice buttons: `New question`, `Redo wrong answers`,
 * `Export results` and `Reset progress`. A polite live line says what each button did,
 * since the new question appears away from the button that asked for it.
 */
export function PracticeProgress() {
  const stats = useAppStore(selectPracticeStats);
  const newQuestion = useAppStore((s) => s.newQuestion);
  const redoWrong = useAppStore((s) => s.redoWrong);
  const [announcement, setAnnouncement] = useState('');
  const current = (): string => {
    const state = useAppStore.getState();
    return practiceQuestionFor(state, state.practiceSeed).question;
  };
  const onExport = (): void => {
    const { practiceHistory, answers } = useAppStore.getState();
    const text = exportResults({
      history: practiceHistory,
      answers,
      findLesson,
      questionFor: (seed) => practiceQuestionFor(useAppStore.getState(), seed),
      exportedAt: new Date(),
    });
    downloadText(EXPORT_FILE_NAME, text);
    setAnnouncement(`Results saved as ${EXPORT_FILE_NAME}.`);
  };
  return (
    <Panel id="practice-progress" title="Your progress" className="practice__progress">
      <p className="practice__score">{scoreText(stats)}</p>
      <p className="practice__wrong" id="practice-wrong-count">
        {wrongText(stats)}
      </p>
      <div className="practice__buttons">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            newQuestion();
            setAnnouncement(`New question: ${current()}`);
          }}
        >
          New question
        </button>
        <button
          type="button"
          className="button"
          disabled={stats.wrong.length === 0}
          aria-describedby="practice-wrong-count"
          onClick={() => {
            redoWrong();
            setAnnouncement(`Redo: ${current()}`);
          }}
        >
          Redo wrong answers
          {/* The count is in the description; hidden here so the name stays exactly the label. */}
          <span className="practice__count" aria-hidden="true">
            {stats.wrong.length}
          </span>
        </button>
        <button type="button" className="button" onClick={onExport}>
          Export results
        </button>
        <ResetProgress onReset={() => setAnnouncement('Progress reset.')} />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </Panel>
  );
}
