import type { MouseEvent } from 'react';
import { useAppStore } from '../../store/store';
import { DifficultyBadge } from './DifficultyBadge';
import { isPlainClick } from '../../components/plain-click';
import type { LessonCardView } from './lesson-index-view';

export interface LessonCardProps {
  lesson: LessonCardView;
}

/**
 * One lesson as a card. The title is a real link (`?lesson=<id>`), so it can open in a new
 * tab; a plain click opens the lesson in place through the store instead of reloading.
 */
export function LessonCard({ lesson }: LessonCardProps) {
  const openLesson = useAppStore((s) => s.openLesson);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    openLesson(lesson.id);
  };
  return (
    <li className="lesson-card">
      <h3 className="lesson-card__title">
        <a className="lesson-card__link" href={lesson.href} onClick={onClick}>
          {lesson.title}
        </a>
      </h3>
      <p className="lesson-card__summary">{lesson.summary}</p>
      <p className="lesson-card__meta">
        <DifficultyBadge difficulty={lesson.difficulty} level={lesson.level} />
        {lesson.quiz ? <span className="lesson-card__quiz">{lesson.quiz}</span> : null}
      </p>
    </li>
  );
}
