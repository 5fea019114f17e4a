import type { Lesson } from '../engine';
import { deleteOnUpdate } from './delete-on-update';

/** What the lesson index, the picker and the URL need before a lesson's body is loaded. */
export interface LessonMeta {
  id: string;
  title: string;
  summary: string;
  group: Lesson['group'];
  difficulty: Lesson['difficulty'];
}

const meta = (lesson: Lesson): LessonMeta => ({
  id: lesson.id,
  title: lesson.title,
  summary: lesson.summary,
  group: lesson.group,
  difficulty: lesson.difficulty,
});

/**
 * Every built-in lesson, in index order; the first is the default. Only the default lesson's
 * body ships with the first view: the others load in one chunk on demand (`loadAllLessons`),
 * which keeps the first view's JavaScript within budget. A test checks this list against the
 * lesson files.
 */
export const lessonIndex: readonly LessonMeta[] = [
  meta(deleteOnUpdate),
  {
    id: 'no-invalidation',
    title: 'Forgetting to invalidate',
    summary: 'The cache keeps serving old data after the database changed, until the timeout.',
    group: 'Failure modes',
    difficulty: 'Beginner',
  },
  {
    id: 'update-on-write',
    title: 'Write-through: update the cache on save',
    summary:
      'cache.set after save avoids a miss, but two writers can leave the older value cached.',
    group: 'Strategies',
    difficulty: 'Intermediate',
  },
  {
    id: 'ttl-expiry',
    title: 'Let it expire: timeouts',
    summary: 'A simulated clock shows the stale window until the entry expires, exactly on time.',
    group: 'Strategies',
    difficulty: 'Beginner',
  },
  {
    id: 'versioned-keys',
    title: 'Versioned keys: a generation counter',
    summary: 'Bump one counter with incr to invalidate many keys at once; orphans age out.',
    group: 'Strategies',
    difficulty: 'Advanced',
  },
  {
    id: 'signal-invalidation',
    title: 'Invalidate from post_save and post_delete signals',
    summary: 'Receivers delete the key on save, but QuerySet.update() sends no signal.',
    group: 'Strategies',
    difficulty: 'Intermediate',
  },
  {
    id: 'on-commit',
    title: 'Invalidate after commit with transaction.on_commit',
    summary:
      'Deleting inside a transaction lets a reader re-cache the old row; on_commit fixes it.',
    group: 'Failure modes',
    difficulty: 'Advanced',
  },
  {
    id: 'stale-set-race',
    title: 'Race: a slow reader caches stale data after the delete',
    summary: 'Two interleaved requests leave an old value cached until its timeout.',
    group: 'Failure modes',
    difficulty: 'Advanced',
  },
  {
    id: 'thundering-herd',
    title: 'Thundering herd after invalidation',
    summary: 'Many concurrent misses all hit the database; an add()-based lock lets one refill.',
    group: 'Failure modes',
    difficulty: 'Advanced',
  },
];

export const DEFAULT_LESSON_ID = deleteOnUpdate.id;

const loaded = new Map<string, Lesson>([[deleteOnUpdate.id, deleteOnUpdate]]);
let catalog: Promise<void> | undefined;

/** Load every lesson body (one chunk, once). Resolves when `findLesson` knows them all. */
export function loadAllLessons(): Promise<void> {
  catalog ??= import('./catalog').then(({ catalog: all }) => {
    for (const lesson of all) loaded.set(lesson.id, lesson);
  });
  return catalog;
}

/** The loaded lesson with this id, or `undefined` (unknown, or not loaded yet). */
export function findLesson(id: string): Lesson | undefined {
  return loaded.get(id);
}

/** Whether a built-in lesson has this id, loaded or not. */
export function isLessonId(id: string): boolean {
  return lessonIndex.some((lesson) => lesson.id === id);
}
