import type { Lesson, LessonStep, Op } from '../engine';
import {
  profileBinding,
  profileLoad,
  profileModels,
  profileRead,
  profileUpdate,
  seedColumns,
} from './building-blocks';

const WORKERS = [1, 2, 3, 4] as const;
const KEY = 'user_profile_42';
const LOCK = `lock:${KEY}`;

const source = [
  'from django.core.cache import cache',
  'from profiles.models import Profile',
  '',
  'def get_profile(user_id):',
  "    key = f'user_profile_{user_id}'",
  '    data = cache.get(key)',
  '    if data is None:',
  '        # every worker that misses runs this query',
  '        data = Profile.objects.get(pk=user_id).data',
  '        cache.set(key, data, 300)',
  '    return data',
  '',
  'def update_profile(user_id, new_data):',
  '    Profile.objects.filter(pk=user_id).update(data=new_data)',
  "    cache.delete(f'user_profile_{user_id}')",
];

/** The remedy: only the worker that wins `cache.add` rebuilds the value; the others wait. */
const remedySource = [
  'import time',
  '',
  'from django.core.cache import cache',
  'from profiles.models import Profile',
  '',
  'def get_profile(user_id):',
  "    key = f'user_profile_{user_id}'",
  '    while True:',
  '        data = cache.get(key)',
  '        if data is not None:',
  '            return data',
  "        if cache.add(f'lock:{key}', 1, 30):  # only one worker wins",
  '            try:',
  '                data = Profile.objects.get(pk=user_id).data',
  '                cache.set(key, data, 300)',
  '                return data',
  '            finally:',
  "                cache.delete(f'lock:{key}')",
  '        time.sleep(0.05)  # another worker is rebuilding it: wait, retry',
  '',
  'def update_profile(user_id, new_data):',
  '    Profile.objects.filter(pk=user_id).update(data=new_data)',
  "    cache.delete(f'user_profile_{user_id}')",
];

const getKey: Op = { op: 'cache.get', key: KEY, as: 'data' };
const queryRow = profileLoad('data');
const setKey: Op = { op: 'cache.set', key: KEY, value: { var: 'data' }, timeout: 300 };
const takeLock: Op = {
  op: 'cache.add',
  key: LOCK,
  value: { literal: 1 },
  timeout: 30,
  as: 'got_lock',
};

/** Steps 1 and 2: the popular key is cached, then invalidated by a write. */
const prelude = (readOps: Op[], readLines: number[], updateLines: number[]): LessonStep[] => [
  {
    action: 'Popular profile is cached',
    cacheKey: KEY,
    result: "Cache miss: 'old_data' read from DB and cached",
    narration:
      'A popular profile: every page view reads it, and almost all of them are cache hits that never touch the database.',
    ops: readOps,
    lines: readLines,
    stage: 0,
    actor: 'request',
    transcript: 0,
  },
  {
    action: 'Profile updated; key deleted',
    cacheKey: KEY,
    result: 'Cache entry deleted',
    narration:
      'A writer updates the row and deletes the key, as it should. (An expiring timeout has the same effect.) The next readers all find the cache empty.',
    ops: [profileUpdate('new_data'), { op: 'cache.delete', key: KEY }],
    lines: updateLines,
    stage: 1,
    actor: 'writer',
    transcript: 1,
  },
];

/**
 * The thundering herd (dogpile): a popular key is deleted, four workers miss at once and all
 * run the same query. The remedy takes a `cache.add` lock so only one worker queries the DB.
 */
