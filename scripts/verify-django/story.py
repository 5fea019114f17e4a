"""The story map: which Python call from a lesson's listing each step starts, keyed by lesson id,
variant ('main' / 'remedy') and step. A lesson whose step count changes fails loudly until this
map is updated, so a changed lesson is never checked against an old story.

A step is one of:
  call('expr')   start `expr` (evaluated in the listing's module) on the step's actor thread;
  cont()         let that actor's paused call go on;
  lines(18, 19)  run those top-level statements of the listing (module-level code);
  idle()         nothing runs in Python (a step that only moves the clock).
The thread advances by the number of operations the engine ran in the step (cache calls, ORM
calls, atomic() entry/exit, on_commit) unless `run=N` says otherwise. The driver moves the
simulated clock by the step's clock.advance ops before the step's code runs.
"""


def call(expr, run=None):
    return {'do': 'call', 'expr': expr, 'run': run}


def cont(run=None):
    return {'do': 'cont', 'run': run}


def lines(*numbers, run=None):
    return {'do': 'lines', 'lines': list(numbers), 'run': run}


def idle():
    return {'do': 'idle', 'run': 0}


GET42 = call('get_profile(42)')

STORIES = {
    'delete-on-update': {
        'main': [GET42, call("update_profile(42, 'fresh_data')"), cont(), GET42, GET42],
    },
    'no-invalidation': {
        'main': [GET42, call("update_profile(42, 'fresh_data')"), GET42, GET42, idle(), GET42, GET42],
        'remedy': 'main',
    },
    'update-on-write': {
        'main': [
            call('get_title(42)'),
            call("rename(42, 'v2')"),
            call("rename(42, 'v3')"),
            call('get_title(42)'),
            cont(),
            call('get_title(42)'),
            call('get_title(42)'),
        ],
    },
    'ttl-expiry': {
        'main': [
            call('get_price(42)'),
            call('change_price(42, 12)'),
            call('get_price(42)'),
            call('get_price(42)'),
            idle(),
            call('get_price(42)'),
            lines(18),
            lines(19, 20),
            lines(21),
        ],
    },
    'versioned-keys': {
        'main': [
            call('get_article_title(42)'),
            call('get_article_title(7)'),
            call("rename_article(42, 'Intro, 2nd ed.')"),
            cont(),
            call('get_article_title(42)'),
            call('get_article_title(7)'),
            # The lesson simulates an LRU eviction of the counter with a delete.
            call("cache.delete('articles:gen')"),
            call('invalidate_articles()'),
            call('get_article_title(42)'),
            call('get_article_title(42)'),
        ],
    },
    'signal-invalidation': {
        'main': [
            GET42,
            call("update_profile(42, 'new_data')"),
            GET42,
            call("update_profile_with_queryset(42, 'bulk_data')"),
            GET42,
        ],
        'remedy': 'main',
    },
    'on-commit': {
        'main': [GET42, call("update_profile(42, 'new_data')"), cont(), GET42, cont(), GET42],
        'remedy': 'main',
    },
    'stale-set-race': {
        'main': [GET42, cont(), call("update_profile(42, 'new_data')"), cont(), cont(), GET42],
        'remedy': 'main',
    },
    'thundering-herd': {
        'main': [
            GET42,
            call("update_profile(42, 'new_data')"),
            GET42, GET42, GET42, GET42,
            cont(), cont(), cont(), cont(),
        ],
        'remedy': 'main',
    },
}


def story_for(lesson_id, variant):
    stories = STORIES.get(lesson_id)
    if stories is None:
        return None
    story = stories.get(variant)
    if isinstance(story, str):
        story = stories[story]
    return story


# ------------------------------------------------------------------------------------ claims
#
# What a lesson's text promises about its listing beyond the story, each run on real Django
# from a fresh cache (issue 8's findings 1, 4, 5 and 9 are such promises). A claim is a
# function of a Claims helper (verify.py) that returns None when the promise holds, or says
# how Django broke it.

PROFILE = {'read': 'get_profile({pk})', 'write': 'update_profile({pk}, {value!r})', 'key': 'user_profile_{pk}'}


def own_key_invalidated(c, api):
    """Updating profile 7 makes the next read of profile 7 fresh (the key comes from user_id)."""
    c.add_row('Profile', 7, {'data': 'seven_old'})
    c.run(api['read'].format(pk=7))
    c.run(api['read'].format(pk=42))
    c.run(api['write'].format(pk=7, value='seven_new'))
    seen = c.run(api['read'].format(pk=7))
    if seen != repr('seven_new'):
        return f"after update_profile(7, 'seven_new'), get_profile(7) returned {seen}"
    return None


