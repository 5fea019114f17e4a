import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { selectLesson, selectScore } from '../../store/selectors';
import { QuizQuestion } from './QuizQuestion';
import './quiz.css';

/**
 * The lesson's questions with instant feedback and hints that jump to the step that explains
 * the answer. The score counts questions whose last checked answer was right.
 */
export function VisualQuiz() {
  const lesson = useAppStore(selectLesson);
  const score = useAppStore(selectScore);
  return (
    <Panel
      id="visual-quiz"
      title="Visual quiz"
      className="quiz"
      actions={
        <p className="quiz__score">
          Score: {score} / {lesson.quiz.length}
        </p>
      }
    >
      {lesson.quiz.length === 0 ? (
        // A sandbox scenario may come without questions; the region stays, so the page keeps its shape.
        <p className="quiz__empty">This scenario has no quiz.</p>
      ) : (
        <div className="quiz__questions">
          {lesson.quiz.map((question, index) => (
            <QuizQuestion key={`${lesson.id}:${index}`} index={index} question={question} />
          ))}
        </div>
      )}
    </Panel>
  );
}
