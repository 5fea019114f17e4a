import { defineLesson, right, wrong } from '../kit';
import {
  profileBinding,
  profileLoad,
  profileModels,
  profileRead,
  profileSave,
  seedColumns,
} from '../building-blocks';
import { LOCMEM_PER_PROCESS } from '../notes';
import { meta } from './meta';

export const staleSetRace = defineLesson({
  meta,
  flow: [
    'A misses the cache',
    'A reads the old row',
    'B saves the new row',
    'B invalidates',
    'A sets what it read',
    'Later reads',
  ],
  flowCaption:
    'Delete-on-write assumes no reader is halfway between its database read and its cache.set. When one is, its late set puts the old row back after the delete, and it stays until the timeout.',
  code: {
    caption:
      'Plain cache-aside with delete-on-write. Nothing stops request A from calling cache.set with a value it read before request B saved and deleted.',
    source: [
      'from django.core.cache import cache',
      'from profiles.models import Profile',
      '',
      'def get_profile(user_id):',
      "    key = f'user_profile_{user_id}'  # [lookup]",
      '    data = cache.get(key)  # [lookup]',
      '    if data is None:  # [lookup]',
      '        data = Profile.objects.get(pk=user_id).data  # [load]',
      '        # a slow request can stall here (GC pause, network, CPU)  # [load]',
      '        cache.set(key, data)  # [set]',
      '    return data  # [return]',
      '',
      'def update_profile(user_id, new_data):',
      '    profile = Profile.objects.get(pk=user_id)  # [save]',
      '    profile.data = new_data  # [save]',
      '    profile.save()  # [save]',
      "    cache.delete(f'user_profile_{user_id}')  # [delete]",
    ].join('\n'),
  },
  setup: {
    models: profileModels(),
    bindings: [profileBinding('user_profile_{pk}'), profileBinding('profile:{gen}:{pk}')],
  },
  intro: [
    'Delete-on-write looks safe, but it assumes no reader is halfway between reading the database and filling the cache.',
  ],
  steps: [
    {
      action: 'Request A misses the cache',
      result: 'Cache miss: A goes to the database',
      narration:
        'Request A asks for the profile and finds nothing cached, so it will read the database and fill the cache.',
      shows: ['miss'],
      ops: [{ op: 'cache.get', key: 'user_profile_42' }],
      code: ['lookup'],
      stage: 'A misses the cache',
      actor: 'request A',
      says: "Request A misses the cache, reads 'old_data' from the database, and then stalls before calling cache.set.",
    },
    {
      action: 'Request A reads the old row and stalls',
      result: "A holds 'old_data' in memory",
      narration:
        "A reads 'old_data' from the database. Before it reaches cache.set, it stalls: a GC pause, a slow network, a busy CPU.",
      shows: ['read'],
      ops: [profileLoad('row')],
      code: ['load'],
      stage: 'A reads the old row',
      actor: 'request A',
      says: "Request A misses the cache, reads 'old_data' from the database, and then stalls before calling cache.set.",
    },
    {
      action: 'Request B saves the new value',
      result: "Database now has 'new_data'",
      narration:
        "Meanwhile request B saves 'new_data'. A still holds 'old_data' in a local variable.",
      shows: ['read', 'saved'],
      ops: [profileLoad(), profileSave('new_data')],
      code: ['save'],
      stage: 'B saves the new row',
      actor: 'request B',
      says: "Meanwhile request B saves 'new_data' to the database.",
    },
    {
      action: 'Request B deletes the key',
      result: 'Nothing to delete: the key is not cached',
      narration:
        'B deletes the key as delete-on-write says, but nothing is cached yet: cache.delete returns False. The delete cannot remove a set that has not happened.',
      shows: ['not-deleted'],
      ops: [{ op: 'cache.delete', key: 'user_profile_42' }],
      code: ['delete'],
      stage: 'B invalidates',
      actor: 'request B',
      skippable: true,
      says: 'B then deletes the key, but nothing is cached yet, so the delete does nothing.',
    },
    {
      action: 'Request A caches what it read',
      result: "Cache set to 'old_data' while the DB has 'new_data': stale",
      narration:
        "A wakes up and calls cache.set with the 'old_data' it read in step 2. The cache now contradicts the database, and no delete is coming.",
      shows: ['set'],
      ops: [{ op: 'cache.set', key: 'user_profile_42', value: { var: 'row' } }],
      code: ['set'],
      stage: 'A sets what it read',
      actor: 'request A',
      says: "A wakes up and caches the 'old_data' it read earlier, after the delete.",
    },
    {
      action: 'A minute later, request C reads the profile',
      result: "User sees stale data: 'old_data' until the 300 s timeout",
      narration:
        "Sixty seconds later request C hits 'old_data'. With the default 300-second timeout, every reader sees stale data for four more minutes.",
      shows: ['clock', 'stale'],
      ops: [{ op: 'clock.advance', seconds: 60 }, profileRead()],
      code: ['lookup', 'return'],
      stage: 'Later reads',
      actor: 'request C',
      says: "Every later reader hits 'old_data' until the entry times out, 300 seconds by default.",
      then: [
        'A short TTL shortens that window; a version stamp closes it, if the bump runs after COMMIT: inside transaction.atomic() a reader can still cache the old row under the new generation, so bump in transaction.on_commit there.',
        "With a stamp, keys look like 'profile:0:42' and the writer bumps that profile's generation with cache.incr after the save has committed, so A's late set lands under a key no reader uses.",
      ],
    },
  ],
  columns: seedColumns('actor', 'clock'),
  tableNote: `A read that started before the write can finish after the delete: its cache.set puts the old row back until the timeout. ${LOCMEM_PER_PROCESS}`,
  tracked: [
    { name: 'cache', source: 'cache' },
    { name: 'a_data', source: 'var', var: 'row' },
    { name: 'c_data', source: 'var', var: 'data' },
    { name: 'db_data', source: 'db', model: 'Profile', pk: 42, field: 'data' },
    { name: 'clock', source: 'clock' },
  ],
  keyMoments: [
    {
      question: "Why doesn't B's delete in step 4 protect the cache?",
      answer:
        "Nothing is cached when B deletes: cache.delete returns False. A's cache.set comes after the delete, and a delete cannot cancel a set that has not happened yet.",
      step: 4,
    },
    {
      question: 'How long does the stale value stay cached?',
      answer:
        "Until its timeout: the default TIMEOUT is 300 seconds, so C still sees 'old_data' at t=60s. A short TTL, such as cache.set(key, data, 30), bounds the stale window but does not remove it.",
      step: 6,
    },
    {
      question: "Why is A's late set harmless with a version-stamped key?",
      answer:
        "A built its key with generation 0 before B ran cache.incr('gen:profile:42'). Its set lands under 'profile:0:42', which no reader asks for any more; C reads 'profile:1:42', misses and fetches fresh data. The orphan ages out at its timeout.",
      step: 5,
    },
  ],
  quiz: [
    {
      question: "What does request B's cache.delete('user_profile_42') return in step 4?",
      options: [
        wrong('True', 'True would mean an entry was removed, but A has not cached anything yet.'),
        wrong('None', 'Since Django 3.1, delete() returns a boolean, not None.'),
        wrong("'old_data'", 'delete() never returns the value; it reports whether it removed one.'),
        right(
          'False',
          'cache.delete returns True only when it removed an entry. Nothing is cached yet, so it returns False.',
        ),
      ],
      hint: 'Look at the Cache State Before of step 4.',
      step: 4,
    },
    {
      question: 'What is the cache state after step 5?',
      options: [
        wrong('{}', "The cache was empty after the delete, but A's set in step 5 filled it."),
        right(
          "{'user_profile_42': 'old_data'}",
          "A sets the 'old_data' it read before B's save, so the cache holds the old row after the delete.",
        ),
        wrong(
          "{'user_profile_42': 'new_data'}",
          'A never reads the database again; it caches the value it read in step 2.',
        ),
        wrong(
          'None',
          'None is what cache.get returns for a missing key, not the state of the cache.',
        ),
      ],
      hint: "Check 'Cache State After' for step 5, and which value A read in step 2.",
      step: 5,
    },
    {
      question: 'With version-stamped keys (the remedy), which key does request C read in step 6?',
      options: [
        wrong(
          "'profile:0:42'",
          "That is where A's late set landed; after B's incr no reader builds that key any more.",
        ),
        wrong("'user_profile_42'", 'The remedy no longer uses the unversioned key.'),
        right(
          "'profile:1:42'",
          "B's cache.incr moved profile 42's generation from 0 to 1, so C builds 'profile:1:42', misses, and caches fresh data.",
        ),
        wrong(
          "'gen:profile:42'",
          "C reads 'gen:profile:42' to build its key, but the profile itself lives under the generation key.",
        ),
      ],
      hint: 'Switch on the remedy and look at the Cache Key column of steps 5 and 6.',
      step: 6,
    },
  ],
  snapshot: {
    title: 'The stale-set race:',
    lines: [
      'Delete-on-write races with a slow reader: it reads the old row, the writer saves and deletes, the reader sets the old row.',
      'The stale value then lives until its timeout (default TIMEOUT is 300 s); a short TTL bounds the damage but does not remove it.',
      'Version stamp: build keys as profile:{gen}:{id} with one generation per profile (gen:profile:{id}; one global counter would flush every cached profile on every write) and cache.incr it after COMMIT; a late set lands under a generation nobody reads.',
      "Django docs, 'The low-level cache API': add() stores only when the key is absent, and incr() raises ValueError for a missing key, so initialise the counter with add().",
      'Orphaned generations age out by timeout or culling; an evicted counter restarted by add() must not reuse an old generation.',
      'Leases (the cache hands the reader a token it must present on set) also fix it, but need backend support beyond the Django cache API.',
    ],
  },
  remedy: {
    label: 'Version-stamp the key',
    description:
      "Keys carry the profile's generation, profile:{gen}:42, and the writer bumps gen:profile:42 with cache.incr after its save has committed, instead of deleting. A's late set lands under the old generation, which nobody reads; C misses under the new one and caches fresh data.",
    code: {
      caption:
        "profile_key() reads the profile's generation, starting a missing counter at the clock so it never reuses an old one; update_profile() bumps it after the save, and survives a missing counter. A request's key is fixed when it starts, so a late set can only write an old generation.",
      source: [
        'import time',
        'from django.core.cache import cache',
        'from profiles.models import Profile',
        '',
        'def profile_key(user_id):',
        "    gen_key = f'gen:profile:{user_id}'  # one generation per profile  # [generation]",
        '    # A new or evicted counter starts at the clock in ms, never at an old value  # [generation]',
        '    cache.add(gen_key, int(time.time() * 1000), None)  # [generation]',
        "    return f'profile:{cache.get(gen_key)}:{user_id}'  # [generation]",
        '',
        'def get_profile(user_id):',
        '    key = profile_key(user_id)  # the generation is fixed here  # [generation]',
        '    data = cache.get(key)  # [generation]',
        '    if data is None:  # [generation]',
        '        data = Profile.objects.get(pk=user_id).data  # [load]',
        '        # a slow request can stall here (GC pause, network, CPU)  # [get-profile]',
        '        cache.set(key, data)  # [set]',
        '    return data',
        '',
        'def update_profile(user_id, new_data):',
        '    profile = Profile.objects.get(pk=user_id)  # [save]',
        '    profile.data = new_data  # [save]',
        '    profile.save()  # autocommit: committed before the bump  # [save]',
        '    try:  # [bump]',
        "        cache.incr(f'gen:profile:{user_id}')  # older generations are never read again  # [bump]",
        '    except ValueError:  # counter evicted: the next profile_key() restarts it  # [bump]',
        '        pass  # [bump]',
      ].join('\n'),
    },
    steps: {
      1: {
        cacheKey: 'profile:0:42',
        result: 'Generation 0; cache miss: A goes to the database',
        narration:
          "A starts profile 42's counter with cache.add (it only sets when absent) at the clock in milliseconds, 0 at t=0s, reads generation 0 and misses 'profile:0:42'.",
        shows: ['hit', 'miss', 'added'],
        ops: [
          { op: 'cache.add', key: 'gen:profile:42', value: { literal: 0 }, timeout: null },
          { op: 'cache.get', key: 'gen:profile:42', as: 'gen' },
          { op: 'cache.get', key: 'profile:{gen}:42' },
        ],
        code: ['generation'],
        says: "With a stamp, keys look like 'profile:0:42' and the writer bumps that profile's generation with cache.incr after the save has committed, so A's late set lands under a key no reader uses.",
      },
      2: { code: ['load', 'get-profile'] },
      3: {
        narration:
          "Meanwhile request B saves 'new_data', exactly as before; in autocommit the save has committed when it returns.",
      },
      4: {
        action: 'Request B bumps the generation',
        result: 'Generation is now 1: profile:0:42 is never read again',
        narration:
          "Instead of deleting, B increments profile 42's generation, after its save committed. Every reader that starts from now on builds profile:1:42; other profiles keep their cached entries.",
        shows: ['incr'],
        ops: [{ op: 'cache.incr', key: 'gen:profile:42' }],
        code: ['bump'],
        says: "With a stamp, keys look like 'profile:0:42' and the writer bumps that profile's generation with cache.incr after the save has committed, so A's late set lands under a key no reader uses.",
        skippable: undefined,
      },
      5: {
        cacheKey: 'profile:0:42',
        result: "A's late set lands under generation 0, which nobody reads",
        narration:
          'A still sets the old row, but under the key it built in step 1. The Cache panel marks it stale, yet no reader will ever ask for it; it ages out at its timeout.',
        ops: [{ op: 'cache.set', key: 'profile:{gen}:42', value: { var: 'row' } }],
        says: "With a stamp, keys look like 'profile:0:42' and the writer bumps that profile's generation with cache.incr after the save has committed, so A's late set lands under a key no reader uses.",
      },
      6: {
        cacheKey: 'profile:1:42',
        result: "Cache miss under generation 1: 'new_data' read and cached",
        narration:
          "C reads generation 1, misses 'profile:1:42' and caches the fresh 'new_data'. The race is harmless.",
        shows: ['clock', 'read', 'hit', 'miss', 'set', 'not-added'],
        ops: [
          { op: 'clock.advance', seconds: 60 },
          { op: 'cache.add', key: 'gen:profile:42', value: { literal: 0 }, timeout: null },
          { op: 'cache.get', key: 'gen:profile:42', as: 'gen' },
          profileRead('profile:{gen}:42'),
        ],
        code: ['generation', 'load', 'set'],
        says: "With a stamp, keys look like 'profile:0:42' and the writer bumps that profile's generation with cache.incr after the save has committed, so A's late set lands under a key no reader uses.",
      },
    },
  },
});
