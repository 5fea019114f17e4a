import type { LessonMeta } from '../kit';

export const meta: LessonMeta = {
  id: 'thundering-herd',
  title: 'Dogpile: many requests miss at once after invalidation',
  summary:
    'When a popular key is deleted, every concurrent request misses and queries the database; a cache.add() lock lets one worker rebuild it.',
  group: 'Failure modes',
  difficulty: 'Advanced',
};
