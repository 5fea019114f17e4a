import { defineLesson, right, wrong } from '../kit';
import {
  PROFILE_KEY,
  profileBinding,
  profileLoad,
  profileModels,
  profileRead,
  profileSave,
  seedColumns,
} from '../building-blocks';
import { inRealDjango, LOCMEM_PER_PROCESS } from '../notes';
import { meta } from './meta';

export const deleteOnUpdate = defineLesson({
  meta,
  flow: [
    'Data changes in DB',
    'Identify cached data affected',
    'Choose invalidation strategy',
    'Delete cache',
    'Serve fresh data from cache',
  ],
  flowCaption: `When data changes, Django identifies which cached data is affected, then either deletes or updates the cache to keep it fresh. ${inRealDjango("nothing identifies it for you: the cache knows nothing about models, so your code must delete the same key its read built, here f'user_profile_{user_id}'.")}`,
  code: {
    caption: `This code deletes a specific cache entry after user data changes to ensure fresh data is served next time. ${inRealDjango("'if data is None' also treats a cached None as a miss; cache.get(key, sentinel) with a sentinel = object(), or cache.get_or_set(), tells the two apart.")}`,
    source: [
      'from django.core.cache import cache',
      'from profiles.models import Profile',
      '',
      'def get_profile(user_id):',
      "    key = f'user_profile_{user_id}'  # [lookup]",
      '    data = cache.get(key)  # [lookup]',
      '    if data is None:  # [miss]',
      '        data = Profile.objects.get(pk=user_id).data  # [miss]',
      '        cache.set(key, data)  # [miss]',
      '    return data  # [return]',
      '',
      'def update_profile(user_id, new_data):',
      '    profile = Profile.objects.get(pk=user_id)  # [save]',
      '    profile.data = new_data  # [save]',
      '    profile.save()  # [save]',
      '    # Invalidate cache key after data update  # [delete]',
      "    cache.delete(f'user_profile_{user_id}')  # [delete]",
    ].join('\n'),
  },
  setup: { models: profileModels(), bindings: [profileBinding(PROFILE_KEY)] },

  steps: [
    {
      action: 'Initial cache set',
      result: 'Cache stores old user data',
      narration:
        "The first request misses, reads the profile from the database and caches it: the cache now holds 'old_data', which matches the database.",
      shows: ['read', 'miss', 'set'],
      ops: [profileRead()],
      code: ['lookup', 'miss'],
      stage: null,
      says: 'Cache invalidation in Django means removing or updating cached data when the original data changes.',
      display: { cacheBefore: 'None' },
      then: ['This prevents users from seeing old information.'],
    },
    {
      action: 'User data updated in DB',
      result: 'Cache still has old data',
      narration:
        "update_profile() loads the row with get() and saves it with 'fresh_data': two SQL queries. Saving touches only the database: the cached copy still says 'old_data' and is now stale.",
      shows: ['read', 'saved'],
      ops: [profileLoad(), profileSave('fresh_data')],
      code: ['save'],
      stage: 'Data changes in DB',
      says: 'The process starts when data in the database changes.',
      then: [
        'Django then finds which cached data is affected.',
        inRealDjango(
          'your code finds it: update_profile() must build the same key get_profile() cached under.',
        ),
        'It either deletes that cache entry or updates it with new data.',
      ],
    },
    {
      action: 'Cache invalidation triggered',
      result: 'Cache entry deleted',
      narration:
        "The code knows which key the profile lives under and deletes it. The stale 'old_data' is gone; the next read must go to the database.",
      shows: ['deleted'],
      ops: [{ op: 'cache.delete', key: 'user_profile_42' }],
      code: ['delete'],
      stage: 'Delete cache',
      skippable: true,
      says: "For example, after updating a user's profile, the cache key 'user_profile_42' is deleted.",
    },
    {
      action: 'Next request fetches fresh data',
      result: 'Cache updated with fresh data',
      narration:
        "The next request misses, reads 'fresh_data' from the database and caches it. Cache and database agree again.",
      shows: ['read', 'miss', 'set'],
      ops: [profileRead()],
      code: ['lookup', 'miss'],
      stage: 'Serve fresh data from cache',
      says: 'The next time the profile is requested, fresh data is fetched from the database and stored in the cache.',
    },
    {
      action: 'Serve fresh data from cache',
      result: 'User sees updated profile',
      narration:
        'This request is a cache hit: it is served from the cache without touching the database, and the data is fresh.',
      shows: ['hit'],
      ops: [profileRead()],
      code: ['lookup', 'return'],
      stage: 'Serve fresh data from cache',
      says: 'This way, the cache always serves up-to-date information.',
      then: [
        inRealDjango(
          "not always: a request that read the old row before the delete can still cache it afterwards (the 'Race' lesson), and every code path that writes must invalidate.",
        ),
        'Without invalidation, the cache would keep serving old data, confusing users.',
        'So, always remember to invalidate cache after data changes.',
      ],
    },
  ],
  columns: seedColumns(),
  tableNote: `Cache invalidation ensures stale data is removed so fresh data is served after DB update. ${inRealDjango("step 1's Cache State Before is an empty cache, {}, as the quiz answers; None is what cache.get() returns for a missing key.")} ${LOCMEM_PER_PROCESS}`,
  tracked: [{ name: 'cache', source: 'cache' }],
  keyMoments: [
    {
      question: 'Why does the cache still have old data after the database update in step 2?',
      answer:
        'Because updating the database does not automatically update or delete the cache. The cache must be explicitly invalidated as shown in step 3.',
      step: 2,
    },
    {
      question: "What happens if we don't delete or update the cache after data changes?",
      answer:
        'The cache will serve stale data, causing users to see outdated information. Step 3 shows the importance of invalidation.',
      step: 3,
    },
    {
      question: 'Can we update the cache directly instead of deleting it?',
      answer: `Yes, updating the cache with fresh data after DB changes is another strategy, as shown in step 4. ${inRealDjango("step 4 is not that strategy: it is the next read refilling the cache after a miss. Setting the fresh value right after save() is the 'Write-through' lesson.")}`,
      step: 4,
    },
  ],
  quiz: [
    {
      question: 'Look at the execution table, what is the cache state after step 3?',
      options: [
        right(
          '{}',
          "Step 3 runs cache.delete('user_profile_42'), the only key in the cache, so the cache is empty: {}.",
        ),
        wrong(
          "{'user_profile_42': 'old_data'}",
          "That is the state before step 3. cache.delete removes the 'old_data' entry.",
        ),
        wrong(
          "{'user_profile_42': 'fresh_data'}",
          'Fresh data is cached only in step 4, when the next request refetches it.',
        ),
        wrong(
          'None',
          'None is what a cache.get of a missing key returns, not the state of the cache; the cache is an empty dict.',
        ),
      ],
      hint: "Check the 'Cache State After' column for step 3 in the execution table.",
      step: 3,
    },
    {
      question: 'At which step does the cache get updated with fresh data?',
      options: [
        wrong('Step 2', 'Step 2 writes the database only; the cache still holds old_data.'),
        wrong('Step 3', 'Step 3 deletes the entry; nothing fresh is cached yet.'),
        right(
          'Step 4',
          "In step 4 the request misses, reads 'fresh_data' from the database and calls cache.set.",
        ),
        wrong('Step 5', 'Step 5 only reads: it is a cache hit on the fresh data cached in step 4.'),
      ],
      hint: "Look for when 'Cache State After' shows fresh data in the execution table.",
      step: 4,
    },
    {
      question: 'If we skip cache deletion in step 3, what will the cache state be at step 4?',
      options: [
        wrong(
          '{}',
          'The cache is only empty because step 3 deletes the key; skip it and the entry stays.',
        ),
        right(
          "{'user_profile_42': 'old_data'}",
          "Without the delete, step 4's cache.get is a hit on 'old_data', so nothing refetches: the cache keeps serving stale data. Try it with the Skip step 3 toggle.",
        ),
        wrong(
          "{'user_profile_42': 'fresh_data'}",
          "Fresh data is cached only after a miss. With the old entry still there, step 4 is a hit on 'old_data'.",
        ),
        wrong('None', 'The key is still cached, so the cache is not empty, let alone None.'),
      ],
      hint: 'Refer to the cache state before and after deletion in the execution table.',
      step: 3,
    },
  ],
  snapshot: {
    title: 'Cache Invalidation Strategies in Django:',
    lines: [
      'When data changes, identify affected cache keys.',
      'Invalidate cache by deleting keys or updating with fresh data.',
      "Use cache.delete('key') to remove stale entries.",
      'Always invalidate cache after DB updates to avoid stale data.',
      'Fresh data is cached on next request after invalidation.',
    ],
  },
});
