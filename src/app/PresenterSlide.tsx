import { useShallow } from 'zustand/react/shallow';
import { KeyMoments } from '../features/key-moments/KeyMoments';
import { QuizQuestion } from '../features/quiz/QuizQuestion';
import { slideContent } from '../store/presenter-slice';
import { selectLesson } from '../store/selectors';
import { useAppStore } from '../store/store';

/**
 * A closing slide of presenter mode, after the last step: the key moments, or one quiz
 * question, large, its answer hidden until `Reveal answer`.
 */
export function PresenterSlide() {
  const lesson = useAppStore(selectLesson);
  const content = useAppStore(useShallow((state) => slideContent(state, state.slide)));
  if (!content) return null;
  if (content.kind === 'moments') return <KeyMoments />;
  const question = lesson.quiz[content.question];
  if (!question) return null;
  return (
    <section className="slide-question" aria-labelledby="slide-question-heading">
      <h2 id="slide-question-heading" className="slide-question__heading">
        Question {content.question + 1} of {lesson.quiz.length}
      </h2>
      <QuizQuestion
        key={`${lesson.id}:${content.question}`}
        index={content.question}
        question={question}
      />
    </section>
  );
}
