import type { CacheBinding, Lesson, Op, TableColumn, TrackedVar } from '../engine';

/*
 * Building blocks the lessons share: the seed's profile row, the ops that read and write it,
 * and the execution table's columns. Each helper returns a fresh plain object, so a lesson built
 * from them is the same data it would be written out by hand.
 */

/** The seed lesson's cache key for profile 42. */
export const PROFILE_KEY = 'user_profile_42';

/** The database every profile lesson starts from: profile 42 holds 'old_data'. */
export const profileModels = (): Lesson['setup']['models'] => ({
  Profile: [{ pk: 42, fields: { data: 'old_data' } }],
});

/** Declares that `key` (a raw key or a pattern) caches profile 42's `data` field. */
export const profileBinding = (key: string): CacheBinding => ({
  key,
  model: 'Profile',
  pk: 42,
  field: 'data',
});

/**
 * `get_profile(42)`: the cache-aside read of profile 42 under `key`, into the variable `data`.
 * Without a `timeout` the cache's default TIMEOUT applies.
 */
export const profileRead = (key = PROFILE_KEY, timeout?: number | null): Op => ({
  op: 'request',
  key,
  model: 'Profile',
  pk: 42,
  field: 'data',
  ...(timeout === undefined ? {} : { timeout }),
  as: 'data',
});

/** `Profile.objects.get(pk=42).data`: a database read, kept in the variable `as` if given. */
export const profileLoad = (as?: string): Op => ({
  op: 'db.get',
  model: 'Profile',
  pk: 42,
  field: 'data',
  ...(as === undefined ? {} : { as }),
});

/** `profile.data = value; profile.save()`: sends post_save. */
export const profileSave = (value: string): Op => ({
  op: 'db.save',
  model: 'Profile',
  pk: 42,
  fields: { data: { literal: value } },
});

/** `Profile.objects.filter(pk=42).update(data=value)`: one SQL UPDATE, no signal. */
export const profileUpdate = (value: string): Op => ({
  op: 'db.update',
  model: 'Profile',
  pk: 42,
  fields: { data: { literal: value } },
});

/** Tracker rows of a profile lesson: the cache, the `data` a read returned, the committed row. */
export const profileTracked = (): TrackedVar[] => [
  { name: 'cache', source: 'cache' },
  { name: 'data', source: 'var', var: 'data' },
  { name: 'db_data', source: 'db', model: 'Profile', pk: 42, field: 'data' },
];

/** Every execution-table column in the order the table shows them, with its header. */
const COLUMN_HEADERS: Record<TableColumn, string> = {
  step: 'Step',
  actor: 'Actor',
  clock: 'Clock',
  action: 'Action',
  cacheKey: 'Cache Key',
  cacheBefore: 'Cache State Before',
  cacheAfter: 'Cache State After',
  result: 'Result',
  queries: 'DB Queries',
};

const SEED_COLUMN_IDS: readonly TableColumn[] = [
  'step',
  'action',
  'cacheKey',
  'cacheBefore',
  'cacheAfter',
  'result',
];

/**
 * The seed lesson's execution-table columns (Step, Action, Cache Key, Cache State Before, Cache
 * State After, Result), plus `extra` columns in their usual places: Actor and Clock right after
 * Step, DB Queries last.
 */
export function seedColumns(...extra: ('actor' | 'clock' | 'queries')[]): Lesson['columns'] {
  const ids = new Set<TableColumn>([...SEED_COLUMN_IDS, ...extra]);
  return (Object.keys(COLUMN_HEADERS) as TableColumn[])
    .filter((id) => ids.has(id))
    .map((id) => ({ id, header: COLUMN_HEADERS[id] }));
}
