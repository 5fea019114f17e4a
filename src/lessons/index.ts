import type { Lesson } from '../engine';
import { deleteOnUpdate } from './delete-on-update';

/** Every built-in lesson, in index order. The first is the default. */
export const lessons: readonly Lesson[] = [deleteOnUpdate];

export const DEFAULT_LESSON_ID = deleteOnUpdate.id;

/** The lesson with this id, or `undefined`. */
export function findLesson(id: string): Lesson | undefined {
  return lessons.find((lesson) => lesson.id === id);
}
