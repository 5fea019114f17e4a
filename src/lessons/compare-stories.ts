import type { Lesson, LessonStep, Op } from '../engine';
import {
  profileBinding,
  profileLoad,
  profileModels,
  profileRead,
  profileSave,
  profileTracked,
  profileUpdate,
} from './building-blocks';

/**
 * One story, told under each invalidation strategy, for the Compare view: 1) read the profile
 * (a miss caches it), 2) update it in the database, 3) read it again, 4) wait, then read once
 * more. Every story has the same four steps, so a step is a row and a strategy a column. The
 * engine decides what each read returns; nothing here states an outcome.
 */

/** The strategies the Compare view offers, in column order. */
export const COMPARE_STRATEGY_IDS = [
  'no-invalidation',
  'delete-on-update',
  'update-on-write',
  'ttl',
  'signal',
  'signal-update',
  'on-commit',
] as const;

export type CompareStrategyId = (typeof COMPARE_STRATEGY_IDS)[number];

export interface CompareStrategy {
  id: CompareStrategyId;
  /** Column header, e.g. `No invalidation`. */
  label: string;
  /** One sentence: what the update code does about the cache. */
  description: string;
  /** The full lesson that teaches this strategy. */
  lessonId: string;
}

export const compareStrategies: readonly CompareStrategy[] = [
  {
    id: 'no-invalidation',
    label: 'No invalidation',
    description: 'The update saves the row and never touches the cache.',
    lessonId: 'no-invalidation',
  },
  {
    id: 'delete-on-update',
    label: 'Delete on update',
    description: 'The update saves the row, then calls cache.delete(key).',
    lessonId: 'delete-on-update',
  },
  {
    id: 'update-on-write',
    label: 'Update on write',
    description: 'The update saves the row, then cache.set(key, fresh value): write-through.',
    lessonId: 'update-on-write',
  },
  {
    id: 'ttl',
    label: 'TTL',
    description:
      'Reads cache with timeout=TTL; the update only saves, the timeout bounds staleness.',
    lessonId: 'ttl-expiry',
  },
  {
    id: 'signal',
    label: 'post_save signal',
    description: 'A post_save receiver deletes the key whenever profile.save() runs.',
    lessonId: 'signal-invalidation',
  },
  {
    id: 'signal-update',
    label: 'Signal + QuerySet.update()',
    description: 'The same receiver, but the update uses QuerySet.update(), which sends no signal.',
    lessonId: 'signal-invalidation',
  },
  {
    id: 'on-commit',
    label: 'Delete on commit',
    description:
      'Save inside transaction.atomic(); transaction.on_commit deletes the key after COMMIT.',
    lessonId: 'on-commit',
  },
];

export interface CompareStoryOptions {
  /** Timeout of the TTL strategy's reads, in seconds. @default 60 */
  ttl?: number;
  /** Seconds the clock moves before the last read. @default 90 */
  wait?: number;
}

export const DEFAULT_TTL = 60;
export const DEFAULT_WAIT = 90;
/** Largest TTL or wait the story accepts: an hour is plenty to see any entry expire. */
export const MAX_SECONDS = 3600;
/** Django's default TIMEOUT, used by every strategy but TTL. */
export const DEFAULT_TIMEOUT = 300;

/** A safe number of seconds: non-numbers fall back to the default, the rest is clamped. */
function seconds(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(MAX_SECONDS, Math.max(0, Math.round(value)));
}

const KEY = 'user_profile_42';

const deleteKey: Op = { op: 'cache.delete', key: KEY };

/** The read function every story shares; `setLine` is its cache.set line. */
const getProfile = (setLine: string): string[] => [
  'def get_profile(user_id):',
  "    key = f'user_profile_{user_id}'",
  '    data = cache.get(key)',
  '    if data is None:',
  '        data = Profile.objects.get(pk=user_id).data',
  `        ${setLine}`,
  '    return data',
];

const saveLines = [
  'def update_profile(user_id, new_data):',
  '    profile = Profile.objects.get(pk=user_id)',
  '    profile.data = new_data',
];

