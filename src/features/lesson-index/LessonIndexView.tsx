import { useEffect, useState } from 'react';
import { findLesson, lessonIndex, loadAllLessons } from '../../lessons';
import { useAppStore } from '../../store/store';
import { CompareCard } from './CompareCard';
import { LessonCard } from './LessonCard';
import { lessonGroups } from './lesson-index-view';
import './lesson-index.css';

const isAllLoaded = (): boolean => lessonIndex.every((meta) => findLesson(meta.id));

/**
 * The lesson index (`?view=lessons`): lessons grouped under Strategies and Failure modes, each
 * a card with its summary, difficulty and the learner's quiz result, and a way to Compare.
 */
export function LessonIndexView() {
  const answers = useAppStore((s) => s.answers);
  // Quiz scores need the lesson bodies, which load on demand; re-render once they are in.
  const [isLoaded, setIsLoaded] = useState(isAllLoaded);
  useEffect(() => {
    if (isLoaded) return;
    let isLive = true;
    loadAllLessons().then(
      () => {
        if (isLive) setIsLoaded(true);
      },
      // Offline: cards fall back to counting checked answers; opening a lesson says why.
      () => undefined,
    );
    return () => {
      isLive = false;
    };
  }, [isLoaded]);
  const groups = lessonGroups(lessonIndex, answers, findLesson);
  return (
    <div className="lesson-index">
      {groups.map(({ group, lessons }) => {
        const headingId = `lesson-index-${group.toLowerCase().replace(/\s+/g, '-')}`;
        return (
          <section key={group} className="lesson-index__group" aria-labelledby={headingId}>
            <h2 id={headingId} className="lesson-index__heading">
              {group}
            </h2>
            <ul className="lesson-index__grid">
              {lessons.map((lesson) => (
                <LessonCard key={lesson.id} lesson={lesson} />
              ))}
            </ul>
          </section>
        );
      })}
      <CompareCard />
    </div>
  );
}

export default LessonIndexView;
