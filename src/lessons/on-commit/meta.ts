import type { LessonMeta } from '../kit';

export const meta: LessonMeta = {
  id: 'on-commit',
  title: 'Invalidate after commit with transaction.on_commit',
  summary:
    'Deleting the key inside transaction.atomic() lets a concurrent reader re-cache the old row; transaction.on_commit deletes it after the commit.',
  group: 'Failure modes',
  difficulty: 'Advanced',
};
