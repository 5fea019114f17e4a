import type { LessonMeta } from '../kit';

export const meta: LessonMeta = {
  id: 'delete-on-update',
  title: 'Cache invalidation strategies in Django',
  summary: 'Delete the key after a database update; the next request refetches fresh data.',
  group: 'Strategies',
  difficulty: 'Beginner',
};
