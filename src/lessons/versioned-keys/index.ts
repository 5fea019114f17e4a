import { defineLesson, right, wrong } from '../kit';
import { seedColumns } from '../building-blocks';
import { LOCMEM_PER_PROCESS } from '../notes';
import { meta } from './meta';

export const versionedKeys = defineLesson({
  meta,
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
    caption:
      'articles_gen() initialises the counter with add and reads it; every key embeds it; invalidate_articles() bumps it with incr.',
    source: [
      'from django.core.cache import cache',
      'from articles.models import Article',
      '',
      "GEN_KEY = 'articles:gen'",
      '',
      'def articles_gen():',
      '    cache.add(GEN_KEY, 1, None)  # only if absent; never expires  # [generation]',
      '    return cache.get(GEN_KEY)  # [generation]',
      '',
      'def get_article_title(pk):',
      '    gen = articles_gen()  # [generation]',
      "    key = f'articles:{gen}:{pk}'  # [generation]",
      '    title = cache.get(key)  # [generation]',
      '    if title is None:  # [generation]',
      '        title = Article.objects.get(pk=pk).title  # [miss]',
      '        cache.set(key, title)  # [miss]',
      '    return title  # [return]',
      '',
      'def invalidate_articles():',
      '    try:  # [bump]',
      '        cache.incr(GEN_KEY)  # every articles:<old gen>:* key is now unreachable  # [bump]',
      '    except ValueError:  # the counter is missing: evicted, or a new process  # [guard]',
      '        pass  # articles_gen() re-creates it; step 9 shows why 1 is the wrong start  # [guard]',
      '',
      'def rename_article(pk, new_title):',
      '    article = Article.objects.get(pk=pk)  # [save]',
      '    article.title = new_title  # [save]',
      '    article.save()  # [save]',
      '    invalidate_articles()  # [rename-article]',
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

  steps: [
    {
      action: 'First read of article 42',
      cacheKey: 'articles:1:42',
      result: "Counter created at 1; 'Intro' cached",
      narration:
        'articles_gen() runs cache.add, which stores the counter 1 with no expiry because the key is absent. The title is cached under articles:1:42.',
      shows: ['read', 'hit', 'miss', 'set', 'added'],
      ops: [
        { op: 'cache.add', key: 'articles:gen', value: { literal: 1 }, timeout: null, as: 'added' },
        { op: 'cache.get', key: 'articles:gen', as: 'gen' },
        {
          op: 'request',
          key: 'articles:{gen}:42',
          model: 'Article',
          pk: 42,
          field: 'title',
          as: 'title',
        },
      ],
      code: ['generation', 'miss'],
      stage: 'Keys include the generation',
      actor: 'reader',
      says: 'The first read creates the generation counter with add and caches the article under generation 1.',
    },
    {
      action: 'Read article 7',
      cacheKey: 'articles:1:7',
      result: "add() returns False; 'Guide' cached",
      narration:
        'This time cache.add finds the counter and changes nothing. Article 7 is cached under generation 1 too.',
      shows: ['read', 'hit', 'miss', 'set', 'not-added'],
      ops: [
        { op: 'cache.add', key: 'articles:gen', value: { literal: 1 }, timeout: null, as: 'added' },
        { op: 'cache.get', key: 'articles:gen', as: 'gen' },
        {
          op: 'request',
          key: 'articles:{gen}:7',
          model: 'Article',
          pk: 7,
          field: 'title',
          as: 'title',
        },
      ],
      code: ['generation', 'miss'],
      stage: 'Keys include the generation',
      actor: 'reader',
      says: 'Further reads find the counter; add does not change it, and every key embeds the same generation.',
    },
    {
      action: 'Article 42 renamed in DB',
      result: "Cache still has 'Intro'",
      narration:
        "At t=120s the title becomes 'Intro, 2nd ed.'. The cached generation-1 copy is now stale.",
      shows: ['clock', 'read', 'saved'],
      ops: [
        { op: 'clock.advance', seconds: 120 },
        { op: 'db.get', model: 'Article', pk: 42, field: 'title' },
        {
          op: 'db.save',
          model: 'Article',
          pk: 42,
          fields: { title: { literal: 'Intro, 2nd ed.' } },
        },
      ],
      code: ['save'],
      stage: 'Data changes in DB',
      actor: 'editor',
      says: 'When an article changes, one incr of the counter invalidates every article key at once.',
    },
    {
      action: 'Bump the generation',
      result: 'Counter is 2: every generation-1 key is unreachable',
      narration:
        'One cache.incr invalidates every article key at once, without listing them. Nothing is deleted: the generation-1 entries are now orphans.',
      shows: ['incr'],
      ops: [{ op: 'cache.incr', key: 'articles:gen' }],
      code: ['bump', 'rename-article'],
      stage: 'incr the generation',
      actor: 'editor',
      skippable: true,
      says: 'When an article changes, one incr of the counter invalidates every article key at once.',
    },
    {
      action: 'Read article 42 under generation 2',
      cacheKey: 'articles:2:42',
      result: "add() keeps 2; miss caches 'Intro, 2nd ed.'",
      narration:
        'cache.add does not reset the existing counter, so the reader builds articles:2:42. Nothing lives there yet: a miss fetches the new title.',
      shows: ['read', 'hit', 'miss', 'set', 'not-added'],
      ops: [
        { op: 'cache.add', key: 'articles:gen', value: { literal: 1 }, timeout: null, as: 'added' },
        { op: 'cache.get', key: 'articles:gen', as: 'gen' },
        {
          op: 'request',
          key: 'articles:{gen}:42',
          model: 'Article',
          pk: 42,
          field: 'title',
          as: 'title',
        },
      ],
      code: ['generation', 'miss'],
      stage: 'Readers miss under the new generation',
      actor: 'reader',
      says: 'Readers now build generation-2 keys and miss, so each article is fetched once more, changed or not.',
    },
    {
      action: 'Read article 7 under generation 2',
      cacheKey: 'articles:2:7',
      result: "Miss: unchanged 'Guide' refetched",
      narration:
        'Article 7 did not change, but its key changed too. That is the price of a namespace counter: every key misses once after a bump.',
      shows: ['read', 'hit', 'miss', 'set', 'not-added'],
      ops: [
        { op: 'cache.add', key: 'articles:gen', value: { literal: 1 }, timeout: null, as: 'added' },
        { op: 'cache.get', key: 'articles:gen', as: 'gen' },
        {
          op: 'request',
          key: 'articles:{gen}:7',
          model: 'Article',
          pk: 7,
          field: 'title',
          as: 'title',
        },
      ],
      code: ['generation', 'miss'],
      stage: 'Readers miss under the new generation',
      actor: 'reader',
      says: 'Readers now build generation-2 keys and miss, so each article is fetched once more, changed or not.',
    },
    {
      action: 'Counter evicted (simulated with delete)',
      result: 'Counter gone; orphans still cached',
      narration:
        'At t=200s memory pressure evicts the counter; the lesson simulates it with cache.delete. timeout=None protects an entry from expiry, not from eviction.',
      shows: ['clock', 'deleted'],
      ops: [
        { op: 'clock.advance', seconds: 80 },
        { op: 'cache.delete', key: 'articles:gen' },
      ],
      code: [],
      stage: 'Counter lost: never restart at an old value',
      actor: 'eviction',
      skippable: true,
      says: 'The old entries are orphans: still in memory, unreachable, until they expire or are culled.',
    },
    {
      action: 'invalidate_articles() on a missing counter',
      result: "ValueError: Key ':1:articles:gen' not found",
      narration:
        'cache.incr on a missing key raises ValueError; it does not start a new counter. invalidate_articles() catches it; without the guard this request would fail after save() had committed.',
      shows: ['error'],
      ops: [{ op: 'cache.incr', key: 'articles:gen' }],
      code: ['bump', 'guard'],
      stage: 'Counter lost: never restart at an old value',
      actor: 'editor',
      says: 'If the counter itself is evicted, incr raises ValueError instead of starting over.',
    },
    {
      action: 'Counter restarts at 1',
      cacheKey: 'articles:1:42',
      result: "User sees stale data: 'Intro'",
      narration:
        'articles_gen() calls cache.add, which now stores 1 again. Generation 1 is reachable once more, and its orphan articles:1:42 still holds the old title.',
      shows: ['hit', 'stale', 'added'],
      ops: [
        { op: 'cache.add', key: 'articles:gen', value: { literal: 1 }, timeout: null, as: 'added' },
        { op: 'cache.get', key: 'articles:gen', as: 'gen' },
        {
          op: 'request',
          key: 'articles:{gen}:42',
          model: 'Article',
          pk: 42,
          field: 'title',
          as: 'title',
        },
      ],
      code: ['generation', 'return'],
      stage: 'Counter lost: never restart at an old value',
      actor: 'reader',
      says: 'Restarting the counter at 1 makes generation-1 orphans reachable again, so a stale title comes back.',
    },
    {
      action: 'Old generation ages out',
      cacheKey: 'articles:1:42',
      result: "Entries from t=0s expired at t=300s; miss caches 'Intro, 2nd ed.'",
      narration:
        'The generation-1 entries were never deleted; they expire 300 seconds after their set. The next read misses and caches the current title, and the generation-2 entries are now the orphans.',
      shows: ['clock', 'read', 'hit', 'miss', 'set', 'not-added'],
      ops: [
        { op: 'clock.advance', seconds: 100 },
        { op: 'cache.add', key: 'articles:gen', value: { literal: 1 }, timeout: null, as: 'added' },
        { op: 'cache.get', key: 'articles:gen', as: 'gen' },
        {
          op: 'request',
          key: 'articles:{gen}:42',
          model: 'Article',
          pk: 42,
          field: 'title',
          as: 'title',
        },
      ],
      code: ['generation', 'miss'],
      stage: 'Orphans age out by timeout',
      actor: 'reader',
      says: 'Once the old entries reach their timeout they are gone, and the next read caches the current title.',
    },
  ],
  columns: seedColumns('actor', 'clock'),
  tableNote: `incr invalidates a whole namespace at once; old-generation entries stay cached, unreachable, until they expire. ${LOCMEM_PER_PROCESS}`,
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
      options: [
        wrong(
          'articles:1:7',
          'That key still exists, but it is an orphan: the code no longer builds it once the counter is 2.',
        ),
        right(
          'articles:2:7',
          'The counter is 2 after the incr, so the reader builds articles:2:7 and misses, even though article 7 did not change.',
        ),
        wrong(
          'articles:gen:7',
          'articles:gen is the counter itself; the article key embeds its value, not its name.',
        ),
        wrong('article_7', 'The key always embeds the generation: articles:{gen}:{pk}.'),
      ],
      hint: 'Look at the Cache Key column of step 6.',
      step: 6,
    },
    {
      question:
        "In step 5 the counter is 2 when articles_gen() runs cache.add('articles:gen', 1, None). What happens?",
      options: [
        right(
          'add returns False and the counter stays 2',
          'add only stores when the key is absent. The counter exists, so add returns False and nothing changes.',
        ),
        wrong(
          'The counter is reset to 1',
          'That is what set would do; add never overwrites a live key.',
        ),
        wrong(
          'It raises ValueError because the key exists',
          'add signals an existing key by returning False, not by raising.',
        ),
        wrong(
          'It adds 1, so the counter becomes 3',
          'add stores a value, it does not increment; that is incr.',
        ),
      ],
      hint: 'Compare the counter in the Cache State Before and After of step 5.',
      step: 5,
    },
    {
      question: 'After the counter is evicted, why is restarting it at 1 dangerous?',
      options: [
        right(
          "Generation-1 entries may still be cached, so 'Intro' becomes reachable again",
          "The generation-1 orphans were set at t=0s and live until t=300s. With the counter back at 1, step 9 builds articles:1:42 again and hits the old 'Intro'.",
        ),
        wrong(
          'cache.add cannot store a value that was stored before',
          'add stores whenever the key is absent, whatever it held before.',
        ),
        wrong(
          'Django raises ValueError when add() is called on an evicted key',
          'Only incr raises ValueError for a missing key; add just stores it.',
        ),
        wrong(
          'It is harmless: after a restart every key misses',
          'Keys of generation 1 may still be alive: step 9 is a stale hit, not a miss.',
        ),
      ],
      hint: 'Look at what the reader gets in step 9.',
      step: 9,
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
});
