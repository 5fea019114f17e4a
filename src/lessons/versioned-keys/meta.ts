import type { LessonMeta } from '../kit';

export const meta: LessonMeta = {
  id: 'versioned-keys',
  title: 'Versioned keys: a generation counter',
  summary:
    'Put a counter in every key and incr it to invalidate a whole namespace at once; orphans age out.',
  group: 'Strategies',
  difficulty: 'Advanced',
};