export const thunderingHerd: Lesson = {
  id: 'thundering-herd',
  title: 'Dogpile: many requests miss at once after invalidation',
  summary:
    'When a popular key is deleted, every concurrent request misses and queries the database; a cache.add() lock lets one worker rebuild it.',
  group: 'Failure modes',
  difficulty: 'Advanced',
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
    language: 'python',
    caption:
      'Plain cache-aside. Between the first miss and the first cache.set, every request for the key sees None and runs the query.',
    source: source.join('\n'),
  },
  setup: {
    models: profileModels(),
    bindings: [profileBinding('user_profile_{pk}')],
  },
  steps: [
    ...prelude([profileRead(KEY, 300)], [5, 6, 7, 9, 10], [14, 15]),
    ...WORKERS.map((n): LessonStep => ({
      action: `Worker ${n} misses the cache`,
      cacheKey: KEY,
      result: n === 1 ? 'Cache miss' : 'Cache miss: no worker has set it yet',
      narration:
        n === 1
          ? 'Worker 1 asks for the popular profile and finds nothing.'
          : `Worker ${n} arrives a moment later. Nobody has refilled the key yet, so it misses too.`,
      ops: [getKey],
      lines: [5, 6, 7],
      stage: 2,
      actor: `worker ${n}`,
      transcript: 2,
    })),
    ...WORKERS.map((n): LessonStep => ({
      action: `Worker ${n} queries the DB and sets the key`,
      cacheKey: KEY,
      result:
        n === 1
          ? "DB query: 'new_data' read and cached"
          : "Another identical DB query; 'new_data' cached again",
      narration:
        n === 1
          ? "Worker 1 runs the query and caches 'new_data'."
          : `Worker ${n} already decided to query, so it runs the same query again and overwrites the key with the same value.`,
      ops: [queryRow, setKey],
      lines: [9, 10],
      stage: 3,
      actor: `worker ${n}`,
      transcript: n === 1 ? 3 : 4,
    })),
  ],
  columns: seedColumns('actor', 'queries'),
  tableNote:
    'Four workers missed before any of them set the key, so the database ran the same query four times.',
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
      options: ['1', '2', '0', '4'],
      answer: 3,
      hint: "Add up the 'DB Queries' column for steps 7 to 10.",
      step: 10,
      explanation:
        'Every worker missed in steps 3-6, so each one runs the same query: four queries for one key.',
      feedback: [
        'One query is what the lock remedy achieves; here nothing stops workers 2-4.',
        'Every worker that missed queries, not just the first two.',
        'The cache was empty when they looked, so they all go to the database.',
        '',
      ],
    },
    {
      question:
        'Would cache.get_or_set(key, lambda: Profile.objects.get(pk=user_id).data, 300) stop the herd?',
      options: [
        'Yes: get_or_set is atomic',
        'No: every worker that misses still calls the lambda and queries',
        'Yes: only the first caller runs the lambda',
        'No: get_or_set never caches anything',
      ],
      answer: 1,
      hint: 'get_or_set does a get() first. What do the four workers get in steps 3-6?',
      step: 6,
      explanation:
        'get_or_set() is get(), then on a miss the default and add(). All four workers miss, so all four call the lambda.',
      feedback: [
        'It is a get() followed by an add(); nothing holds other workers back while the lambda runs.',
        '',
        'Django has no such guarantee; each caller that misses runs the lambda itself.',
        'It does cache the value, with add(); it just does not prevent duplicate queries.',
      ],
    },
    {
      question:
        "With the lock (the remedy), what does worker 2's cache.add('lock:user_profile_42', 1, 30) return in step 4?",
      options: ['True', 'False', 'None', '1'],
      answer: 1,
      hint: 'Switch on the remedy and look at the cache in step 3.',
      step: 4,
      explanation:
        'Worker 1 added the lock in step 3. add() does nothing when the key exists and returns False, so worker 2 waits.',
      feedback: [
        "True would mean worker 2 also holds the lock; add() refuses because worker 1's lock is there.",
        '',
        'add() returns a boolean: whether it stored the value.',
        "add() reports whether it stored; it does not return the lock's value.",
      ],
    },
  ],
  snapshot: {
    title: 'The thundering herd:',
    lines: [
      'When a popular key is deleted or expires, every concurrent request misses and runs the same query: a thundering herd, or dogpile.',
      'cache.get_or_set() does not help: it is get(), then on a miss the default and add(), so every missing worker still queries.',
      "Django docs, 'The low-level cache API': add() stores only when the key is absent and returns True if it stored, so cache.add('lock:<key>', 1, 30) is a cheap mutex.",
      'Give the lock a timeout so a crashed worker cannot hold it forever, and delete it in finally.',
      'LocMemCache is per process: its lock only serialises threads of one process; use Redis or memcached to lock across processes.',
      'Other remedies: serve the stale value while one worker refreshes, or recompute before expiry.',
    ],
  },
  transcript: [
    'A popular profile is cached, so almost every request is served without the database.',
    'Then a write deletes the key, or its timeout ends.',
    'Four workers ask for the profile at the same moment, and all four miss.',
    "Worker 1 queries the database and caches 'new_data'.",
    'Workers 2, 3 and 4 had already missed, so each runs the same query and sets the same value: four queries instead of one.',
    'With many workers and an expensive query, that spike can take the database down; cache.get_or_set() does not prevent it.',
    "The remedy is a lock: cache.add('lock:user_profile_42', 1, 30) succeeds for one worker only.",
    'That worker queries and refills the cache; the others wait briefly, retry, and get a cache hit.',
  ],
  remedy: {
    label: 'Lock with cache.add()',
    description:
      "Each worker that misses tries cache.add('lock:user_profile_42', 1, 30). Only worker 1 gets True: it queries, sets the key and deletes the lock. The others get False, wait and then hit the cache: one DB query instead of four.",
    patch: {
      code: {
        language: 'python',
        caption:
          'cache.add() is the mutex: only the worker that stores the lock rebuilds the value. The 30-second lock timeout guards against a worker that dies holding it.',
        source: remedySource.join('\n'),
      },
      steps: [
        ...prelude(
          [getKey, takeLock, queryRow, setKey, { op: 'cache.delete', key: LOCK }],
          [7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18],
          [22, 23],
        ),
        ...WORKERS.map((n): LessonStep => ({
          action: `Worker ${n} misses and tries the lock`,
          cacheKey: LOCK,
          result:
            n === 1
              ? 'Cache miss; cache.add() returned True: worker 1 holds the lock'
              : `Cache miss; cache.add() returned False: worker ${n} waits`,
          narration:
            n === 1
              ? "Worker 1 misses and adds 'lock:user_profile_42'. The key was absent, so add() stores it and returns True."
              : `Worker ${n} misses too, but the lock exists: add() changes nothing and returns False, so worker ${n} sleeps instead of querying.`,
          ops: [getKey, takeLock],
          lines: n === 1 ? [8, 9, 10, 12] : [8, 9, 10, 12, 19],
          stage: 2,
          actor: `worker ${n}`,
          transcript: 6,
        })),
        ...WORKERS.map((n): LessonStep =>
          n === 1
            ? {
                action: 'Worker 1 queries the DB, sets the key, releases the lock',
                cacheKey: KEY,
                result: "One DB query: 'new_data' cached, lock deleted",
                narration:
                  "Only the lock holder runs the query. It caches 'new_data' and deletes the lock in finally.",
                ops: [queryRow, setKey, { op: 'cache.delete', key: LOCK }],
                lines: [13, 14, 15, 16, 17, 18],
                stage: 3,
                actor: 'worker 1',
                transcript: 7,
              }
            : {
                action: `Worker ${n} retries and hits the cache`,
                cacheKey: KEY,
                result: "Cache hit: 'new_data' with no DB query",
                narration: `Worker ${n} wakes up, retries cache.get and finds the value worker 1 cached.`,
                ops: [getKey],
                lines: [8, 9, 10, 11],
                stage: 4,
                actor: `worker ${n}`,
                transcript: 7,
              },
        ),
      ],
    },
  },
};
