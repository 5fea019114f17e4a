import type { LessonMeta } from '../kit';

export const meta: LessonMeta = {
  id: 'ttl-expiry',
  title: 'Let it expire: timeouts',
  summary:
    'A timeout bounds how long stale data can be served; None never expires and 0 does not cache.',
  group: 'Strategies',
  difficulty: 'Beginner',
};
