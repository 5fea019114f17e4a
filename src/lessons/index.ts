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
    summary:
      "The update view saves but never deletes the key: the cache serves 'old_data' until the timeout.",
    group: 'Failure modes',
    difficulty: 'Beginner',
  },
  {
    id: 'update-on-write',
    title: 'Write-through: update the cache with the fresh value',
    summary:
      'cache.set after save means no miss after a write, but two writers can reorder their sets and leave an older value.',
    group: 'Strategies',
    difficulty: 'Intermediate',
  },
  {
    id: 'ttl-expiry',
    title: 'Let it expire: timeouts',
    summary:
      'A timeout bounds how long stale data can be served; None never expires and 0 does not cache.',
    group: 'Strategies',
    difficulty: 'Beginner',
  },
  {
    id: 'versioned-keys',
    title: 'Versioned keys: a generation counter',
    summary:
      'Put a counter in every key and incr it to invalidate a whole namespace at once; orphans age out.',
    group: 'Strategies',
    difficulty: 'Advanced',
  },
  {
    id: 'signal-invalidation',
    title: 'Invalidate with post_save and post_delete receivers',
    summary:
      'A signal receiver deletes the key on every save() and delete(); QuerySet.update() sends no signal and leaves the cache stale.',
    group: 'Strategies',
    difficulty: 'Intermediate',
  },
  {
    id: 'on-commit',
    title: 'Invalidate after commit with transaction.on_commit',
    summary:
      'Deleting the key inside transaction.atomic() lets a concurrent reader re-cache the old row; transaction.on_commit deletes it after the commit.',
    group: 'Failure modes',
    difficulty: 'Advanced',
  },
  {
    id: 'stale-set-race',
    title: 'Race: a slow reader caches stale data after the delete',
    summary:
      'A reader that read the old row before a write can cache it after the delete; version-stamped keys send that late set where nobody reads.',
    group: 'Failure modes',
    difficulty: 'Advanced',
  },
  {
    id: 'thundering-herd',
    title: 'Dogpile: many requests miss at once after invalidation',
    summary:
      'When a popular key is deleted, every concurrent request misses and queries the database; a cache.add() lock lets one worker rebuild it.',
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