/** What differs between strategies: imports, the update code and its operations. */
interface Variant {
  imports: string[];
  /** Lines between the imports and get_profile (a receiver). */
  before?: string[];
  setLine?: string;
  update: string[];
  updateOps: Op[];
  readTimeout?: number;
  /** Whether a post_save receiver deletes the key (the RECEIVER lines). */
  hasReceiver?: boolean;
  /** What the update does to the cache, for the narration. */
  effect: string;
}

/** Django's import order: the framework first, then the project's models. */
const importsWith = (...django: string[]): string[] => [
  'from django.core.cache import cache',
  ...django,
  'from profiles.models import Profile',
];

const RECEIVER = [
  '@receiver(post_save, sender=Profile)',
  'def invalidate_profile(sender, instance, **kwargs):',
  "    cache.delete(f'user_profile_{instance.pk}')",
];

function variantOf(id: CompareStrategyId, ttl: number): Variant {
  switch (id) {
    case 'no-invalidation':
      return {
        imports: importsWith(),
        update: [...saveLines, '    profile.save()  # the cached copy is left as it is'],
        updateOps: [profileLoad(), profileSave('fresh_data')],
        effect: 'Nothing touches the cache, so it still holds the old value.',
      };
    case 'delete-on-update':
      return {
        imports: importsWith(),
        update: [...saveLines, '    profile.save()', "    cache.delete(f'user_profile_{user_id}')"],
        updateOps: [profileLoad(), profileSave('fresh_data'), deleteKey],
        effect: 'cache.delete removes the old value right after the save.',
      };
    case 'update-on-write':
      return {
        imports: importsWith(),
        update: [
          ...saveLines,
          '    profile.save()',
          "    cache.set(f'user_profile_{user_id}', profile.data)",
        ],
        updateOps: [
          profileLoad(),
          profileSave('fresh_data'),
          { op: 'cache.set', key: KEY, value: { literal: 'fresh_data' } },
        ],
        effect: 'cache.set replaces the old value with the fresh one.',
      };
    case 'ttl':
      return {
        imports: importsWith(),
        setLine: `cache.set(key, data, timeout=${ttl})`,
        update: [...saveLines, '    profile.save()  # no delete: the timeout bounds staleness'],
        updateOps: [profileLoad(), profileSave('fresh_data')],
        readTimeout: ttl,
        effect: `Nothing touches the cache; the entry expires ${ttl} s after it was set.`,
      };
    case 'signal':
    case 'signal-update':
      return {
        imports: importsWith(
          'from django.db.models.signals import post_save',
          'from django.dispatch import receiver',
        ),
        before: ['', ...RECEIVER],
        update:
          id === 'signal'
            ? [...saveLines, '    profile.save()  # sends post_save']
            : [
                'def update_profile(user_id, new_data):',
                '    Profile.objects.filter(pk=user_id).update(data=new_data)  # no signal',
              ],
        updateOps:
          id === 'signal'
            ? [profileLoad(), profileSave('fresh_data')]
            : [profileUpdate('fresh_data')],
        hasReceiver: true,
        effect:
          id === 'signal'
            ? 'save() sends post_save and the receiver deletes the key.'
            : 'update() sends no post_save, so the receiver never runs and the old value stays.',
      };
    case 'on-commit':
      return {
        imports: importsWith('from django.db import transaction'),
        update: [
          'def update_profile(user_id, new_data):',
          '    with transaction.atomic():',
          '        profile = Profile.objects.get(pk=user_id)',
          '        profile.data = new_data',
          '        profile.save()',
          "        transaction.on_commit(lambda: cache.delete(f'user_profile_{user_id}'))",
        ],
        updateOps: [
          { op: 'atomic.begin' },
          profileLoad(),
          profileSave('fresh_data'),
          { op: 'onCommit', ops: [deleteKey] },
          { op: 'atomic.commit' },
        ],
        effect: 'The delete waits for COMMIT, then removes the old value.',
      };
  }
}

/** 1-based line numbers of `block` inside `source`, which contains it once. */
function linesOf(source: string[], block: string[]): number[] {
  const start = source.findIndex((_, i) => block.every((line, j) => source[i + j] === line));
  return block.map((_, j) => start + 1 + j);
}

