import type { LessonMeta } from '../kit';

export const meta: LessonMeta = {
  id: 'stale-set-race',
  title: 'Race: a slow reader caches stale data after the delete',
  summary:
    'A reader that read the old row before a write can cache it after the delete; version-stamped keys send that late set where nobody reads.',
  group: 'Failure modes',
  difficulty: 'Advanced',
};