def write_on_fresh_process(c, api):
    """A write on an empty cache (a fresh process, an evicted counter) works and invalidates."""
    c.clear_cache()
    result = c.run_result(api['write'].format(pk=42, value='fresh'))
    if result[2] is not None:
        return f"{api['write'].format(pk=42, value='fresh')} on an empty cache raised {result[2]} (after the save committed: {c.db_value(42)})"
    seen = c.run(api['read'].format(pk=42))
    if seen != repr('fresh'):
        return f'the next read returned {seen}'
    return None


def evicted_counter_no_orphan(c, api):
    """After the generation counter is evicted, a read never serves an older generation's entry."""
    c.run(api['read'].format(pk=42))
    c.run(api['write'].format(pk=42, value='new_data'))
    c.run(api['read'].format(pk=42))
    c.run(f"cache.delete({api['counter']!r})")
    seen = c.run(api['read'].format(pk=42))
    if seen != repr('new_data'):
        return f"after the counter {api['counter']!r} was evicted, the read returned {seen} while the DB holds 'new_data'"
    return None


def herd_one_query(c, api):
    """'One DB query instead of four': two workers that both missed still query once in all."""
    c.run("cache.delete('user_profile_42')")
    c.step('worker 1', 'get_profile(42)', 1)  # miss
    c.step('worker 2', 'get_profile(42)', 1)  # miss
    c.step('worker 1', None, None)  # wins the lock, queries, sets, releases
    c.step('worker 2', None, None)
    queries = c.count('orm.get')
    if queries != 1:
        return f'two workers that missed together ran {queries} Profile queries (the add() winner does not re-check the cache)'
    return None


def herd_bounded_wait(c, api):
    """A waiter is not tied up for the lock's whole timeout when the lock holder died."""
    c.run("cache.add('lock:user_profile_42', 1, 30)")  # a worker took the lock, then died
    c.run("cache.delete('user_profile_42')")
    start = c.clock()
    c.world.clock.sleep_advances = True
    try:
        c.run('get_profile(42)')
    finally:
        c.world.clock.sleep_advances = False
    waited = c.clock() - start
    if waited >= 30:
        return f'a waiter looped for {waited:.2f} simulated seconds (until the dead holder\'s lock expired)'
    return None


def herd_lock_owner(c, api):
    """A worker releases only its own lock, never a lock another worker took after its expired."""
    c.run("cache.delete('user_profile_42')")
    c.step('worker 1', 'get_profile(42)', 3)  # miss, takes the lock, reads the row; then stalls
    c.advance_clock(31)  # its lock expires
    c.step('worker 2', 'get_profile(42)', 2)  # miss, takes the now-free lock
    c.step('worker 1', None, None)  # finishes: sets the key and deletes the lock in finally
    if not c.has_key('lock:user_profile_42'):
        c.step('worker 2', None, None)
        return "worker 1's finally deleted worker 2's lock: a third worker could rebuild at the same time"
    c.step('worker 2', None, None)
    return None


CLAIMS = [
    {
        'id': 'own-key-invalidated',
        'text': 'a write invalidates the key of the row it wrote',
        'check': own_key_invalidated,
        'listings': {
            ('delete-on-update', 'main'): PROFILE,
            ('no-invalidation', 'remedy'): PROFILE,
            ('signal-invalidation', 'main'): PROFILE,
            ('on-commit', 'remedy'): PROFILE,
            ('stale-set-race', 'remedy'): PROFILE,
            ('thundering-herd', 'main'): PROFILE,
            ('thundering-herd', 'remedy'): PROFILE,
        },
    },
    {
        'id': 'write-on-fresh-process',
        'text': 'a write on an empty cache (fresh process, evicted counter) does not raise',
        'check': write_on_fresh_process,
        'listings': {
            ('stale-set-race', 'remedy'): PROFILE,
            ('versioned-keys', 'main'): {'read': 'get_article_title({pk})',
                                         'write': 'rename_article({pk}, {value!r})'},
        },
    },
    {
        'id': 'evicted-counter-no-orphan',
        'text': 'an evicted generation counter does not restart at an old generation',
        'check': evicted_counter_no_orphan,
        'listings': {('stale-set-race', 'remedy'): {**PROFILE, 'counter': 'profile:gen'}},
    },
    {
        'id': 'herd-one-query',
        'text': 'the add() lock lets one worker query the DB',
        'check': herd_one_query,
        'listings': {('thundering-herd', 'remedy'): PROFILE},
    },
    {
        'id': 'herd-bounded-wait',
        'text': 'a waiter does not wait for a dead holder\'s lock to expire',
        'check': herd_bounded_wait,
        'listings': {('thundering-herd', 'remedy'): PROFILE},
    },
    {
        'id': 'herd-lock-owner',
        'text': 'a worker deletes only its own lock',
        'check': herd_lock_owner,
        'listings': {('thundering-herd', 'remedy'): PROFILE},
    },
]
