import type { Lesson, LessonStep } from '../engine';
import {
  PROFILE_KEY,
  profileBinding,
  profileModels,
  profileRead,
  profileSave,
  profileTracked,
  seedColumns,
} from './building-blocks';

/**
 * "Forgetting to invalidate": the seed lesson's profile story, but the update view saves and
 * never touches the cache. Reads keep hitting 'old_data' until the default TIMEOUT (300 s)
 * expires the entry; the remedy deletes the key right after saving.
 */

const CODE_LINES = [
  'from django.core.cache import cache',
  'from profiles.models import Profile',
  '',
  'def get_profile(user_id):',
  "    key = f'user_profile_{user_id}'",
  '    data = cache.get(key)',
  '    if data is None:',
  '        data = Profile.objects.get(pk=user_id).data',
  '        cache.set(key, data)  # default TIMEOUT: 300 seconds',
  '    return data',
  '',
  'def update_profile(user_id, new_data):',
  '    profile = Profile.objects.get(pk=user_id)',
  '    profile.data = new_data',
  '    profile.save()',
];

const steps: LessonStep[] = [
  {
    action: 'Initial cache set',
    cacheKey: 'user_profile_42',
    result: 'Cache stores old user data',
    narration:
      "The first request misses, reads the profile and caches 'old_data' with the default TIMEOUT: the entry will live until t=300s.",
    ops: [profileRead()],
    lines: [5, 6, 7, 8, 9],
    stage: 0,
    transcript: 0,
  },
  {
    action: 'User data updated in DB',
    cacheKey: '-',
    result: 'Cache still has old data',
    narration:
      "update_profile saves 'fresh_data' and returns. Nothing deletes user_profile_42, so the cached 'old_data' is now stale.",
    ops: [profileSave('fresh_data')],
    lines: [13, 14, 15, 16],
    stage: 1,
    transcript: 1,
  },
  {
    action: 'Next request, a minute later',
    cacheKey: 'user_profile_42',
    result: "User sees stale data: 'old_data'",
    narration:
      'At t=60s the request is a cache hit. A hit never asks the database, so the user is served the old profile.',
    ops: [{ op: 'clock.advance', seconds: 60 }, profileRead()],
    lines: [5, 6, 7, 10],
    stage: 2,
    transcript: 3,
  },
  {
    action: 'Request one second before the timeout',
    cacheKey: 'user_profile_42',
    result: 'Still stale: the entry lives until t=300s',
    narration:
      'At t=299s the entry is still alive, so every request keeps getting the old profile. Only the timeout limits how long this lasts.',
    ops: [{ op: 'clock.advance', seconds: 239 }, profileRead()],
    lines: [5, 6, 7, 10],
    stage: 2,
    transcript: 4,
  },
  {
    action: 'Clock reaches t=300s',
    cacheKey: 'user_profile_42',
    result: 'Entry expired; it is purged on the next read',
    narration:
      'Exactly 300 seconds after the cache.set the entry expires. LocMemCache does not remove it yet: it stays in memory until something reads it.',
    ops: [{ op: 'clock.advance', seconds: 1 }],
    lines: [],
    stage: 3,
    skippable: true,
    transcript: 5,
  },
  {
    action: 'Next request fetches fresh data',
    cacheKey: 'user_profile_42',
    result: 'Cache updated with fresh data',
    narration:
      "cache.get finds the expired entry, purges it and returns None: a miss. The view reads 'fresh_data' from the database and caches it.",
    ops: [profileRead()],
    lines: [5, 6, 7, 8, 9],
    stage: 4,
    transcript: 6,
  },
  {
    action: 'Serve fresh data from cache',
    cacheKey: 'user_profile_42',
    result: 'User sees updated profile',
    narration:
      'This request is a hit on the fresh entry. The user waited five minutes for a change the database had all along.',
    ops: [profileRead()],
    lines: [5, 6, 7, 10],
    stage: 4,
    transcript: 7,
  },
];

/** The remedy's story: the same seven steps, with `cache.delete` inside the save step. */
const remedySteps: LessonStep[] = steps.map((step, i) => {
  switch (i + 1) {
    case 2:
      return {
        ...step,
        action: 'User data updated in DB and key deleted',
        cacheKey: 'user_profile_42',
        result: 'Cache entry deleted after the save',
        narration:
          "update_profile saves 'fresh_data' and then deletes user_profile_42. The stale copy is gone before anyone can read it.",
        ops: [profileSave('fresh_data'), { op: 'cache.delete', key: 'user_profile_42' }],
        lines: [13, 14, 15, 16],
      };
    case 3:
      return {
        ...step,
        result: 'Cache updated with fresh data',
        narration:
          "The first request after the update misses, reads 'fresh_data' and caches it until t=360s.",
        lines: [5, 6, 7, 8, 9],
        stage: 4,
      };
    case 4:
      return {
        ...step,
        result: 'User sees updated profile',
        narration: 'A hit, and the cached value matches the database: no stale read.',
        stage: 4,
      };
    case 5:
      return {
        ...step,
        result: 'Entry still live until t=360s',
        narration:
          'The fresh entry was cached at t=60s, so it expires at t=360s. Reaching t=300s changes nothing.',
        stage: -1,
      };
    case 6:
      return {
        ...step,
        result: 'User sees updated profile',
        narration: 'Another hit on the fresh entry; the database is not asked.',
        lines: [5, 6, 7, 10],
      };
    default:
      return step;
  }
});

