import { defineLesson, right, wrong } from '../kit';
import {
  profileBinding,
  profileLoad,
  profileModels,
  profileRead,
  profileUpdate,
  seedColumns,
} from '../building-blocks';
import { LOCMEM_PER_PROCESS } from '../notes';
import { meta } from './meta';

export const thunderingHerd = defineLesson({
  meta,
  flow: [
    'Popular key cached',
    'Key deleted or expired',
    'Concurrent requests miss',
    'Each miss queries the DB',
    'Cache refilled',
  ],
  flowCaption:
    'A cache miss costs one query, but a popular key missed by many requests at the same moment costs one query per request: the herd stampedes the database.',
  code: {
    caption:
      'Plain cache-aside. Between the first miss and the first cache.set, every request for the key sees None and runs the query.',
    source: [
      'from django.core.cache import cache',
      'from profiles.models import Profile',
      '',
      'def get_profile(user_id):',
      "    key = f'user_profile_{user_id}'  # [lookup]",
      '    data = cache.get(key)  # [lookup]',
      '    if data is None:  # [lookup]',
      '        # every worker that misses runs this query',
      '        data = Profile.objects.get(pk=user_id).data  # [miss]',
      '        cache.set(key, data, 300)  # [miss]',
      '    return data',
      '',
      'def update_profile(user_id, new_data):',
      '    Profile.objects.filter(pk=user_id).update(data=new_data)  # [bulk-update]',
      "    cache.delete(f'user_profile_{user_id}')  # [bulk-update]",
    ].join('\n'),
  },
  setup: { models: profileModels(), bindings: [profileBinding('user_profile_{pk}')] },

  steps: [
    {
      action: 'Popular profile is cached',
      result: "Cache miss: 'old_data' read from DB and cached",
      narration:
        'A popular profile: every page view reads it, and almost all of them are cache hits that never touch the database.',
      shows: ['read', 'miss', 'set'],
      ops: [profileRead('user_profile_42', 300)],
      code: ['lookup', 'miss'],
      stage: 'Popular key cached',
      actor: 'request',
      says: 'A popular profile is cached, so almost every request is served without the database.',
    },
    {
      action: 'Profile updated; key deleted',
      result: 'Cache entry deleted',
      narration:
        'A writer updates the row and deletes the key, as it should. (An expiring timeout has the same effect.) The next readers all find the cache empty.',
      shows: ['updated', 'deleted'],
      ops: [profileUpdate('new_data'), { op: 'cache.delete', key: 'user_profile_42' }],
      code: ['bulk-update'],
      stage: 'Key deleted or expired',
      actor: 'writer',
      says: 'Then a write deletes the key, or its timeout ends.',
    },
    {
      action: 'Worker 1 misses the cache',
      result: 'Cache miss',
      narration: 'Worker 1 asks for the popular profile and finds nothing.',
      shows: ['miss'],
      ops: [{ op: 'cache.get', key: 'user_profile_42', as: 'data' }],
      code: ['lookup'],
      stage: 'Concurrent requests miss',
      actor: 'worker 1',
      says: 'Four workers ask for the profile at the same moment, and all four miss.',
    },
    {
      action: 'Worker 2 misses the cache',
      result: 'Cache miss: no worker has set it yet',
      narration:
        'Worker 2 arrives a moment later. Nobody has refilled the key yet, so it misses too.',
      shows: ['miss'],
      ops: [{ op: 'cache.get', key: 'user_profile_42', as: 'data' }],
      code: ['lookup'],
      stage: 'Concurrent requests miss',
      actor: 'worker 2',
      says: 'Four workers ask for the profile at the same moment, and all four miss.',
    },
    {
      action: 'Worker 3 misses the cache',
      result: 'Cache miss: no worker has set it yet',
      narration:
        'Worker 3 arrives a moment later. Nobody has refilled the key yet, so it misses too.',
      shows: ['miss'],
      ops: [{ op: 'cache.get', key: 'user_profile_42', as: 'data' }],
      code: ['lookup'],
      stage: 'Concurrent requests miss',
      actor: 'worker 3',
      says: 'Four workers ask for the profile at the same moment, and all four miss.',
    },
    {
      action: 'Worker 4 misses the cache',
      result: 'Cache miss: no worker has set it yet',
      narration:
        'Worker 4 arrives a moment later. Nobody has refilled the key yet, so it misses too.',
      shows: ['miss'],
      ops: [{ op: 'cache.get', key: 'user_profile_42', as: 'data' }],
      code: ['lookup'],
      stage: 'Concurrent requests miss',
      actor: 'worker 4',
      says: 'Four workers ask for the profile at the same moment, and all four miss.',
    },
    {
      action: 'Worker 1 queries the DB and sets the key',
      result: "DB query: 'new_data' read and cached",
      narration: "Worker 1 runs the query and caches 'new_data'.",
      shows: ['read', 'set'],
      ops: [
        profileLoad('data'),
        { op: 'cache.set', key: 'user_profile_42', value: { var: 'data' }, timeout: 300 },
      ],
      code: ['miss'],
      stage: 'Each miss queries the DB',
      actor: 'worker 1',
      says: "Worker 1 queries the database and caches 'new_data'.",
    },
    {
      action: 'Worker 2 queries the DB and sets the key',
      result: "Another identical DB query; 'new_data' cached again",
      narration:
        'Worker 2 already decided to query, so it runs the same query again and overwrites the key with the same value.',
      shows: ['read', 'set'],
      ops: [
        profileLoad('data'),
        { op: 'cache.set', key: 'user_profile_42', value: { var: 'data' }, timeout: 300 },
      ],
      code: ['miss'],
      stage: 'Each miss queries the DB',
      actor: 'worker 2',
      says: 'Workers 2, 3 and 4 had already missed, so each runs the same query and sets the same value: four queries instead of one.',
      then: [
        'With many workers and an expensive query, that spike can take the database down; cache.get_or_set() does not prevent it.',
        "The remedy is a lock: cache.add('lock:user_profile_42', token, 30) succeeds for one worker only.",
        'That worker queries and refills the cache; the others wait briefly, retry, and get a cache hit.',
      ],
    },
    {
      action: 'Worker 3 queries the DB and sets the key',
      result: "Another identical DB query; 'new_data' cached again",
      narration:
        'Worker 3 already decided to query, so it runs the same query again and overwrites the key with the same value.',
      shows: ['read', 'set'],
      ops: [
        profileLoad('data'),
        { op: 'cache.set', key: 'user_profile_42', value: { var: 'data' }, timeout: 300 },
      ],
      code: ['miss'],
      stage: 'Each miss queries the DB',
      actor: 'worker 3',
      says: 'Workers 2, 3 and 4 had already missed, so each runs the same query and sets the same value: four queries instead of one.',
    },
    {
      action: 'Worker 4 queries the DB and sets the key',
      result: "Another identical DB query; 'new_data' cached again",
      narration:
        'Worker 4 already decided to query, so it runs the same query again and overwrites the key with the same value.',
      shows: ['read', 'set'],
      ops: [
        profileLoad('data'),
        { op: 'cache.set', key: 'user_profile_42', value: { var: 'data' }, timeout: 300 },
      ],
      code: ['miss'],
      stage: 'Each miss queries the DB',
      actor: 'worker 4',
      says: 'Workers 2, 3 and 4 had already missed, so each runs the same query and sets the same value: four queries instead of one.',
    },
  ],
  columns: seedColumns('actor', 'queries'),
  tableNote: `Four workers missed before any of them set the key, so the database ran the same query four times. ${LOCMEM_PER_PROCESS}`,
  tracked: [
    { name: 'cache', source: 'cache' },
    { name: 'data', source: 'var', var: 'data' },
    { name: 'queries', source: 'queries' },
  ],
  keyMoments: [
    {
      question: 'Why do all four workers query the database?',
      answer:
        'Each worker checks the cache before any of them has set it: all four see None in steps 3-6, and each one goes on to run the query in steps 7-10.',
      step: 6,
    },
    {
      question: 'Would cache.get_or_set() prevent the herd?',
      answer:
        'No. get_or_set() is a get() and, on a miss, a call to the default and an add(). Every worker that misses still calls the default, so each one still queries the database.',
      step: 8,
    },
    {
      question: 'How does cache.add() work as a lock?',
      answer:
        "add() stores the key only if it is absent and returns True or False. With the remedy, worker 1's add('lock:user_profile_42', 1, 30) returns True and the others get False, so only worker 1 queries; the 30-second timeout frees the lock if it crashes.",
      step: 4,
    },
  ],
  quiz: [
    {
      question: 'How many DB queries do steps 7-10 run together?',
      options: [
        wrong('1', 'One query is what the lock remedy achieves; here nothing stops workers 2-4.'),
        wrong('2', 'Every worker that missed queries, not just the first two.'),
        wrong('0', 'The cache was empty when they looked, so they all go to the database.'),
        right(
          '4',
          'Every worker missed in steps 3-6, so each one runs the same query: four queries for one key.',
        ),
      ],
      hint: "Add up the 'DB Queries' column for steps 7 to 10.",
      step: 10,
    },
    {
      question:
        'Would cache.get_or_set(key, lambda: Profile.objects.get(pk=user_id).data, 300) stop the herd?',
      options: [
        wrong(
          'Yes: get_or_set is atomic',
          'It is a get() followed by an add(); nothing holds other workers back while the lambda runs.',
        ),
        right(
          'No: every worker that misses still calls the lambda and queries',
          'get_or_set() is get(), then on a miss the default and add(). All four workers miss, so all four call the lambda.',
        ),
        wrong(
          'Yes: only the first caller runs the lambda',
          'Django has no such guarantee; each caller that misses runs the lambda itself.',
        ),
        wrong(
          'No: get_or_set never caches anything',
          'It does cache the value, with add(); it just does not prevent duplicate queries.',
        ),
      ],
      hint: 'get_or_set does a get() first. What do the four workers get in steps 3-6?',
      step: 6,
    },
    {
      question:
        "With the lock (the remedy), what does worker 2's cache.add('lock:user_profile_42', 1, 30) return in step 4?",
      options: [
        wrong(
          'True',
          "True would mean worker 2 also holds the lock; add() refuses because worker 1's lock is there.",
        ),
        right(
          'False',
          'Worker 1 added the lock in step 3. add() does nothing when the key exists and returns False, so worker 2 waits.',
        ),
        wrong('None', 'add() returns a boolean: whether it stored the value.'),
        wrong('1', "add() reports whether it stored; it does not return the lock's value."),
      ],
      hint: 'Switch on the remedy and look at the cache in step 3.',
      step: 4,
    },
  ],
  snapshot: {
    title: 'The thundering herd:',
    lines: [
      'When a popular key is deleted or expires, every concurrent request misses and runs the same query: a thundering herd, or dogpile.',
      'cache.get_or_set() does not help: it is get(), then on a miss the default and add(), so every missing worker still queries.',
      "Django docs, 'The low-level cache API': add() stores only when the key is absent and returns True if it stored, so cache.add('lock:<key>', 1, 30) is a cheap mutex.",
      'Give the lock a timeout so a crashed worker cannot hold it forever, bound the wait, re-check the cache after winning, and release it in finally only if it still holds your token (get-then-delete is not atomic; a Redis lock is).',
      'LocMemCache is per process: its lock only serialises threads of one process; use Redis or memcached to lock across processes.',
      'Other remedies: serve the stale value while one worker refreshes, or recompute before expiry.',
    ],
  },
  remedy: {
    label: 'Lock with cache.add()',
    description:
      "Each worker that misses tries cache.add('lock:user_profile_42', token, 30). Only worker 1 gets True: it queries, sets the key and deletes the lock. The others get False, wait and then hit the cache: one DB query instead of four in this interleaving. The winner re-checks the cache after add(), the wait is bounded, and the lock is released only by the worker whose token it holds. Under real threads a second query can still happen (a worker that misses after the lock is released wins a new lock), so the guarantee is 'few queries', not 'one'.",
    code: {
      caption:
        'cache.add() is the mutex: only the worker that stores the lock rebuilds the value. The 30-second lock timeout guards against a worker that dies holding it.',
      source: [
        'import time',
        'import uuid',
        '',
        'from django.core.cache import cache',
        'from profiles.models import Profile',
        '',
        'def get_profile(user_id):',
        "    key = f'user_profile_{user_id}'  # [get-profile]",
        "    lock = f'lock:{key}'  # [get-profile]",
        '    for _ in range(100):  # wait about 5 s at most, not forever  # [lookup]',
        '        data = cache.get(key)  # [lookup]',
        '        if data is not None:  # [lookup]',
        '            return data  # [return]',
        '        token = uuid.uuid4().hex  # who holds the lock  # [lock]',
        '        if cache.add(lock, token, 30):  # only one worker wins  # [lock]',
        '            try:  # [miss]',
        '                data = cache.get(key)  # re-check: it may have just been set  # [miss]',
        '                if data is None:  # [miss]',
        '                    data = Profile.objects.get(pk=user_id).data  # [miss]',
        '                    cache.set(key, data, 300)  # [miss]',
        '                return data  # [miss]',
        '            finally:  # [release]',
        "                if cache.get(lock) == token:  # never delete another's lock  # [release]",
        '                    cache.delete(lock)  # [release]',
        '        time.sleep(0.05)  # another worker is rebuilding it  # [wait]',
        '    return Profile.objects.get(pk=user_id).data  # gave up waiting: no cache.set',
        '',
        'def update_profile(user_id, new_data):',
        '    Profile.objects.filter(pk=user_id).update(data=new_data)  # [bulk-update]',
        "    cache.delete(f'user_profile_{user_id}')  # [bulk-update]",
      ].join('\n'),
    },
    steps: {
      1: {
        shows: ['read', 'hit', 'miss', 'set', 'added', 'deleted'],
        ops: [
          { op: 'cache.get', key: 'user_profile_42', as: 'data' },
          {
            op: 'cache.add',
            key: 'lock:user_profile_42',
            value: { literal: 'token-0' },
            timeout: 30,
            as: 'got_lock',
          },
          { op: 'cache.get', key: 'user_profile_42' },
          profileLoad('data'),
          { op: 'cache.set', key: 'user_profile_42', value: { var: 'data' }, timeout: 300 },
          { op: 'cache.get', key: 'lock:user_profile_42' },
          { op: 'cache.delete', key: 'lock:user_profile_42' },
        ],
        code: ['get-profile', 'lookup', 'lock', 'miss', 'release'],
      },
      3: {
        action: 'Worker 1 misses and tries the lock',
        cacheKey: 'lock:user_profile_42',
        result: 'Cache miss; cache.add() returned True: worker 1 holds the lock',
        narration:
          "Worker 1 misses and adds 'lock:user_profile_42'. The key was absent, so add() stores it and returns True.",
        shows: ['miss', 'added'],
        ops: [
          { op: 'cache.get', key: 'user_profile_42', as: 'data' },
          {
            op: 'cache.add',
            key: 'lock:user_profile_42',
            value: { literal: 'token-1' },
            timeout: 30,
            as: 'got_lock',
          },
        ],
        code: ['lookup', 'lock'],
        says: "The remedy is a lock: cache.add('lock:user_profile_42', token, 30) succeeds for one worker only.",
      },
      4: {
        action: 'Worker 2 misses and tries the lock',
        cacheKey: 'lock:user_profile_42',
        result: 'Cache miss; cache.add() returned False: worker 2 waits',
        narration:
          'Worker 2 misses too, but the lock exists: add() changes nothing and returns False, so worker 2 sleeps instead of querying.',
        shows: ['miss', 'not-added'],
        ops: [
          { op: 'cache.get', key: 'user_profile_42', as: 'data' },
          {
            op: 'cache.add',
            key: 'lock:user_profile_42',
            value: { literal: 'token-2' },
            timeout: 30,
            as: 'got_lock',
          },
        ],
        code: ['lookup', 'lock', 'wait'],
        says: "The remedy is a lock: cache.add('lock:user_profile_42', token, 30) succeeds for one worker only.",
      },
      5: {
        action: 'Worker 3 misses and tries the lock',
        cacheKey: 'lock:user_profile_42',
        result: 'Cache miss; cache.add() returned False: worker 3 waits',
        narration:
          'Worker 3 misses too, but the lock exists: add() changes nothing and returns False, so worker 3 sleeps instead of querying.',
        shows: ['miss', 'not-added'],
        ops: [
          { op: 'cache.get', key: 'user_profile_42', as: 'data' },
          {
            op: 'cache.add',
            key: 'lock:user_profile_42',
            value: { literal: 'token-3' },
            timeout: 30,
            as: 'got_lock',
          },
        ],
        code: ['lookup', 'lock', 'wait'],
        says: "The remedy is a lock: cache.add('lock:user_profile_42', token, 30) succeeds for one worker only.",
      },
      6: {
        action: 'Worker 4 misses and tries the lock',
        cacheKey: 'lock:user_profile_42',
        result: 'Cache miss; cache.add() returned False: worker 4 waits',
        narration:
          'Worker 4 misses too, but the lock exists: add() changes nothing and returns False, so worker 4 sleeps instead of querying.',
        shows: ['miss', 'not-added'],
        ops: [
          { op: 'cache.get', key: 'user_profile_42', as: 'data' },
          {
            op: 'cache.add',
            key: 'lock:user_profile_42',
            value: { literal: 'token-4' },
            timeout: 30,
            as: 'got_lock',
          },
        ],
        code: ['lookup', 'lock', 'wait'],
        says: "The remedy is a lock: cache.add('lock:user_profile_42', token, 30) succeeds for one worker only.",
      },
      7: {
        action: 'Worker 1 queries the DB, sets the key, releases the lock',
        result: "One DB query: 'new_data' cached, lock deleted",
        narration:
          "Only the lock holder runs the query. It first re-checks the cache (another holder may have refilled it just before), caches 'new_data', and in finally deletes the lock only if it still holds its own token.",
        shows: ['read', 'hit', 'miss', 'set', 'deleted'],
        ops: [
          { op: 'cache.get', key: 'user_profile_42' },
          profileLoad('data'),
          { op: 'cache.set', key: 'user_profile_42', value: { var: 'data' }, timeout: 300 },
          { op: 'cache.get', key: 'lock:user_profile_42' },
          { op: 'cache.delete', key: 'lock:user_profile_42' },
        ],
        code: ['miss', 'release'],
        says: 'That worker queries and refills the cache; the others wait briefly, retry, and get a cache hit.',
      },
      8: {
        action: 'Worker 2 retries and hits the cache',
        result: "Cache hit: 'new_data' with no DB query",
        narration: 'Worker 2 wakes up, retries cache.get and finds the value worker 1 cached.',
        shows: ['hit'],
        ops: [{ op: 'cache.get', key: 'user_profile_42', as: 'data' }],
        code: ['lookup', 'return'],
        stage: 'Cache refilled',
        says: 'That worker queries and refills the cache; the others wait briefly, retry, and get a cache hit.',
      },
      9: {
        action: 'Worker 3 retries and hits the cache',
        result: "Cache hit: 'new_data' with no DB query",
        narration: 'Worker 3 wakes up, retries cache.get and finds the value worker 1 cached.',
        shows: ['hit'],
        ops: [{ op: 'cache.get', key: 'user_profile_42', as: 'data' }],
        code: ['lookup', 'return'],
        stage: 'Cache refilled',
        says: 'That worker queries and refills the cache; the others wait briefly, retry, and get a cache hit.',
      },
      10: {
        action: 'Worker 4 retries and hits the cache',
        result: "Cache hit: 'new_data' with no DB query",
        narration: 'Worker 4 wakes up, retries cache.get and finds the value worker 1 cached.',
        shows: ['hit'],
        ops: [{ op: 'cache.get', key: 'user_profile_42', as: 'data' }],
        code: ['lookup', 'return'],
        stage: 'Cache refilled',
        says: 'That worker queries and refills the cache; the others wait briefly, retry, and get a cache hit.',
      },
    },
  },
});
