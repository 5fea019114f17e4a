import { defineLesson, right, wrong } from '../kit';
import { seedColumns } from '../building-blocks';
import { LOCMEM_PER_PROCESS } from '../notes';
import { meta } from './meta';

export const updateOnWrite = defineLesson({
  meta,
  flow: [
    'Reader caches the row',
    'Writer saves to DB',
    'Writer sets the fresh value',
    'Readers hit without a miss',
    'Late set overwrites newer value',
    'Stale until the timeout',
  ],
  flowCaption:
    'Each writer saves the row and then stores the new value in the cache. Readers hit straight away, unless a slow writer sets an older value last.',
  code: {
    caption:
      "rename() saves the article and then writes the new title into the cache instead of deleting the key. 'Write-through' here means this app-level set on write: Django's cache has no write-through mode.",
    source: [
      'from django.core.cache import cache',
      'from articles.models import Article',
      '',
      'def get_title(pk):',
      "    key = f'article_{pk}'  # [lookup]",
      '    title = cache.get(key)  # [lookup]',
      '    if title is None:  # [lookup]',
      '        title = Article.objects.get(pk=pk).title  # [miss]',
      '        cache.set(key, title)  # [miss]',
      '    return title  # [return]',
      '',
      'def rename(pk, new_title):',
      '    article = Article.objects.get(pk=pk)  # [save]',
      '    article.title = new_title  # [save]',
      '    article.save()  # [save]',
      '    # Write-through: store the fresh value, no delete  # [set]',
      "    cache.set(f'article_{pk}', article.title)  # [set]",
    ].join('\n'),
  },
  setup: {
    models: { Article: [{ pk: 42, fields: { title: 'v1' } }] },
    cache: { timeout: 300 },
    bindings: [{ key: 'article_{pk}', model: 'Article', pk: 42, field: 'title' }],
  },

  steps: [
    {
      action: 'Reader caches the article',
      result: "Cache stores 'v1'",
      narration:
        "The first read misses, loads 'v1' from the database and caches it with the default timeout of 300 seconds.",
      shows: ['read', 'miss', 'set'],
      ops: [
        { op: 'request', key: 'article_42', model: 'Article', pk: 42, field: 'title', as: 'title' },
      ],
      code: ['lookup', 'miss'],
      stage: 'Reader caches the row',
      actor: 'reader',
      says: "A reader misses and caches the article's title, 'v1'.",
      then: [
        'With write-through, every writer saves the row and then stores the new value in the cache, so readers never miss after a write.',
      ],
    },
    {
      action: "Writer A saves 'v2'",
      result: "DB has 'v2'; A has not set the cache yet",
      narration:
        "Writer A's save() commits 'v2'. A is slow: its cache.set on the next line has not run yet, so the cache still holds 'v1'.",
      shows: ['read', 'saved'],
      ops: [
        { op: 'db.get', model: 'Article', pk: 42, field: 'title' },
        { op: 'db.save', model: 'Article', pk: 42, fields: { title: { literal: 'v2' } } },
      ],
      code: ['save'],
      stage: 'Writer saves to DB',
      actor: 'writer A',
      says: "Writer A saves 'v2' but is slow to update the cache; meanwhile writer B saves 'v3' and sets 'v3'.",
    },
    {
      action: "Writer B saves 'v3' and sets it",
      result: "Cache updated with 'v3'",
      narration:
        "A second later writer B saves 'v3' and, straight after, cache.set stores 'v3'. Cache and database agree.",
      shows: ['clock', 'read', 'saved', 'set'],
      ops: [
        { op: 'clock.advance', seconds: 1 },
        { op: 'db.get', model: 'Article', pk: 42, field: 'title' },
        { op: 'db.save', model: 'Article', pk: 42, fields: { title: { literal: 'v3' } } },
        { op: 'cache.set', key: 'article_42', value: { literal: 'v3' } },
      ],
      code: ['save', 'set'],
      stage: 'Writer sets the fresh value',
      actor: 'writer B',
      says: "Writer A saves 'v2' but is slow to update the cache; meanwhile writer B saves 'v3' and sets 'v3'.",
    },
    {
      action: 'Reader hits the fresh value',
      result: "Reader sees 'v3' with no miss",
      narration:
        'This is what write-through buys: the key was never empty, so the reader hits the new title without a database query.',
      shows: ['hit'],
      ops: [
        { op: 'request', key: 'article_42', model: 'Article', pk: 42, field: 'title', as: 'title' },
      ],
      code: ['lookup', 'return'],
      stage: 'Readers hit without a miss',
      actor: 'reader',
      says: 'With write-through, every writer saves the row and then stores the new value in the cache, so readers never miss after a write.',
    },
    {
      action: "Writer A (slow) sets 'v2'",
      result: "Cache overwritten with older 'v2'",
      narration:
        "A's cache.set finally runs and overwrites 'v3' with its own 'v2'. cache.set does not compare versions: the last set wins, even when it carries older data.",
      shows: ['clock', 'set'],
      ops: [
        { op: 'clock.advance', seconds: 1 },
        { op: 'cache.set', key: 'article_42', value: { literal: 'v2' } },
      ],
      code: ['set'],
      stage: 'Late set overwrites newer value',
      actor: 'writer A',
      skippable: true,
      says: "Then A's late cache.set overwrites 'v3' with 'v2': the last set wins, not the newest data.",
    },
    {
      action: 'Reader gets the older title',
      result: "Reader sees stale data: 'v2'",
      narration:
        "The database says 'v3', the cache says 'v2', and readers hit the cache. No later write is coming to fix it.",
      shows: ['stale'],
      ops: [
        { op: 'request', key: 'article_42', model: 'Article', pk: 42, field: 'title', as: 'title' },
      ],
      code: ['lookup', 'return'],
      stage: 'Stale until the timeout',
      actor: 'reader',
      says: "Readers now hit 'v2' while the database holds 'v3'.",
    },
    {
      action: 'Reader after the timeout',
      result: "Entry expired at t=302s; miss caches 'v3'",
      narration:
        "A's set at t=2s started a new 300-second timeout, so 'v2' was served until t=302s. Then the read misses and caches 'v3'.",
      shows: ['clock', 'read', 'miss', 'set'],
      ops: [
        { op: 'clock.advance', seconds: 300 },
        { op: 'request', key: 'article_42', model: 'Article', pk: 42, field: 'title', as: 'title' },
      ],
      code: ['lookup', 'miss'],
      stage: 'Stale until the timeout',
      actor: 'reader',
      says: "The stale value stays until its timeout, counted from A's set, and the next miss caches 'v3'.",
      then: [
        'Deleting the key on write avoids this reorder, at the cost of one miss after each write.',
      ],
    },
  ],
  columns: seedColumns('actor', 'clock'),
  tableNote: `Write-through avoids the miss after a write, but the last cache.set wins: a slow writer's older value stays until the timeout. ${LOCMEM_PER_PROCESS}`,
  tracked: [
    { name: 'cache', source: 'cache' },
    { name: 'title', source: 'var', var: 'title' },
    { name: 'db_title', source: 'db', model: 'Article', pk: 42, field: 'title' },
    { name: 'clock', source: 'clock' },
    { name: 'queries', source: 'queries' },
  ],
  keyMoments: [
    {
      question: 'Why is step 4 a hit with no database query?',
      answer:
        "Writer B put 'v3' into the cache right after saving it. With write-through the key is never empty after a write, so the next reader hits fresh data.",
      step: 4,
    },
    {
      question: 'How can the cache end up older than the database?',
      answer:
        "The writers saved in the order A ('v2') then B ('v3'), but their cache.set calls ran in the order B then A. cache.set overwrites unconditionally, so the late 'v2' wins.",
      step: 5,
    },
    {
      question: "How long does the stale 'v2' last?",
      answer:
        "Until its own timeout: A's set at t=2s started a fresh 300 seconds, so readers get 'v2' until t=302s. Had both writers deleted the key instead, the order of the deletes would not matter.",
      step: 7,
    },
  ],
  quiz: [
    {
      question: 'What is the cache state after step 5?',
      options: [
        right(
          "{'article_42': 'v2'}",
          "Writer A's late cache.set overwrote B's 'v3' with 'v2'. The last set wins, not the newest data.",
        ),
        wrong(
          "{'article_42': 'v3'}",
          "That was the state after step 3; A's slow set in step 5 overwrote it.",
        ),
        wrong(
          '{}',
          'Write-through never deletes the key; every step after the first read leaves it cached.',
        ),
        wrong("{'article_42': 'v1'}", "'v1' was replaced by B's set in step 3."),
      ],
      hint: "Check the 'Cache State After' column of step 5, and which writer ran last.",
      step: 5,
    },
    {
      question: 'At which step does a reader get the new title without a cache miss?',
      options: [
        wrong('Step 1', "Step 1 is the first read: a miss that caches 'v1'."),
        wrong('Step 3', 'Step 3 is writer B saving and setting, not a reader.'),
        right(
          'Step 4',
          "In step 4 the reader hits 'v3', which writer B had just set: no miss, no query.",
        ),
        wrong(
          'Step 7',
          'Step 7 is a miss: the entry had expired, so the reader went to the database.',
        ),
      ],
      hint: 'Look for a reader row that hits a value matching the database.',
      step: 4,
    },
    {
      question: "Why does the stale 'v2' expire at t=302s and not at t=300s?",
      options: [
        right(
          "A's late cache.set at t=2s started a new 300-second timeout",
          'Every cache.set replaces the entry and its expiry: A set at t=2s with the default 300 seconds, so it expires at t=302s.',
        ),
        wrong(
          "The timeout counts from B's save at t=1s",
          "B's set at t=1s was overwritten by A's set; its expiry went with it.",
        ),
        wrong(
          'Django adds a 2-second grace period to every timeout',
          'There is no grace period: an entry is gone from exactly its set time plus its timeout.',
        ),
        wrong(
          'The timeout counts from the first cache.set at t=0s',
          'The first entry was replaced twice; its expiry no longer applies.',
        ),
      ],
      hint: 'Look at the Clock column of step 5.',
      step: 5,
    },
  ],
  snapshot: {
    title: 'Write-through caching in Django:',
    lines: [
      'Save, then cache.set(key, fresh_value): the next reader hits without a miss.',
      "cache.set overwrites unconditionally: Django's cache API has no compare-and-set.",
      'Two writers can reorder: the slower set wins and leaves an older value than the DB.',
      "That value lives until its own timeout (TIMEOUT defaults to 300 s, Django docs, 'Cache arguments').",
      'Deleting instead of setting makes the order of concurrent writers harmless.',
    ],
  },
});
