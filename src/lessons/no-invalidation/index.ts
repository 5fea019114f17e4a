import { defineLesson, right, wrong } from '../kit';
import {
  PROFILE_KEY,
  profileBinding,
  profileLoad,
  profileModels,
  profileRead,
  profileSave,
  profileTracked,
  seedColumns,
} from '../building-blocks';
import { meta } from './meta';
import { LOCMEM_PER_PROCESS } from '../notes';

export const noInvalidation = defineLesson({
  meta,
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
    caption:
      'update_profile(), the helper a view calls to save a profile, saves and returns: no cache.delete, so the cached copy lives on until its timeout.',
    source: [
      'from django.core.cache import cache',
      'from profiles.models import Profile',
      '',
      'def get_profile(user_id):',
      "    key = f'user_profile_{user_id}'  # [lookup]",
      '    data = cache.get(key)  # [lookup]',
      '    if data is None:  # [lookup]',
      '        data = Profile.objects.get(pk=user_id).data  # [miss]',
      '        cache.set(key, data)  # default TIMEOUT: 300 seconds  # [miss]',
      '    return data  # [return]',
      '',
      'def update_profile(user_id, new_data):',
      '    profile = Profile.objects.get(pk=user_id)  # [save]',
      '    profile.data = new_data  # [save]',
      '    profile.save()  # [save]',
      "    # missing: cache.delete(f'user_profile_{user_id}')  # [save]",
    ].join('\n'),
  },
  setup: {
    models: profileModels(),
    cache: { timeout: 300 },
    bindings: [profileBinding(PROFILE_KEY)],
  },

  steps: [
    {
      action: 'Initial cache set',
      result: 'Cache stores old user data',
      narration:
        "The first request misses, reads the profile and caches 'old_data' with the default TIMEOUT: the entry will live until t=300s.",
      shows: ['read', 'miss', 'set'],
      ops: [profileRead()],
      code: ['lookup', 'miss'],
      stage: 'Cache-aside read caches the row',
      says: "The profile is read through the cache and 'old_data' is cached with the default timeout of 300 seconds.",
    },
    {
      action: 'User data updated in DB',
      result: 'Cache still has old data',
      narration:
        "update_profile loads the row with get(), saves 'fresh_data' and returns. Nothing deletes user_profile_42, so the cached 'old_data' is now stale.",
      shows: ['read', 'saved'],
      ops: [profileLoad(), profileSave('fresh_data')],
      code: ['save'],
      stage: 'Data changes in DB',
      says: 'Then the profile is updated in the database, but update_profile() never touches the cache.',
      then: ['Saving a model writes only the database, so the cached copy is now stale.'],
    },
    {
      action: 'Next request, a minute later',
      result: "User sees stale data: 'old_data'",
      narration:
        'At t=60s the request is a cache hit. A hit never asks the database, so the user is served the old profile.',
      shows: ['clock', 'stale'],
      ops: [{ op: 'clock.advance', seconds: 60 }, profileRead()],
      code: ['lookup', 'return'],
      stage: 'Stale reads until the timeout',
      says: "A minute later the next request is a cache hit and the user sees 'old_data'.",
    },
    {
      action: 'Request one second before the timeout',
      result: 'Still stale: the entry lives until t=300s',
      narration:
        'At t=299s the entry is still alive, so every request keeps getting the old profile. Only the timeout limits how long this lasts.',
      shows: ['clock', 'stale'],
      ops: [{ op: 'clock.advance', seconds: 239 }, profileRead()],
      code: ['lookup', 'return'],
      stage: 'Stale reads until the timeout',
      says: 'Every request keeps getting the old profile while the entry is alive, up to the last second before the timeout.',
    },
    {
      action: 'Clock reaches t=300s',
      cacheKey: 'user_profile_42',
      result: 'Entry expired; it is purged on the next read',
      narration:
        'Exactly 300 seconds after the cache.set the entry expires. LocMemCache does not remove it yet: it stays in memory until something reads it.',
      shows: ['clock'],
      ops: [{ op: 'clock.advance', seconds: 1 }],
      code: [],
      stage: 'Entry expires',
      skippable: true,
      says: 'At exactly 300 seconds after it was set, the entry expires; it is removed lazily, on the next read.',
    },
    {
      action: 'Next request fetches fresh data',
      result: 'Cache updated with fresh data',
      narration:
        "cache.get finds the expired entry, purges it and returns None: a miss. The view reads 'fresh_data' from the database and caches it.",
      shows: ['read', 'miss', 'set'],
      ops: [profileRead()],
      code: ['lookup', 'miss'],
      stage: 'Next read is fresh',
      says: "The next request misses, reads 'fresh_data' from the database and caches it.",
    },
    {
      action: 'Serve fresh data from cache',
      result: 'User sees updated profile',
      narration:
        'This request is a hit on the fresh entry. The user waited five minutes for a change the database had all along.',
      shows: ['hit'],
      ops: [profileRead()],
      code: ['lookup', 'return'],
      stage: 'Next read is fresh',
      says: 'From then on users see the updated profile, five minutes late.',
      then: ['Deleting the key right after saving removes that stale window completely.'],
    },
  ],
  columns: seedColumns('clock'),
  tableNote: `Without invalidation, staleness is bounded only by the timeout: 300 seconds by default. ${LOCMEM_PER_PROCESS}`,
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
      options: [
        right(
          "'old_data'",
          "The key was never deleted, so cache.get is a hit on 'old_data' and the database's 'fresh_data' is never read.",
        ),
        wrong(
          "'fresh_data'",
          "The database holds 'fresh_data', but a cache hit never asks the database.",
        ),
        wrong(
          'None',
          'cache.get returns None only on a miss; the entry is still cached and alive.',
        ),
        wrong(
          'It raises an error',
          'Serving stale data raises nothing: nothing in Django notices the cache is out of date.',
        ),
      ],
      hint: "Compare the 'Cache State Before' of step 3 with what the request returns.",
      step: 3,
    },
    {
      question: 'From which clock time is the stale entry no longer served?',
      options: [
        wrong('t=60s', 'At t=60s the entry is only a minute old; it is a hit.'),
        wrong('t=299s', 'At t=299s the entry is still alive: step 4 is still a stale hit.'),
        right(
          't=300s',
          'The entry was cached at t=0s with the default TIMEOUT of 300 seconds; it expires at exactly t=300s.',
        ),
        wrong(
          'Never: it stays until deleted',
          'Entries set without a timeout use TIMEOUT (300 s), not None; only timeout=None never expires.',
        ),
      ],
      hint: "Look at the Clock column and the 'Cache State After' of steps 4 and 5.",
      step: 5,
    },
    {
      question: 'Which change to update_profile removes the stale reads of steps 3 and 4?',
      options: [
        right(
          "Call cache.delete(f'user_profile_{user_id}') right after profile.save()",
          "Deleting the key in the save step leaves nothing stale to hit: the next request misses and caches 'fresh_data'. The remedy replays the lesson that way.",
        ),
        wrong(
          'Lower TIMEOUT to 60 seconds',
          'A shorter timeout only shortens the stale window; reads inside it are still stale.',
        ),
        wrong(
          'Call cache.get(key) after saving to refresh the entry',
          'cache.get only reads the cache; it never compares the entry with the database.',
        ),
        wrong(
          'Nothing: Django refreshes cached values when a model is saved',
          'The low-level cache knows nothing about models: profile.save() never touches it.',
        ),
      ],
      hint: 'Look at what step 2 runs, then switch on the remedy "Delete the key after saving".',
      step: 2,
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
  remedy: {
    label: 'Delete the key after saving',
    description:
      "update_profile calls cache.delete('user_profile_42') right after profile.save(). The next request misses and caches the fresh profile: no stale read at all.",
    code: {
      caption:
        'update_profile() deletes the cached copy right after saving, so the next read refetches fresh data.',
      source: [
        'from django.core.cache import cache',
        'from profiles.models import Profile',
        '',
        'def get_profile(user_id):',
        "    key = f'user_profile_{user_id}'  # [lookup]",
        '    data = cache.get(key)  # [lookup]',
        '    if data is None:  # [lookup]',
        '        data = Profile.objects.get(pk=user_id).data  # [miss]',
        '        cache.set(key, data)  # default TIMEOUT: 300 seconds  # [miss]',
        '    return data  # [return]',
        '',
        'def update_profile(user_id, new_data):',
        '    profile = Profile.objects.get(pk=user_id)  # [save]',
        '    profile.data = new_data  # [save]',
        '    profile.save()  # [save]',
        "    cache.delete(f'user_profile_{user_id}')  # [save]",
      ].join('\n'),
    },
    steps: {
      2: {
        action: 'User data updated in DB and key deleted',
        result: 'Cache entry deleted after the save',
        narration:
          "update_profile loads the row with get(), saves 'fresh_data' and then deletes user_profile_42. The stale copy is gone before anyone can read it.",
        shows: ['read', 'saved', 'deleted'],
        ops: [
          profileLoad(),
          profileSave('fresh_data'),
          { op: 'cache.delete', key: 'user_profile_42' },
        ],
      },
      3: {
        result: 'Cache updated with fresh data',
        narration:
          "The first request after the update misses, reads 'fresh_data' and caches it until t=360s.",
        shows: ['clock', 'read', 'miss', 'set'],
        code: ['lookup', 'miss'],
        stage: 'Next read is fresh',
      },
      4: {
        result: 'User sees updated profile',
        narration: 'A hit, and the cached value matches the database: no stale read.',
        shows: ['clock', 'hit'],
        stage: 'Next read is fresh',
      },
      5: {
        result: 'Entry still live until t=360s',
        narration:
          'The fresh entry was cached at t=60s, so it expires at t=360s. Reaching t=300s changes nothing.',
        stage: null,
      },
      6: {
        action: 'Next request hits the fresh entry',
        result: 'User sees updated profile',
        narration: 'Another hit on the fresh entry; the database is not asked.',
        shows: ['hit'],
        code: ['lookup', 'return'],
      },
    },
  },
});
