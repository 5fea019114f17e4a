import type { Lesson, Op } from '../engine';
import { seedColumns } from './building-blocks';

/**
 * "Let it expire": no invalidation at all, only `timeout=60`. A simulated clock shows the
 * stale window after a price change, the expiry at exactly 60 seconds after the set, the lazy
 * purge on the next read, and what `timeout=None` and `timeout=0` mean.
 */

/** `get_price(42)`: cache-aside with a 60-second timeout. */
const readPrice: Op = {
  op: 'request',
  key: 'price_42',
  model: 'Product',
  pk: 42,
  field: 'price',
  timeout: 60,
  as: 'price',
};

export const ttlExpiry: Lesson = {
  id: 'ttl-expiry',
  title: 'Let it expire: timeouts',
  summary:
    'A timeout bounds how long stale data can be served; None never expires and 0 does not cache.',
  group: 'Strategies',
  difficulty: 'Beginner',
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
    language: 'python',
    caption:
      'get_price caches for 60 seconds; change_price does not invalidate. The last lines show timeout=None and timeout=0.',
    source: [
      'from django.core.cache import cache',
      'from shop.models import Product',
      '',
      'def get_price(pk):',
      "    key = f'price_{pk}'",
      '    price = cache.get(key)',
      '    if price is None:',
      '        price = Product.objects.get(pk=pk).price',
      '        cache.set(key, price, timeout=60)',
      '    return price',
      '',
      'def change_price(pk, new_price):',
      '    product = Product.objects.get(pk=pk)',
      '    product.price = new_price',
      '    product.save()  # no delete: the timeout bounds staleness',
      '',
      '# timeout=None never expires; timeout=0 does not cache',
      "cache.set('site_banner', 'Sale!', timeout=None)",
      "cache.set('flash_deal', 'Half price', timeout=0)",
      "deal = cache.get('flash_deal')  # None",
      "banner = cache.get('site_banner')  # an hour later: 'Sale!'",
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
      cacheKey: 'price_42',
      result: 'Cache stores 10 until t=60s',
      narration:
        'The first read misses, loads the price and caches it with timeout=60. The Cache panel shows the seconds it has left.',
      ops: [readPrice],
      lines: [5, 6, 7, 8, 9],
      stage: 0,
      transcript: 0,
    },
    {
      action: 'Price changed in DB',
      cacheKey: '-',
      result: 'Cache still has 10',
      narration:
        'At t=10s the price becomes 12. change_price deliberately does not touch the cache: the timeout is the only invalidation.',
      ops: [
        { op: 'clock.advance', seconds: 10 },
        { op: 'db.save', model: 'Product', pk: 42, fields: { price: { literal: 12 } } },
      ],
      lines: [13, 14, 15],
      stage: 1,
      skippable: true,
      transcript: 1,
    },
    {
      action: 'Read inside the window',
      cacheKey: 'price_42',
      result: 'User sees stale data: 10',
      narration:
        'At t=40s the entry is alive, so the read is a hit on 10 while the database says 12. This is the stale window the timeout allows.',
      ops: [{ op: 'clock.advance', seconds: 30 }, readPrice],
      lines: [5, 6, 7, 10],
      stage: 2,
      transcript: 2,
    },
    {
      action: 'Read one second before expiry',
      cacheKey: 'price_42',
      result: 'Still stale: 1 second left',
      narration:
        'At t=59s the entry still has one second to live. Staleness is bounded by the timeout, not removed.',
      ops: [{ op: 'clock.advance', seconds: 19 }, readPrice],
      lines: [5, 6, 7, 10],
      stage: 2,
      transcript: 2,
    },
    {
      action: 'Clock reaches t=60s',
      cacheKey: 'price_42',
      result: 'Entry expired; not purged yet',
      narration:
        'Exactly 60 seconds after the set the entry expires. LocMemCache leaves it in memory, greyed in the Cache panel, until something reads it.',
      ops: [{ op: 'clock.advance', seconds: 1 }],
      lines: [],
      stage: 3,
      skippable: true,
      transcript: 3,
    },
    {
      action: 'Next read refetches',
      cacheKey: 'price_42',
      result: 'Expired entry purged; miss caches 12',
      narration:
        'cache.get finds the expired entry, deletes it and returns None. The view reads 12 and caches it for another 60 seconds.',
      ops: [readPrice],
      lines: [5, 6, 7, 8, 9],
      stage: 4,
      transcript: 4,
    },
    {
      action: 'Cache a value with timeout=None',
      cacheKey: 'site_banner',
      result: 'Stored with no expiry',
      narration:
        'timeout=None means the entry never expires; only a delete, a clear or culling removes it.',
      ops: [{ op: 'cache.set', key: 'site_banner', value: { literal: 'Sale!' }, timeout: null }],
      lines: [18],
      stage: 0,
      transcript: 5,
    },
    {
      action: 'Cache a value with timeout=0',
      cacheKey: 'flash_deal',
      result: 'Not cached: get returns None',
      narration:
        'timeout=0 stores the value already expired, so the very next cache.get misses. It does not mean "use the default".',
      ops: [
        {
          op: 'cache.set',
          key: 'flash_deal',
          value: { literal: 'Half price' },
          timeout: 0,
        },
        { op: 'cache.get', key: 'flash_deal', as: 'deal' },
      ],
      lines: [19, 20],
      stage: 0,
      transcript: 6,
    },
    {
      action: 'An hour later',
      cacheKey: 'site_banner',
      result: 'Banner still cached; price_42 expired',
      narration:
        'At t=3660s the banner is still a hit, while price_42 (set at t=60s) expired at t=120s and waits to be purged.',
      ops: [
        { op: 'clock.advance', seconds: 3600 },
        { op: 'cache.get', key: 'site_banner', as: 'banner' },
      ],
      lines: [21],
      stage: 3,
      transcript: 7,
    },
  ],
  columns: seedColumns('clock'),
  tableNote:
    'A timeout bounds staleness; it does not remove it. Cache states list live entries only.',
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
      options: ['10', '12', 'None', "{'price_42': 12}"],
      answer: 0,
      hint: "Look at the Clock column and the 'Cache State Before' of step 3.",
      step: 3,
      explanation:
        'The entry cached at t=0s is alive until t=60s, so step 3 is a hit on 10 even though the database holds 12.',
      feedback: [
        '',
        'The database holds 12, but a hit never reads the database.',
        'None would mean a miss; the entry is still alive.',
        'get_price returns the price, not the cache; and the cache holds 10, not 12.',
      ],
    },
    {
      question: 'price_42 was set at t=0s with timeout=60. From when is it no longer served?',
      options: ['t=59s', 't=60s', 't=61s', 't=70s, 60 seconds after the price change'],
      answer: 1,
      hint: 'Compare the Cache State After of steps 4 and 5.',
      step: 5,
      explanation:
        'An entry is alive while now < set time + timeout, and expired from exactly t=60s.',
      feedback: [
        'At t=59s it still has one second left: step 4 is a hit.',
        '',
        'It is already gone at t=60s; there is no extra second.',
        'The timeout counts from the cache.set, not from the database change.',
      ],
    },
    {
      question:
        "What does cache.get('flash_deal') return right after cache.set('flash_deal', 'Half price', timeout=0)?",
      options: ["'Half price'", 'None', 'It raises ValueError', "'Half price', for 300 seconds"],
      answer: 1,
      hint: 'Look at the Result of step 8.',
      step: 8,
      explanation:
        'timeout=0 stores the value already expired: the next get misses and returns None.',
      feedback: [
        'With timeout=0 the value is expired as soon as it is stored.',
        '',
        'cache.set accepts 0 and raises nothing; ValueError is what incr raises for a missing key.',
        'Leaving the timeout out uses the 300-second default; passing 0 means do not cache.',
      ],
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
  transcript: [
    'The price is read through the cache and stored with a timeout of 60 seconds.',
    'At ten seconds the price changes in the database, and nothing invalidates the cache.',
    'Until the entry expires every read is a hit on the old price: that is the stale window.',
    'Exactly 60 seconds after the set the entry expires, but it stays in memory until it is read.',
    'The next read purges the expired entry, misses, and caches the new price for another 60 seconds.',
    'A timeout of None caches a value forever.',
    'A timeout of 0 does not cache it: the next get returns None.',
    'An hour later the banner is still cached while the price has long expired.',
  ],
};
