import { defineLesson, right, wrong } from '../kit';
import {
  profileBinding,
  profileLoad,
  profileModels,
  profileRead,
  profileSave,
  profileTracked,
  profileUpdate,
  seedColumns,
} from '../building-blocks';
import { meta } from './meta';
import { LOCMEM_PER_PROCESS } from '../notes';

export const signalInvalidation = defineLesson({
  meta,
  flow: [
    'Read and cache',
    'instance.save() or delete()',
    'Django sends post_save / post_delete',
    'Receiver deletes the key',
    'Next read refetches',
    'QuerySet.update(): no signal, stale cache',
  ],
  flowCaption:
    'Every save() or delete() of a Profile sends a signal; the receiver deletes the cached key, so the next read refetches. Writes that bypass save(), such as QuerySet.update(), send no signal and the cache goes stale.',
  code: {
    caption:
      'The receiver is connected to Profile for post_save and post_delete, so any view that saves or deletes a profile invalidates its cache entry. (In a project, receivers usually live in signals.py and are imported in AppConfig.ready().)',
    source: [
      'from django.core.cache import cache',
      'from django.db import models',
      'from django.db.models.signals import post_delete, post_save',
      'from django.dispatch import receiver',
      '',
      'class Profile(models.Model):',
      '    data = models.TextField()',
      '',
      '@receiver(post_save, sender=Profile)  # [receiver]',
      '@receiver(post_delete, sender=Profile)  # [receiver-2]',
      'def invalidate_profile(sender, instance, **kwargs):  # [receiver-3]',
      "    cache.delete(f'user_profile_{instance.pk}')  # [receiver-3]",
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
      '    profile = Profile.objects.get(pk=user_id)  # [save]',
      '    profile.data = new_data  # [save]',
      '    profile.save()  # sends post_save  # [save]',
      '',
      'def update_profile_with_queryset(user_id, new_data):',
      '    Profile.objects.filter(pk=user_id).update(data=new_data)  # no signal  # [bulk-update]',
    ].join('\n'),
  },
  setup: {
    models: profileModels(),
    receivers: [
      {
        signal: 'post_save',
        model: 'Profile',
        ops: [{ op: 'cache.delete', key: 'user_profile_{pk}' }],
        code: ['receiver', 'receiver-3'],
      },
      {
        signal: 'post_delete',
        model: 'Profile',
        ops: [{ op: 'cache.delete', key: 'user_profile_{pk}' }],
        code: ['receiver-2', 'receiver-3'],
      },
    ],
    bindings: [profileBinding('user_profile_{pk}')],
  },
  intro: [
    'A signal receiver ties cache invalidation to the model instead of to every view that writes it.',
  ],
  steps: [
    {
      action: 'First request caches the profile',
      result: "Cache miss: 'old_data' read from DB and cached",
      narration:
        "get_profile(42) misses, reads the row and caches 'old_data'. Cache and database agree.",
      shows: ['read', 'miss', 'set'],
      ops: [profileRead()],
      code: ['lookup', 'miss'],
      stage: 'Read and cache',
      says: "The first request misses the cache, reads 'old_data' from the database and caches it under 'user_profile_42'.",
    },
    {
      action: 'Profile saved with save()',
      cacheKey: 'user_profile_42',
      result: 'post_save receiver deleted the cache entry',
      narration:
        'update_profile() never mentions the cache, yet the entry disappears: profile.save() sends post_save, and invalidate_profile runs inside the save() call and deletes the key.',
      shows: ['read', 'saved', 'deleted'],
      ops: [profileLoad(), profileSave('new_data')],
      code: ['save'],
      stage: 'Receiver deletes the key',
      says: 'When update_profile() calls profile.save(), Django sends post_save, and the invalidate_profile receiver deletes the key.',
    },
    {
      action: 'Next request fetches fresh data',
      result: "Cache miss: 'new_data' read from DB and cached",
      narration:
        "Because the receiver deleted the key, the next read misses and caches 'new_data'. The signal kept the cache in step with the database.",
      shows: ['read', 'miss', 'set'],
      ops: [profileRead()],
      code: ['lookup', 'miss'],
      stage: 'Next read refetches',
      says: "The next request misses, reads 'new_data' and caches it, so cache and database agree again.",
    },
    {
      action: 'Bulk fix with QuerySet.update()',
      result: "No signal sent: cache still has 'new_data'",
      narration:
        "QuerySet.update() runs one SQL UPDATE without calling save(), so Django sends no post_save and the receiver never runs. The database now says 'bulk_data'; the cache still says 'new_data'.",
      shows: ['updated'],
      ops: [profileUpdate('bulk_data')],
      code: ['bulk-update'],
      stage: 'QuerySet.update(): no signal, stale cache',
      says: 'A bulk fix then calls Profile.objects.filter(pk=42).update(), which writes the row with one SQL UPDATE and sends no signal.',
      then: [
        "The receiver never runs, so the cache keeps 'new_data' while the database holds 'bulk_data'.",
      ],
    },
    {
      action: 'Next request reads the profile',
      result: "User sees stale data: 'new_data' instead of 'bulk_data'",
      narration:
        "The read is a cache hit on 'new_data', which no longer matches the database. It stays stale until something deletes the key or the default 300-second timeout ends.",
      shows: ['stale'],
      ops: [profileRead()],
      code: ['lookup', 'return'],
      stage: 'QuerySet.update(): no signal, stale cache',
      says: 'The next request is a cache hit on stale data, and it stays stale until the key is deleted or the default 300-second timeout ends.',
      then: [
        'The fix is to delete the key after every update(), bulk_update() or raw SQL write, or to use save() so the signal fires.',
      ],
    },
  ],
  columns: seedColumns(),
  tableNote: `Signals invalidate on save() and delete() only; QuerySet.update() bypasses them and leaves the cache stale. ${LOCMEM_PER_PROCESS}`,
  tracked: [...profileTracked()],
  keyMoments: [
    {
      question:
        'Why is the cache empty after step 2 when update_profile() never calls cache.delete?',
      answer:
        "profile.save() sends post_save synchronously, and invalidate_profile (lines 9-12) runs inside that save() call and deletes 'user_profile_42'. The invalidation lives with the model, not with each view.",
      step: 2,
    },
    {
      question: "Why does the cache still hold 'new_data' after the update() in step 4?",
      answer:
        'QuerySet.update() is a single SQL UPDATE: it never calls save(), so neither pre_save nor post_save is sent and the receiver does not run. bulk_update(), bulk_create() and raw SQL have the same gap.',
      step: 4,
    },
    {
      question: 'How can the update() path stay correct?',
      answer:
        "Delete the key yourself right after update() (the remedy), or load the instance and call save() so the receiver runs. Without that, step 5 serves stale 'new_data' until the timeout.",
      step: 5,
    },
  ],
  quiz: [
    {
      question: 'Which code deletes the cache entry in step 2?',
      options: [
        wrong(
          'update_profile() calls cache.delete()',
          'update_profile() (lines 22-25) has no cache call at all; the delete comes from elsewhere.',
        ),
        wrong(
          'Django clears every cached key of a model on save()',
          'Django never touches the cache on save(); only your receiver does.',
        ),
        right(
          'The invalidate_profile receiver, run by post_save',
          'profile.save() sends post_save; the receiver connected with @receiver(post_save, sender=Profile) runs and calls cache.delete.',
        ),
        wrong(
          'The entry expired after the default 300-second timeout',
          'No time passes in this lesson; the entry is removed by an explicit delete.',
        ),
      ],
      hint: 'Look at which code lines light up in step 2 besides lines 23-25.',
      step: 2,
    },
    {
      question: 'What is the cache state after step 4?',
      options: [
        wrong(
          '{}',
          'The key would be deleted only if the receiver ran, and update() sends no signal.',
        ),
        right(
          "{'user_profile_42': 'new_data'}",
          "QuerySet.update() sends no post_save, so the receiver does not run and 'new_data' stays cached.",
        ),
        wrong(
          "{'user_profile_42': 'bulk_data'}",
          'Nothing writes the cache in step 4; update() changes only the database row.',
        ),
        wrong(
          'None',
          'None is what cache.get returns for a missing key, not the state of the cache.',
        ),
      ],
      hint: "Check the 'Cache State After' column for step 4 and whether a signal was sent.",
      step: 4,
    },
    {
      question: "Which change makes the read in step 5 return 'bulk_data'?",
      options: [
        right(
          "Call cache.delete(f'user_profile_{user_id}') right after update()",
          "update() sends no signal, so the delete must be explicit. Then step 5 misses and caches 'bulk_data'.",
        ),
        wrong(
          'Connect invalidate_profile to pre_save as well',
          'update() sends neither pre_save nor post_save, so another receiver still never runs.',
        ),
        wrong(
          'Wrap the update() call in transaction.atomic()',
          'A transaction changes when the row commits, not whether a signal is sent.',
        ),
        wrong(
          'Pass timeout=None to cache.set in get_profile()',
          'timeout=None makes the stale entry live forever: worse, not better.',
        ),
      ],
      hint: 'Switch on the remedy and compare step 5.',
      step: 5,
    },
  ],
  snapshot: {
    title: 'Invalidation with model signals:',
    lines: [
      "@receiver(post_save, sender=Profile) and @receiver(post_delete, sender=Profile) → cache.delete(f'user_profile_{instance.pk}').",
      'Receivers run synchronously inside save() and delete(), in the same request.',
      'Django docs, QuerySet.update(): it does not call save() and does not emit pre_save or post_save signals; bulk_update() and raw SQL neither.',
      'After update(), delete the key yourself, or load the instance and save() it.',
      "post_save runs inside save(): in autocommit, as here, the UPDATE has already committed; inside transaction.atomic() or with ATOMIC_REQUESTS it runs before COMMIT: see the 'Invalidate after commit' lesson.",
    ],
  },
  remedy: {
    label: 'Invalidate after update() too',
    description:
      "update_profile_with_queryset() deletes the key itself right after QuerySet.update(), because no signal will. The last read then misses and caches 'bulk_data'.",
    code: {
      caption:
        'Signals cover save() and delete(); the update() path deletes the key explicitly, since QuerySet.update() sends no signal.',
      source: [
        'from django.core.cache import cache',
        'from django.db import models',
        'from django.db.models.signals import post_delete, post_save',
        'from django.dispatch import receiver',
        '',
        'class Profile(models.Model):',
        '    data = models.TextField()',
        '',
        '@receiver(post_save, sender=Profile)',
        '@receiver(post_delete, sender=Profile)',
        'def invalidate_profile(sender, instance, **kwargs):',
        "    cache.delete(f'user_profile_{instance.pk}')",
        '',
        'def get_profile(user_id):',
        "    key = f'user_profile_{user_id}'  # [lookup]",
        '    data = cache.get(key)  # [lookup]',
        '    if data is None:  # [lookup]',
        '        data = Profile.objects.get(pk=user_id).data  # [lookup]',
        '        cache.set(key, data)  # [lookup]',
        '    return data',
        '',
        'def update_profile(user_id, new_data):',
        '    profile = Profile.objects.get(pk=user_id)  # [save]',
        '    profile.data = new_data  # [save]',
        '    profile.save()  # sends post_save  # [save]',
        '',
        'def update_profile_with_queryset(user_id, new_data):',
        '    Profile.objects.filter(pk=user_id).update(data=new_data)  # no signal  # [bulk-update]',
        "    cache.delete(f'user_profile_{user_id}')  # [bulk-update]",
      ].join('\n'),
    },
    steps: {
      1: { code: ['lookup'] },
      2: {
        narration:
          'profile.save() sends post_save, and invalidate_profile deletes the key, exactly as before.',
      },
      3: { narration: "The next read misses and caches 'new_data'.", code: ['lookup'] },
      4: {
        action: 'Bulk fix with update(), then cache.delete()',
        result: 'No signal sent, but the explicit delete removed the entry',
        narration:
          'update() still sends no signal, so update_profile_with_queryset() deletes the key itself on the next line.',
        shows: ['updated', 'deleted'],
        ops: [profileUpdate('bulk_data'), { op: 'cache.delete', key: 'user_profile_42' }],
        stage: 'Receiver deletes the key',
        says: 'The fix is to delete the key after every update(), bulk_update() or raw SQL write, or to use save() so the signal fires.',
      },
      5: {
        result: "Cache miss: 'bulk_data' read from DB and cached",
        narration:
          "The read misses and caches 'bulk_data': no stale read, even though no signal was sent.",
        shows: ['read', 'miss', 'set'],
        code: ['lookup'],
        stage: 'Next read refetches',
        says: 'The fix is to delete the key after every update(), bulk_update() or raw SQL write, or to use save() so the signal fires.',
      },
    },
  },
});
