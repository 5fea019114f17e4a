import type { LessonMeta } from '../kit';

export const meta: LessonMeta = {
  id: 'signal-invalidation',
  title: 'Invalidate with post_save and post_delete receivers',
  summary:
    'A signal receiver deletes the key on every save() and delete(); QuerySet.update() sends no signal and leaves the cache stale.',
  group: 'Strategies',
  difficulty: 'Intermediate',
};
