import type { LessonCardView } from './lesson-index-view';

export interface DifficultyBadgeProps {
  difficulty: LessonCardView['difficulty'];
  /** Filled dots, 1..3. */
  level: LessonCardView['level'];
}

/** The difficulty in words, with a three-dot meter for the eye (hidden from screen readers). */
export function DifficultyBadge({ difficulty, level }: DifficultyBadgeProps) {
  return (
    <span className={`lesson-card__difficulty lesson-card__difficulty--${level}`}>
      <span className="lesson-card__meter" aria-hidden="true">
        {[1, 2, 3].map((dot) => (
          <span
            key={dot}
            className={`lesson-card__dot${dot <= level ? ' lesson-card__dot--on' : ''}`}
          />
        ))}
      </span>
      {difficulty}
    </span>
  );
}
