import { defineLesson, right, wrong } from '../kit';
import {
  profileBinding,
  profileLoad,
  profileModels,
  profileRead,
  profileSave,
  profileTracked,
  seedColumns,
} from '../building-blocks';
import { LOCMEM_PER_PROCESS } from '../notes';
import { meta } from './meta';

export const onCommit = defineLesson({
  meta,
  flow: [
    'Read and cache',
    'Write inside atomic()',
    'Delete the key',
    'Concurrent reader refills the cache',
    'COMMIT',
    'Next read',
  ],
  flowCaption:
    'Inside transaction.atomic() a write is invisible to other requests until COMMIT. A delete that runs before the commit opens a window in which a reader caches the old row again.',
  code: {
    caption:
      'update_profile() deletes the key inside the atomic block, before the transaction commits. Another request running get_profile() at that moment still reads the old committed row.',
    source: [
      'from django.core.cache import cache',
      'from django.db import transaction',
      'from profiles.models import Profile',
      '',
      'def get_profile(user_id):',
      "    key = f'user_profile_{user_id}'  # [lookup]",
      '    data = cache.get(key)  # [lookup]',
      '    if data is None:  # [lookup]',
      '        data = Profile.objects.get(pk=user_id).data  # [miss]',
      '        cache.set(key, data)  # [miss]',
      '    return data  # [return]',
      '',
      'def update_profile(user_id, new_data):',
      '    with transaction.atomic():  # COMMIT when the block ends  # [atomic]',
      '        profile = Profile.objects.get(pk=user_id)  # [save]',
      '        profile.data = new_data  # [save]',
      '        profile.save()  # [save]',
      "        cache.delete(f'user_profile_{user_id}')  # runs before COMMIT  # [delete]",
    ].join('\n'),
  },
  setup: { models: profileModels(), bindings: [profileBinding('user_profile_{pk}')] },
  intro: [
    'Django runs in autocommit by default: a plain save() commits at once. A write waits for COMMIT only inside transaction.atomic(), as update_profile() uses here, or with ATOMIC_REQUESTS=True, and other requests see it only after COMMIT.',
  ],
  steps: [
    {
      action: 'Reader caches the profile',
      result: "Cache miss: 'old_data' read from DB and cached",
      narration: "A first request misses and caches 'old_data'. Cache and database agree.",
      shows: ['read', 'miss', 'set'],
      ops: [profileRead()],
      code: ['lookup', 'miss'],
      stage: 'Read and cache',
      actor: 'reader',
      says: "First, a request misses the cache and caches the committed 'old_data'.",
    },
    {
      action: 'Writer saves inside transaction.atomic()',
      result: "Row saved but not committed: others still read 'old_data'",
      narration:
        "The writer enters transaction.atomic() and saves 'new_data'. Until the block commits, only the writer's own connection sees the new value.",
      shows: ['begin', 'read', 'saved'],
      ops: [{ op: 'atomic.begin' }, profileLoad(), profileSave('new_data')],
      code: ['atomic', 'save'],
      stage: 'Write inside atomic()',
      actor: 'writer',
      says: "A writer opens a transaction and saves 'new_data', which only its own connection can see.",
    },
    {
      action: 'Writer deletes the key before commit',
      result: 'Cache entry deleted; the transaction is still open',
      narration:
        "The delete runs at once, inside the open transaction. The cache is empty, but the database still says 'old_data' to everyone but the writer.",
      shows: ['deleted'],
      ops: [{ op: 'cache.delete', key: 'user_profile_42' }],
      code: ['delete'],
      stage: 'Delete the key',
      actor: 'writer',
      skippable: true,
      says: 'Still inside the transaction, the writer deletes the cache key.',
    },
    {
      action: 'Another request re-caches the old row',
      result: "Cache miss: committed 'old_data' read and cached again",
      narration:
        "Another request misses, reads the committed row, which is still 'old_data', and caches it. The writer's delete has already happened and will not run again.",
      shows: ['read', 'miss', 'set'],
      ops: [profileRead()],
      code: ['lookup', 'miss'],
      stage: 'Concurrent reader refills the cache',
      actor: 'reader',
      says: "In that window another request misses, reads the committed 'old_data' and caches it again.",
    },
    {
      action: "Writer's transaction commits",
      result: "DB now has 'new_data'; cache still has 'old_data'",
      narration:
        "The atomic block ends and commits 'new_data'. The entry cached in step 4 is now stale, and nothing is left to delete it.",
      shows: ['commit'],
      ops: [{ op: 'atomic.commit' }],
      code: ['atomic'],
      stage: 'COMMIT',
      actor: 'writer',
      says: "When the writer commits, the database holds 'new_data' while the cache keeps 'old_data', and every later read is stale.",
      then: [
        'transaction.on_commit(lambda: cache.delete(key)) queues the delete until the commit, so the next reader caches fresh data.',
        'If the transaction rolls back, the callback is dropped, and the cached value, which still matches the database, stays.',
      ],
    },
    {
      action: 'Next request reads the profile',
      result: "User sees stale data: 'old_data' instead of 'new_data'",
      narration:
        "A cache hit on 'old_data' although the database says 'new_data'. It stays stale until the default 300-second timeout ends.",
      shows: ['stale'],
      ops: [profileRead()],
      code: ['lookup', 'return'],
      stage: 'Next read',
      actor: 'reader',
      says: "When the writer commits, the database holds 'new_data' while the cache keeps 'old_data', and every later read is stale.",
    },
  ],
  columns: seedColumns('actor'),
  tableNote: `A delete inside an open transaction runs too early: a reader can re-cache the old committed row before COMMIT. ${LOCMEM_PER_PROCESS}`,
  tracked: [...profileTracked()],
  keyMoments: [
    {
      question:
        "Why does the request in step 4 read 'old_data' when the writer already saved 'new_data'?",
      answer:
        "The writer's save is inside transaction.atomic() and not committed yet. Other connections see only committed rows (READ COMMITTED, PostgreSQL's default), so the reader gets 'old_data' and caches it again.",
      step: 4,
    },
    {
      question: 'Why is the cache stale after the commit in step 5?',
      answer:
        "The only delete ran in step 3, before the commit. The entry cached in step 4 came after it, so when 'new_data' commits nothing removes 'old_data'.",
      step: 5,
    },
    {
      question: 'Would a post_save receiver that deletes the key avoid this?',
      answer:
        'No. post_save is sent during save(), inside the transaction and before the commit, so it has the same window. Wrap the delete in transaction.on_commit, in a receiver or in the view.',
      step: 3,
    },
  ],
  quiz: [
    {
      question: 'What does the database query in step 4 return to the other request?',
      options: [
        right(
          "'old_data'",
          "The writer has not committed, so every other connection still reads the committed 'old_data'.",
        ),
        wrong(
          "'new_data'",
          "'new_data' is visible only to the writer's own connection until COMMIT.",
        ),
        wrong('None', 'The row exists; it simply still holds the committed value.'),
        wrong(
          'Nothing: it waits until the writer commits',
          'In PostgreSQL and MySQL a plain SELECT does not wait for another transaction: it reads the last committed value.',
        ),
      ],
      hint: "Look at the Database panel in step 4: 'new_data' is marked uncommitted.",
      step: 4,
    },
    {
      question: 'What is the cache state after step 5, the commit?',
      options: [
        wrong('{}', 'The cache was empty after step 3, but step 4 refilled it with the old row.'),
        wrong(
          "{'user_profile_42': 'new_data'}",
          "Nothing reads the database after the commit, so 'new_data' is never cached here.",
        ),
        wrong(
          'None',
          'None is what cache.get returns for a missing key, not the state of the cache.',
        ),
        right(
          "{'user_profile_42': 'old_data'}",
          "Step 4 cached 'old_data' after the delete, and committing does not touch the cache.",
        ),
      ],
      hint: "Check 'Cache State After' for steps 4 and 5.",
      step: 5,
    },
    {
      question: 'With transaction.on_commit (the remedy), when does the delete run?',
      options: [
        wrong(
          'As soon as on_commit() is called',
          'That is what happens outside a transaction; inside atomic() the callback waits for the commit.',
        ),
        right(
          'Right after the outermost atomic block commits',
          "transaction.on_commit queues the callback and runs it after the outermost atomic block commits, so the delete lands after 'new_data' is visible.",
        ),
        wrong(
          'On the next request that reads the key',
          'on_commit has nothing to do with reads; it runs when the transaction commits.',
        ),
        wrong(
          'Never, because on_commit() is called inside atomic()',
          'Inside atomic() is exactly where on_commit is meant to be used; it is dropped only on rollback.',
        ),
      ],
      hint: 'Switch on the remedy and watch when the cache empties.',
      step: 5,
    },
  ],
  snapshot: {
    title: 'Invalidate after commit:',
    lines: [
      'A cache.delete inside transaction.atomic() runs before COMMIT; other requests still read the old committed row.',
      'A reader that misses in that window caches the old row again, and it stays stale until the timeout.',
      "Django docs, 'Database transactions': transaction.on_commit(func) runs func after the outermost atomic block commits, and discards it on rollback.",
      'Django docs: outside a transaction, on_commit runs the callback immediately.',
      'Signals are no help here: post_save is sent inside the transaction, before the commit.',
    ],
  },
  remedy: {
    label: 'Use transaction.on_commit',
    description:
      'update_profile() registers the delete with transaction.on_commit, so it runs right after the commit. The reader in step 4 still gets the old, committed value, but the delete then removes it and the last read is fresh.',
    code: {
      caption:
        'transaction.on_commit queues the delete; Django runs it after the outermost atomic block commits, and drops it if the transaction rolls back.',
      source: [
        'from django.core.cache import cache',
        'from django.db import transaction',
        'from profiles.models import Profile',
        '',
        'def get_profile(user_id):',
        "    key = f'user_profile_{user_id}'  # [lookup]",
        '    data = cache.get(key)  # [lookup]',
        '    if data is None:  # [lookup]',
        '        data = Profile.objects.get(pk=user_id).data  # [miss]',
        '        cache.set(key, data)  # [miss]',
        '    return data  # [return]',
        '',
        'def update_profile(user_id, new_data):',
        '    with transaction.atomic():  # COMMIT when the block ends  # [atomic]',
        '        profile = Profile.objects.get(pk=user_id)  # [save]',
        '        profile.data = new_data  # [save]',
        '        profile.save()  # [save]',
        "        transaction.on_commit(lambda: cache.delete(f'user_profile_{user_id}'))  # [on-commit]",
      ].join('\n'),
    },
    steps: {
      3: {
        action: 'Writer queues the delete with on_commit',
        result: 'Delete queued until COMMIT; cache unchanged',
        narration:
          'transaction.on_commit stores the callback on the open transaction. Nothing is deleted yet.',
        shows: [],
        ops: [{ op: 'onCommit', ops: [{ op: 'cache.delete', key: 'user_profile_42' }] }],
        code: ['on-commit'],
        says: 'transaction.on_commit(lambda: cache.delete(key)) queues the delete until the commit, so the next reader caches fresh data.',
        skippable: undefined,
      },
      4: {
        action: 'Another request reads the profile',
        result: "Cache hit: 'old_data', still the committed value",
        narration:
          "The other request hits 'old_data'. That is still what the database has committed, so it is not stale yet.",
        shows: ['hit'],
        code: ['lookup', 'return'],
      },
      5: {
        action: 'Writer commits; on_commit deletes the key',
        cacheKey: 'user_profile_42',
        result: "Committed 'new_data'; the on_commit callback deleted the key",
        narration:
          "The block ends, 'new_data' commits, and only then does Django run the queued callback: the key is deleted after the new row is visible.",
        shows: ['deleted', 'commit'],
        code: ['atomic', 'on-commit'],
        says: 'transaction.on_commit(lambda: cache.delete(key)) queues the delete until the commit, so the next reader caches fresh data.',
      },
      6: {
        action: 'Next request fetches fresh data',
        result: "Cache miss: 'new_data' read from DB and cached",
        narration:
          "The next read misses and caches the committed 'new_data'. on_commit closes the window inside the transaction, not every race: a reader that read the old row before COMMIT and sets it after this delete still slips it back in (the 'Race' lesson).",
        shows: ['read', 'miss', 'set'],
        code: ['lookup', 'miss'],
        says: 'transaction.on_commit(lambda: cache.delete(key)) queues the delete until the commit, so the next reader caches fresh data.',
      },
    },
  },
});