/** The strategy with this id, or `undefined`. */
export function findCompareStrategy(id: string): CompareStrategy | undefined {
  return compareStrategies.find((strategy) => strategy.id === id);
}

/**
 * The compare story for one strategy as a lesson the engine can run: four steps (read, update,
 * read again, read after `wait` seconds) over `Profile 42`, cached under `user_profile_42`.
 * Every strategy but TTL uses Django's default TIMEOUT (300 s). Bad numbers never throw: they
 * fall back to the defaults or are clamped to 0..3600.
 */
export function compareStory(
  strategyId: CompareStrategyId,
  options: CompareStoryOptions = {},
): Lesson {
  const strategy = findCompareStrategy(strategyId) ?? compareStrategies[0];
  const ttl = seconds(options.ttl, DEFAULT_TTL);
  const wait = seconds(options.wait, DEFAULT_WAIT);
  const variant = variantOf(strategy.id, ttl);
  const read = getProfile(variant.setLine ?? 'cache.set(key, data)');
  const source = [
    ...variant.imports,
    ...(variant.before ?? []),
    '',
    ...read,
    '',
    ...variant.update,
  ];
  const readLines = linesOf(source, read);
  // Hit or miss is the engine's call, so a read highlights the whole body of get_profile.
  const bodyLines = readLines.slice(1);
  const lifetime = strategy.id === 'ttl' ? ttl : DEFAULT_TIMEOUT;
  const readStep = (action: string, ops: Op[], narration: string, stage: number): LessonStep => ({
    action,
    cacheKey: KEY,
    result: 'get_profile(42) reads through the cache',
    narration,
    ops,
    lines: bodyLines,
    stage,
  });
  const steps: LessonStep[] = [
    readStep(
      'Read',
      [profileRead(KEY, variant.readTimeout)],
      lifetime === 0
        ? "The first read misses and reads 'old_data' from the database; timeout=0 stores nothing."
        : `The first read misses, reads 'old_data' from the database and caches it for ${lifetime} s.`,
      0,
    ),
    {
      action: 'Update the profile',
      cacheKey: '-',
      result: variant.effect,
      narration: `The profile is updated to 'fresh_data'. ${variant.effect}`,
      ops: variant.updateOps,
      lines: linesOf(source, variant.update),
      stage: 1,
    },
    readStep(
      'Read again',
      [profileRead(KEY, variant.readTimeout)],
      'The next read: a hit returns whatever is cached, a miss goes back to the database.',
      2,
    ),
    readStep(
      `Read after ${wait} s`,
      [{ op: 'clock.advance', seconds: wait }, profileRead(KEY, variant.readTimeout)],
      `${wait} seconds later: the entry is still served if it has not expired (it lives ${lifetime} s from its set).`,
      3,
    ),
  ];
  return {
    id: `compare-${strategy.id}`,
    title: `Compare: ${strategy.label}`,
    summary: strategy.description,
    group:
      strategy.id === 'no-invalidation' || strategy.id === 'signal-update'
        ? 'Failure modes'
        : 'Strategies',
    difficulty: 'Beginner',
    flow: ['Read', 'Update the profile', 'Read again', `Wait ${wait} s, then read`],
    flowCaption: `The same four steps under "${strategy.label}": ${strategy.description}`,
    code: { language: 'python', source: source.join('\n'), caption: strategy.description },
    setup: {
      models: profileModels(),
      cache: { timeout: DEFAULT_TIMEOUT },
      ...(variant.hasReceiver
        ? {
            receivers: [
              {
                signal: 'post_save' as const,
                model: 'Profile',
                ops: [deleteKey],
                lines: linesOf(source, RECEIVER),
              },
            ],
          }
        : {}),
      bindings: [profileBinding(KEY)],
    },
    steps,
    columns: [
      { id: 'step', header: 'Step' },
      { id: 'clock', header: 'Clock' },
      { id: 'action', header: 'Action' },
      { id: 'cacheAfter', header: 'Cache State After' },
      { id: 'queries', header: 'DB queries' },
    ],
    tracked: [...profileTracked(), { name: 'clock', source: 'clock' }],
    keyMoments: [],
    quiz: [],
    snapshot: { title: `${strategy.label}:`, lines: [strategy.description] },
    transcript: [],
  };
}
