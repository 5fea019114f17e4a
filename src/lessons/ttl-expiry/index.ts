import { defineLesson, right, wrong } from '../kit';
import { seedColumns } from '../building-blocks';
import { meta } from './meta';
import { LOCMEM_PER_PROCESS } from '../notes';

export const ttlExpiry = defineLesson({
  meta,
  flow: [
    'Cache with a timeout',
    'Data changes in DB',
    'Stale until the timeout',
    'Entry expires',
    'Next read refetches',
  ],
  flowCaption:
    'Nothing deletes the key: each entry carries a timeout, and once it passes the next read goes back to the database.',
  code: {
    caption:
      'get_price caches for 60 seconds; change_price does not invalidate. The last lines show timeout=None and timeout=0.',
    source: [
      'from django.core.cache import cache',
      'from shop.models import Product',
      '',
      'def get_price(pk):',
      "    key = f'price_{pk}'  # [lookup]",
      '    price = cache.get(key)  # [lookup]',
      '    if price is None:  # [lookup]',
      '        price = Product.objects.get(pk=pk).price  # [miss]',
      '        cache.set(key, price, timeout=60)  # [miss]',
      '    return price  # [return]',
      '',
      'def change_price(pk, new_price):',
      '    product = Product.objects.get(pk=pk)  # [save]',
      '    product.price = new_price  # [save]',
      '    product.save()  # no delete: the timeout bounds staleness  # [save]',
      '',
      '# timeout=None never expires; timeout=0 does not cache',
      "cache.set('site_banner', 'Sale!', timeout=None)  # [set]",
      "cache.set('flash_deal', 'Half price', timeout=0)  # [lookup-2]",
      "deal = cache.get('flash_deal')  # None  # [lookup-2]",
      "banner = cache.get('site_banner')  # an hour later: 'Sale!'  # [lookup-3]",
    ].join('\n'),
  },
  setup: {
    models: { Product: [{ pk: 42, fields: { price: 10 } }] },
    cache: { timeout: 300 },
    bindings: [{ key: 'price_{pk}', model: 'Product', pk: 42, field: 'price' }],
  },

  steps: [
    {
      action: 'Cache the price for 60 seconds',
      result: 'Cache stores 10 until t=60s',
      narration:
        'The first read misses, loads the price and caches it with timeout=60. The Cache panel shows the seconds it has left.',
      shows: ['read', 'miss', 'set'],
      ops: [
        {
          op: 'request',
          key: 'price_42',
          model: 'Product',
          pk: 42,
          field: 'price',
          timeout: 60,
          as: 'price',
        },
      ],
      code: ['lookup', 'miss'],
      stage: 'Cache with a timeout',
      says: 'The price is read through the cache and stored with a timeout of 60 seconds.',
    },
    {
      action: 'Price changed in DB',
      result: 'Cache still has 10',
      narration:
        'At t=10s change_price loads the product with get() and saves the price 12. It deliberately does not touch the cache: the timeout is the only invalidation.',
      shows: ['clock', 'read', 'saved'],
      ops: [
        { op: 'clock.advance', seconds: 10 },
        { op: 'db.get', model: 'Product', pk: 42, field: 'price' },
        { op: 'db.save', model: 'Product', pk: 42, fields: { price: { literal: 12 } } },
      ],
      code: ['save'],
      stage: 'Data changes in DB',
      skippable: true,
      says: 'At ten seconds the price changes in the database, and nothing invalidates the cache.',
    },
    {
      action: 'Read inside the window',
      result: 'User sees stale data: 10',
      narration:
        'At t=40s the entry is alive, so the read is a hit on 10 while the database says 12. This is the stale window the timeout allows.',
      shows: ['clock', 'stale'],
      ops: [
        { op: 'clock.advance', seconds: 30 },
        {
          op: 'request',
          key: 'price_42',
          model: 'Product',
          pk: 42,
          field: 'price',
          timeout: 60,
          as: 'price',
        },
      ],
      code: ['lookup', 'return'],
      stage: 'Stale until the timeout',
      says: 'Until the entry expires every read is a hit on the old price: that is the stale window.',
    },
    {
      action: 'Read one second before expiry',
      result: 'Still stale: 1 second left',
      narration:
        'At t=59s the entry still has one second to live. Staleness is bounded by the timeout, not removed.',
      shows: ['clock', 'stale'],
      ops: [
        { op: 'clock.advance', seconds: 19 },
        {
          op: 'request',
          key: 'price_42',
          model: 'Product',
          pk: 42,
          field: 'price',
          timeout: 60,
          as: 'price',
        },
      ],
      code: ['lookup', 'return'],
      stage: 'Stale until the timeout',
      says: 'Until the entry expires every read is a hit on the old price: that is the stale window.',
    },
    {
      action: 'Clock reaches t=60s',
      cacheKey: 'price_42',
      result: 'Entry expired; not purged yet',
      narration:
        'Exactly 60 seconds after the set the entry expires. LocMemCache leaves it in memory, greyed in the Cache panel, until something reads it.',
      shows: ['clock'],
      ops: [{ op: 'clock.advance', seconds: 1 }],
      code: [],
      stage: 'Entry expires',
      skippable: true,
      says: 'Exactly 60 seconds after the set the entry expires, but it stays in memory until it is read.',
    },
    {
      action: 'Next read refetches',
      result: 'Expired entry purged; miss caches 12',
      narration:
        'cache.get finds the expired entry, deletes it and returns None. The view reads 12 and caches it for another 60 seconds.',
      shows: ['read', 'miss', 'set'],
      ops: [
        {
          op: 'request',
          key: 'price_42',
          model: 'Product',
          pk: 42,
          field: 'price',
          timeout: 60,
          as: 'price',
        },
      ],
      code: ['lookup', 'miss'],
      stage: 'Next read refetches',
      says: 'The next read purges the expired entry, misses, and caches the new price for another 60 seconds.',
    },
    {
      action: 'Cache a value with timeout=None',
      result: 'Stored with no expiry',
      narration:
        'timeout=None means the entry never expires; only a delete, a clear, culling or the end of the process removes it: LocMemCache lives in process memory, so a restart or a new worker starts empty.',
      shows: ['set'],
      ops: [{ op: 'cache.set', key: 'site_banner', value: { literal: 'Sale!' }, timeout: null }],
      code: ['set'],
      stage: 'Cache with a timeout',
      says: 'A timeout of None caches a value forever.',
    },
    {
      action: 'Cache a value with timeout=0',
      result: 'Not cached: get returns None',
      narration:
        'timeout=0 stores the value already expired, so the very next cache.get misses. It does not mean "use the default".',
      shows: ['miss', 'set'],
      ops: [
        { op: 'cache.set', key: 'flash_deal', value: { literal: 'Half price' }, timeout: 0 },
        { op: 'cache.get', key: 'flash_deal', as: 'deal' },
      ],
      code: ['lookup-2'],
      stage: 'Cache with a timeout',
      says: 'A timeout of 0 does not cache it: the next get returns None.',
    },
    {
      action: 'An hour later',
      result: 'Banner still cached; price_42 expired',
      narration:
        'At t=3660s the banner is still a hit, while price_42 (set at t=60s) expired at t=120s and waits to be purged.',
      shows: ['clock', 'hit'],
      ops: [
        { op: 'clock.advance', seconds: 3600 },
        { op: 'cache.get', key: 'site_banner', as: 'banner' },
      ],
      code: ['lookup-3'],
      stage: 'Entry expires',
      says: 'An hour later the banner is still cached while the price has long expired.',
    },
  ],
  columns: seedColumns('clock'),
  tableNote: `A timeout bounds staleness; it does not remove it. Cache states list live entries only. ${LOCMEM_PER_PROCESS}`,
  tracked: [
    { name: 'cache', source: 'cache' },
    { name: 'price', source: 'var', var: 'price' },
    { name: 'db_price', source: 'db', model: 'Product', pk: 42, field: 'price' },
    { name: 'clock', source: 'clock' },
  ],
  keyMoments: [
    {
      question: 'Why does step 3 still serve 10 after the price changed?',
      answer:
        'Nothing deleted price_42. The entry is alive until t=60s, so cache.get is a hit and the database is not asked. A timeout only limits how long this can last.',
      step: 3,
    },
    {
      question: 'Is the entry alive at t=59s? At t=60s?',
      answer:
        'Set at t=0s with timeout=60, it is alive while the clock is below 60 and expired from exactly t=60s. The expired entry stays in memory until the next read purges it (step 6).',
      step: 5,
    },
    {
      question: 'What do timeout=None and timeout=0 mean?',
      answer:
        'None caches the value forever (step 7 and step 9). 0 does not cache it: the value is stored already expired, so cache.get returns None at once (step 8). Leaving the argument out uses TIMEOUT, 300 seconds by default.',
      step: 8,
    },
  ],
  quiz: [
    {
      question: 'At t=40s (step 3), what does get_price(42) return?',
      options: [
        right(
          '10',
          'The entry cached at t=0s is alive until t=60s, so step 3 is a hit on 10 even though the database holds 12.',
        ),
        wrong('12', 'The database holds 12, but a hit never reads the database.'),
        wrong('None', 'None would mean a miss; the entry is still alive.'),
        wrong(
          "{'price_42': 12}",
          'get_price returns the price, not the cache; and the cache holds 10, not 12.',
        ),
      ],
      hint: "Look at the Clock column and the 'Cache State Before' of step 3.",
      step: 3,
    },
    {
      question: 'price_42 was set at t=0s with timeout=60. From when is it no longer served?',
      options: [
        wrong('t=59s', 'At t=59s it still has one second left: step 4 is a hit.'),
        right(
          't=60s',
          'An entry is alive while now < set time + timeout, and expired from exactly t=60s.',
        ),
        wrong('t=61s', 'It is already gone at t=60s; there is no extra second.'),
        wrong(
          't=70s, 60 seconds after the price change',
          'The timeout counts from the cache.set, not from the database change.',
        ),
      ],
      hint: 'Compare the Cache State After of steps 4 and 5.',
      step: 5,
    },
    {
      question:
        "What does cache.get('flash_deal') return right after cache.set('flash_deal', 'Half price', timeout=0)?",
      options: [
        wrong("'Half price'", 'With timeout=0 the value is expired as soon as it is stored.'),
        right(
          'None',
          'timeout=0 stores the value already expired: the next get misses and returns None.',
        ),
        wrong(
          'It raises ValueError',
          'cache.set accepts 0 and raises nothing; ValueError is what incr raises for a missing key.',
        ),
        wrong(
          "'Half price', for 300 seconds",
          'Leaving the timeout out uses the 300-second default; passing 0 means do not cache.',
        ),
      ],
      hint: 'Look at the Result of step 8.',
      step: 8,
    },
  ],
  snapshot: {
    title: 'Timeouts (TTL) in Django:',
    lines: [
      'timeout=60: the entry is alive while now < set time + 60 and gone from exactly 60 seconds on.',
      "No timeout argument uses the cache's TIMEOUT, 300 seconds by default (Django docs, 'Cache arguments').",
      "timeout=None caches forever; a timeout of 0 won't cache the value (Django docs, 'Basic usage').",
      'LocMemCache removes expired entries lazily: the next get() purges and misses.',
      'A timeout bounds staleness, it does not remove it: a change can go unseen for the whole timeout.',
    ],
  },
});