export const noInvalidation: Lesson = {
  id: 'no-invalidation',
  title: 'Forgetting to invalidate',
  summary:
    "The update view saves but never deletes the key: the cache serves 'old_data' until the timeout.",
  group: 'Failure modes',
  difficulty: 'Beginner',
  flow: [
    'Cache-aside read caches the row',
    'Data changes in DB',
    'Stale reads until the timeout',
    'Entry expires',
    'Next read is fresh',
  ],
  flowCaption:
    'The profile is cached, then changed in the database. Nobody deletes the key, so readers get the old value until the entry times out.',
  code: {
    language: 'python',
    caption:
      'The update view saves the profile and returns: no cache.delete, so the cached copy lives on until its timeout.',
    source: [...CODE_LINES, "    # missing: cache.delete(f'user_profile_{user_id}')"].join('\n'),
  },
  setup: {
    models: profileModels(),
    cache: { timeout: 300 },
    bindings: [profileBinding(PROFILE_KEY)],
  },
  steps,
  columns: seedColumns('clock'),
  tableNote:
    'Without invalidation, staleness is bounded only by the timeout: 300 seconds by default.',
  tracked: [...profileTracked(), { name: 'clock', source: 'clock' }],
  keyMoments: [
    {
      question: "Why does step 3 serve 'old_data' when the database already says 'fresh_data'?",
      answer:
        'Because profile.save() writes only the database. The cached entry is still there and still alive, so cache.get is a hit and the view never looks at the database.',
      step: 3,
    },
    {
      question: 'How long can the stale data be served?',
      answer:
        'Until the entry expires: TIMEOUT is 300 seconds by default, counted from the cache.set at t=0s, not from the update. At t=299s (step 4) it is still served; from exactly t=300s it is gone.',
      step: 5,
    },
    {
      question: 'Nobody deleted the key. Why is step 6 a miss?',
      answer:
        'The entry expired at t=300s. LocMemCache removes expired entries lazily: the next cache.get purges it and returns None, so the view refetches from the database.',
      step: 6,
    },
  ],
  quiz: [
    {
      question: 'What does get_profile(42) return in step 3?',
      options: ["'old_data'", "'fresh_data'", 'None', 'It raises an error'],
      answer: 0,
      hint: "Compare the 'Cache State Before' of step 3 with what the request returns.",
      step: 3,
      explanation:
        "The key was never deleted, so cache.get is a hit on 'old_data' and the database's 'fresh_data' is never read.",
      feedback: [
        '',
        "The database holds 'fresh_data', but a cache hit never asks the database.",
        'cache.get returns None only on a miss; the entry is still cached and alive.',
        'Serving stale data raises nothing: nothing in Django notices the cache is out of date.',
      ],
    },
    {
      question: 'From which clock time is the stale entry no longer served?',
      options: ['t=60s', 't=299s', 't=300s', 'Never: it stays until deleted'],
      answer: 2,
      hint: "Look at the Clock column and the 'Cache State After' of steps 4 and 5.",
      step: 5,
      explanation:
        'The entry was cached at t=0s with the default TIMEOUT of 300 seconds; it expires at exactly t=300s.',
      feedback: [
        'At t=60s the entry is only a minute old; it is a hit.',
        'At t=299s the entry is still alive: step 4 is still a stale hit.',
        '',
        'Entries set without a timeout use TIMEOUT (300 s), not None; only timeout=None never expires.',
      ],
    },
    {
      question: 'Which change to update_profile removes the stale reads of steps 3 and 4?',
      options: [
        "Call cache.delete(f'user_profile_{user_id}') right after profile.save()",
        'Lower TIMEOUT to 60 seconds',
        'Call cache.get(key) after saving to refresh the entry',
        'Nothing: Django refreshes cached values when a model is saved',
      ],
      answer: 0,
      hint: 'Look at what step 2 runs, then switch on the remedy "Delete the key after saving".',
      step: 2,
      explanation:
        "Deleting the key in the save step leaves nothing stale to hit: the next request misses and caches 'fresh_data'. The remedy replays the lesson that way.",
      feedback: [
        '',
        'A shorter timeout only shortens the stale window; reads inside it are still stale.',
        'cache.get only reads the cache; it never compares the entry with the database.',
        'The low-level cache knows nothing about models: profile.save() never touches it.',
      ],
    },
  ],
  snapshot: {
    title: 'Forgetting to invalidate:',
    lines: [
      'Model.save() writes the database only; it never updates or deletes a cache key.',
      'A cache-aside read keeps hitting the old entry: users see stale data.',
      "Staleness lasts until the entry expires: TIMEOUT defaults to 300 seconds (Django docs, 'Cache arguments').",
      'Expired entries are removed lazily in LocMemCache: the next get() purges and misses.',
      'Fix: call cache.delete(key) right after save(), so the next read refetches.',
    ],
  },
  transcript: [
    "The profile is read through the cache and 'old_data' is cached with the default timeout of 300 seconds.",
    'Then the profile is updated in the database, but the update view never touches the cache.',
    'Saving a model writes only the database, so the cached copy is now stale.',
    "A minute later the next request is a cache hit and the user sees 'old_data'.",
    'Every request keeps getting the old profile while the entry is alive, up to the last second before the timeout.',
    'At exactly 300 seconds after it was set, the entry expires; it is removed lazily, on the next read.',
    "The next request misses, reads 'fresh_data' from the database and caches it.",
    'From then on users see the updated profile, five minutes late.',
    'Deleting the key right after saving removes that stale window completely.',
  ],
  remedy: {
    label: 'Delete the key after saving',
    description:
      "update_profile calls cache.delete('user_profile_42') right after profile.save(). The next request misses and caches the fresh profile: no stale read at all.",
    patch: {
      steps: remedySteps,
      code: {
        language: 'python',
        caption:
          'The update view deletes the cached copy right after saving, so the next read refetches fresh data.',
        source: [...CODE_LINES, "    cache.delete(f'user_profile_{user_id}')"].join('\n'),
      },
    },
  },
};
