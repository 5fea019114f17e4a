import type { Lesson, LessonStep, Op } from '../engine';
import { seedColumns } from './building-blocks';

/**
 * Versioned keys with a generation counter: every article key embeds `articles:gen`, so one
 * `cache.incr` makes every old key unreachable at once. Old-generation entries linger as
 * orphans until their timeout. `add` initialises the counter without resetting it; an evicted
 * counter makes `incr` raise ValueError, and restarting it at 1 revives old orphans.
 */

const GEN_KEY = 'articles:gen';

/** `get_article_title(pk)`: `articles_gen()` (add + get), then cache-aside on the gen key. */
const readArticle = (pk: number): Op[] => [
  { op: 'cache.add', key: GEN_KEY, value: { literal: 1 }, timeout: null, as: 'added' },
  { op: 'cache.get', key: GEN_KEY, as: 'gen' },
  {
    op: 'request',
    key: `articles:{gen}:${pk}`,
    model: 'Article',
    pk,
    field: 'title',
    as: 'title',
  },
];

/** Code lines of a read that misses, and of one that hits. */
const MISS_LINES = [7, 8, 11, 12, 13, 14, 15, 16];
const HIT_LINES = [7, 8, 11, 12, 13, 14, 17];

const steps: LessonStep[] = [
  {
    action: 'First read of article 42',
    cacheKey: 'articles:1:42',
    result: "Counter created at 1; 'Intro' cached",
    narration:
      'articles_gen() runs cache.add, which stores the counter 1 with no expiry because the key is absent. The title is cached under articles:1:42.',
    ops: readArticle(42),
    lines: MISS_LINES,
    stage: 0,
    actor: 'reader',
    transcript: 0,
  },
  {
    action: 'Read article 7',
    cacheKey: 'articles:1:7',
    result: "add() returns False; 'Guide' cached",
    narration:
      'This time cache.add finds the counter and changes nothing. Article 7 is cached under generation 1 too.',
    ops: readArticle(7),
    lines: MISS_LINES,
    stage: 0,
    actor: 'reader',
    transcript: 1,
  },
  {
    action: 'Article 42 renamed in DB',
    cacheKey: '-',
    result: "Cache still has 'Intro'",
    narration:
      "At t=120s the title becomes 'Intro, 2nd ed.'. The cached generation-1 copy is now stale.",
    ops: [
      { op: 'clock.advance', seconds: 120 },
      {
        op: 'db.save',
        model: 'Article',
        pk: 42,
        fields: { title: { literal: 'Intro, 2nd ed.' } },
      },
    ],
    lines: [23, 24, 25],
    stage: 1,
    actor: 'editor',
    transcript: 2,
  },
  {
    action: 'Bump the generation',
    cacheKey: GEN_KEY,
    result: 'Counter is 2: every generation-1 key is unreachable',
    narration:
      'One cache.incr invalidates every article key at once, without listing them. Nothing is deleted: the generation-1 entries are now orphans.',
    ops: [{ op: 'cache.incr', key: GEN_KEY }],
    lines: [26, 20],
    stage: 2,
    actor: 'editor',
    skippable: true,
    transcript: 2,
  },
  {
    action: 'Read article 42 under generation 2',
    cacheKey: 'articles:2:42',
    result: "add() keeps 2; miss caches 'Intro, 2nd ed.'",
    narration:
      'cache.add does not reset the existing counter, so the reader builds articles:2:42. Nothing lives there yet: a miss fetches the new title.',
    ops: readArticle(42),
    lines: MISS_LINES,
    stage: 3,
    actor: 'reader',
    transcript: 3,
  },
  {
    action: 'Read article 7 under generation 2',
    cacheKey: 'articles:2:7',
    result: "Miss: unchanged 'Guide' refetched",
    narration:
      'Article 7 did not change, but its key changed too. That is the price of a namespace counter: every key misses once after a bump.',
    ops: readArticle(7),
    lines: MISS_LINES,
    stage: 3,
    actor: 'reader',
    transcript: 3,
  },
  {
    action: 'Counter evicted (simulated with delete)',
    cacheKey: GEN_KEY,
    result: 'Counter gone; orphans still cached',
    narration:
      'At t=200s memory pressure evicts the counter; the lesson simulates it with cache.delete. timeout=None protects an entry from expiry, not from eviction.',
    ops: [
      { op: 'clock.advance', seconds: 80 },
      { op: 'cache.delete', key: GEN_KEY },
    ],
    lines: [],
    stage: 4,
    actor: 'eviction',
    skippable: true,
    transcript: 4,
  },
  {
    action: 'invalidate_articles() on a missing counter',
    cacheKey: GEN_KEY,
    result: "ValueError: Key ':1:articles:gen' not found",
    narration:
      'cache.incr on a missing key raises ValueError; it does not start a new counter. Code that bumps generations must handle this.',
    ops: [{ op: 'cache.incr', key: GEN_KEY }],
    lines: [20],
    stage: 4,
    actor: 'editor',
    transcript: 5,
  },
  {
    action: 'Counter restarts at 1',
    cacheKey: 'articles:1:42',
    result: "User sees stale data: 'Intro'",
    narration:
      'articles_gen() calls cache.add, which now stores 1 again. Generation 1 is reachable once more, and its orphan articles:1:42 still holds the old title.',
    ops: readArticle(42),
    lines: HIT_LINES,
    stage: 4,
    actor: 'reader',
    transcript: 6,
  },
  {
    action: 'Old generation ages out',
    cacheKey: 'articles:1:42',
    result: "Entries from t=0s expired at t=300s; miss caches 'Intro, 2nd ed.'",
    narration:
      'The generation-1 entries were never deleted; they expire 300 seconds after their set. The next read misses and caches the current title, and the generation-2 entries are now the orphans.',
    ops: [{ op: 'clock.advance', seconds: 100 }, ...readArticle(42)],
    lines: MISS_LINES,
    stage: 5,
    actor: 'reader',
    transcript: 7,
  },
];

