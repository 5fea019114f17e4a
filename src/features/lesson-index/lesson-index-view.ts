import type { Lesson } from '../../engine';
import type { LessonMeta } from '../../lessons';
import type { AnswerState } from '../../store/quiz-slice';

export type Group = Lesson['group'];

/** Groups in the order the index shows them. */
export const GROUPS: readonly Group[] = ['Strategies', 'Failure modes'];

const LEVELS: Record<Lesson['difficulty'], 1 | 2 | 3> = {
  Beginner: 1,
  Intermediate: 2,
  Advanced: 3,
};

export interface LessonCardView {
  id: string;
  title: string;
  summary: string;
  difficulty: Lesson['difficulty'];
  /** Dots filled in the difficulty meter, 1..3. */
  level: 1 | 2 | 3;
  /** A real address, so opening the lesson in a new tab works. */
  href: string;
  /** `Your quiz: 2 / 3`, `Your quiz: 1 checked` while the lesson is not loaded, or `null`. */
  quiz: string | null;
}

export interface LessonGroupView {
  group: Group;
  lessons: LessonCardView[];
}

/**
 * The learner's quiz line for one lesson. Right answers need the lesson's body; until it has
 * loaded, the line counts checked answers instead. No checked answer, no line.
 */
export function quizLine(
  answers: Record<number, AnswerState> | undefined,
  lesson: Lesson | undefined,
): string | null {
  const checked = Object.entries(answers ?? {}).filter(([, a]) => a?.checked != null);
  if (checked.length === 0) return null;
  if (!lesson) return `Your quiz: ${checked.length} checked`;
  const right = lesson.quiz.filter((q, i) => answers?.[i]?.checked === q.answer).length;
  return `Your quiz: ${right} / ${lesson.quiz.length}`;
}

/** Lessons of the index in their groups, each card with its difficulty and quiz line. */
export function lessonGroups(
  index: readonly LessonMeta[],
  answers: Record<string, Record<number, AnswerState>>,
  findLesson: (id: string) => Lesson | undefined,
): LessonGroupView[] {
  return GROUPS.map((group) => ({
    group,
    lessons: index
      .filter((meta) => meta.group === group)
      .map((meta) => ({
        id: meta.id,
        title: meta.title,
        summary: meta.summary,
        difficulty: meta.difficulty,
        level: LEVELS[meta.difficulty],
        href: `?lesson=${encodeURIComponent(meta.id)}`,
        quiz: quizLine(answers[meta.id], findLesson(meta.id)),
      })),
  })).filter((group) => group.lessons.length > 0);
}
