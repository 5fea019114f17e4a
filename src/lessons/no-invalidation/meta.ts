import type { LessonMeta } from '../kit';

export const meta: LessonMeta = {
  id: 'no-invalidation',
  title: 'Forgetting to invalidate',
  summary:
    "update_profile() saves but never deletes the key: the cache serves 'old_data' until the timeout.",
  group: 'Failure modes',
  difficulty: 'Beginner',
};