export const versionedKeys: Lesson = {
  id: 'versioned-keys',
  title: 'Versioned keys: a generation counter',
  summary:
    'Put a counter in every key and incr it to invalidate a whole namespace at once; orphans age out.',
  group: 'Strategies',
  difficulty: 'Advanced',
  flow: [
    'Keys include the generation',
    'Data changes in DB',
    'incr the generation',
    'Readers miss under the new generation',
    'Counter lost: never restart at an old value',
    'Orphans age out by timeout',
  ],
  flowCaption:
    'Every article key embeds a generation number kept in the cache. Bumping it makes all old keys unreachable at once; the old entries stay until they expire.',
  code: {
    language: 'python',
    caption:
      'articles_gen() initialises the counter with add and reads it; every key embeds it; invalidate_articles() bumps it with incr.',
    source: [
      'from django.core.cache import cache',
      'from articles.models import Article',
      '',
      "GEN_KEY = 'articles:gen'",
      '',
      'def articles_gen():',
      '    cache.add(GEN_KEY, 1, None)  # only if absent; never expires',
      '    return cache.get(GEN_KEY)',
      '',
      'def get_article_title(pk):',
      '    gen = articles_gen()',
      "    key = f'articles:{gen}:{pk}'",
      '    title = cache.get(key)',
      '    if title is None:',
      '        title = Article.objects.get(pk=pk).title',
      '        cache.set(key, title)',
      '    return title',
      '',
      'def invalidate_articles():',
      '    cache.incr(GEN_KEY)  # every articles:<old gen>:* key is now unreachable',
      '',
      'def rename_article(pk, new_title):',
      '    article = Article.objects.get(pk=pk)',
      '    article.title = new_title',
      '    article.save()',
      '    invalidate_articles()',
    ].join('\n'),
  },
  setup: {
    models: {
      Article: [
        { pk: 7, fields: { title: 'Guide' } },
        { pk: 42, fields: { title: 'Intro' } },
      ],
    },
    cache: { timeout: 300 },
    bindings: [{ key: 'articles:{gen}:{pk}', model: 'Article', pk: 42, field: 'title' }],
  },
  steps,
  columns: seedColumns('actor', 'clock'),
  tableNote:
    'incr invalidates a whole namespace at once; old-generation entries stay cached, unreachable, until they expire.',
  tracked: [
    { name: 'cache', source: 'cache' },
    { name: 'gen', source: 'var', var: 'gen' },
    { name: 'title', source: 'var', var: 'title' },
    { name: 'db_title', source: 'db', model: 'Article', pk: 42, field: 'title' },
    { name: 'clock', source: 'clock' },
    { name: 'queries', source: 'queries' },
  ],
  keyMoments: [
    {
      question: 'How does one incr invalidate both articles at once?',
      answer:
        'Every key is built from the counter: articles:{gen}:{pk}. After cache.incr the counter is 2, so readers build articles:2:42 and articles:2:7, keys that hold nothing yet. No key had to be listed or deleted.',
      step: 4,
    },
    {
      question: 'What happens to the generation-1 entries?',
      answer:
        'Nothing deletes them: they are orphans, still in the cache but unreachable while the counter is 2, and they age out by their timeout (t=300s here) or LRU culling. Give namespaced keys a timeout, or orphans fill the cache. The Cache panel marks the orphan articles:1:42 stale: its value differs from the database, though no reader reaches it until step 9.',
      step: 10,
    },
    {
      question: 'Why must an evicted counter not restart at an old value?',
      answer:
        "cache.incr on the missing counter raises ValueError (step 8), and cache.add(GEN_KEY, 1, None) happily stores 1 again (step 9): generation 1's orphans become reachable and serve 'Intro'. Restart at a value never used before, e.g. int(time.time()), or keep the counter in the database.",
      step: 9,
    },
  ],
  quiz: [
    {
      question: 'After step 4, which cache key does get_article_title(7) read?',
      options: ['articles:1:7', 'articles:2:7', 'articles:gen:7', 'article_7'],
      answer: 1,
      hint: 'Look at the Cache Key column of step 6.',
      step: 6,
      explanation:
        'The counter is 2 after the incr, so the reader builds articles:2:7 and misses, even though article 7 did not change.',
      feedback: [
        'That key still exists, but it is an orphan: the code no longer builds it once the counter is 2.',
        '',
        'articles:gen is the counter itself; the article key embeds its value, not its name.',
        'The key always embeds the generation: articles:{gen}:{pk}.',
      ],
    },
    {
      question:
        "In step 5 the counter is 2 when articles_gen() runs cache.add('articles:gen', 1, None). What happens?",
      options: [
        'add returns False and the counter stays 2',
        'The counter is reset to 1',
        'It raises ValueError because the key exists',
        'It adds 1, so the counter becomes 3',
      ],
      answer: 0,
      hint: 'Compare the counter in the Cache State Before and After of step 5.',
      step: 5,
      explanation:
        'add only stores when the key is absent. The counter exists, so add returns False and nothing changes.',
      feedback: [
        '',
        'That is what set would do; add never overwrites a live key.',
        'add signals an existing key by returning False, not by raising.',
        'add stores a value, it does not increment; that is incr.',
      ],
    },
    {
      question: 'After the counter is evicted, why is restarting it at 1 dangerous?',
      options: [
        "Generation-1 entries may still be cached, so 'Intro' becomes reachable again",
        'cache.add cannot store a value that was stored before',
        'Django raises ValueError when add() is called on an evicted key',
        'It is harmless: after a restart every key misses',
      ],
      answer: 0,
      hint: 'Look at what the reader gets in step 9.',
      step: 9,
      explanation:
        "The generation-1 orphans were set at t=0s and live until t=300s. With the counter back at 1, step 9 builds articles:1:42 again and hits the old 'Intro'.",
      feedback: [
        '',
        'add stores whenever the key is absent, whatever it held before.',
        'Only incr raises ValueError for a missing key; add just stores it.',
        'Keys of generation 1 may still be alive: step 9 is a stale hit, not a miss.',
      ],
    },
  ],
  snapshot: {
    title: 'Versioned keys (generation counter):',
    lines: [
      "Put a namespace counter in every key: f'articles:{gen}:{pk}'.",
      'One cache.incr(GEN_KEY) invalidates every key of the namespace, without listing them.',
      "Initialise with cache.add(GEN_KEY, 1, None): add only stores when the key is absent (Django docs, 'Basic usage').",
      'Old-generation entries are orphans: unreachable, but cached until their timeout or LRU culling.',
      "incr on a missing key raises ValueError (Django docs, 'Basic usage'); never restart an evicted counter at an old value.",
      "Django's version= argument can carry the generation too; cache.incr_version() moves only one key.",
    ],
  },
  transcript: [
    'The first read creates the generation counter with add and caches the article under generation 1.',
    'Further reads find the counter; add does not change it, and every key embeds the same generation.',
    'When an article changes, one incr of the counter invalidates every article key at once.',
    'Readers now build generation-2 keys and miss, so each article is fetched once more, changed or not.',
    'The old entries are orphans: still in memory, unreachable, until they expire or are culled.',
    'If the counter itself is evicted, incr raises ValueError instead of starting over.',
    'Restarting the counter at 1 makes generation-1 orphans reachable again, so a stale title comes back.',
    'Once the old entries reach their timeout they are gone, and the next read caches the current title.',
  ],
};
