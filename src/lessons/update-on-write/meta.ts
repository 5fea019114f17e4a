import type { LessonMeta } from '../kit';

export const meta: LessonMeta = {
  id: 'update-on-write',
  title: 'Write-through: update the cache with the fresh value',
  summary:
    'cache.set after save means no miss after a write, but two writers can reorder their sets and leave an older value.',
  group: 'Strategies',
  difficulty: 'Intermediate',
};
