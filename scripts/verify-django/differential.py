"""The random-operations differential: replay the engine's seeded operation sequences
(differential.ts) on a real Django 5.2 LocMemCache and ORM, and compare every result and the
cache (keys, values, expiry, order) and rows after every operation.

    python differential.py EXPORT.json      prints JSON results (one check)
"""

import json
import math
import os
import pickle
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

MAX_PROBLEMS = 6
SOURCE = 'from django.core.cache import cache\nfrom profiles.models import Profile\n'
SETUP = {'models': {'Profile': [{'pk': 1, 'fields': {'data': 'p1'}}, {'pk': 2, 'fields': {'data': 'p2'}}]}}


def unwire(value):
    if isinstance(value, dict) and set(value) == {'float'}:
        return float(value['float'])
    if isinstance(value, dict):
        return {k: unwire(v) for k, v in value.items()}
    if isinstance(value, list):
        return [unwire(v) for v in value]
    return value


def same_expiry(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, abs_tol=1e-9)


def run_case(world, index, case):
    from django.core.cache.backends.locmem import LocMemCache
    from django.db import connection, transaction
    from django.db.models.signals import post_delete, post_save

    Profile = world.models['Profile']
    world.reset_rows()
    world.clock.now = 0.0
    params = {}
    settings = case['settings']
    if 'timeout' in settings:
        params['TIMEOUT'] = settings['timeout']
    options = {}
    if settings.get('maxEntries') is not None:
        options['MAX_ENTRIES'] = settings['maxEntries']
    if settings.get('cullFrequency') is not None:
        options['CULL_FREQUENCY'] = settings['cullFrequency']
    params['OPTIONS'] = options
    cache = LocMemCache(f'differential-{index}', params)
    cache.clear()

    def on_save(sender, instance, **kwargs):
        if case['postSave'] == 'raise':
            raise RuntimeError('post_save receiver')
        if case['postSave'] == 'delete-key':
            cache.delete(f'profile_{instance.pk}')

    def on_delete(sender, instance, **kwargs):
        if case['postDelete'] in ('on-commit-set', 'on-commit-then-raise'):
            pk = instance.pk
            transaction.on_commit(lambda: cache.set(f'deleted_{pk}', 1))
        if case['postDelete'] in ('raise', 'on-commit-then-raise'):
            raise RuntimeError('post_delete receiver')

    post_save.connect(on_save, sender=Profile, weak=False, dispatch_uid='diff-save')
    post_delete.connect(on_delete, sender=Profile, weak=False, dispatch_uid='diff-delete')
    blocks = []
    problems = []

    def call(op):
        kind = op['op']
        key = unwire(op.get('key'))
        value = unwire(op.get('value'))
        kwargs = {'timeout': op['timeout']} if 'timeout' in op else {}
        if kind == 'set':
            return cache.set(key, value, **kwargs)
        if kind == 'add':
            return cache.add(key, value, **kwargs)
        if kind == 'get_or_set':
            return cache.get_or_set(key, value, **kwargs)
        if kind == 'get':
            return cache.get(key, 'MISSING')
        if kind == 'delete':
            return cache.delete(key)
        if kind == 'has_key':
            return cache.has_key(key)
        if kind == 'incr_version':
            return cache.incr_version(key)
        if kind == 'touch':
            return cache.touch(key, **kwargs)
        if kind == 'incr':
            return cache.incr(key, op['delta'])
        if kind == 'decr':
            return cache.decr(key, op['delta'])
        if kind == 'get_many':
            return cache.get_many([unwire(k) for k in op['keys']])
        if kind == 'delete_many':
            return cache.delete_many([unwire(k) for k in op['keys']])
        if kind == 'set_many':
            return cache.set_many({unwire(k): value for k in op['keys']}, **kwargs)
        if kind == 'advance':
            world.clock.advance(op['seconds'])
            return None
        if kind == 'clear':
            return cache.clear()
        if kind == 'save':
            return Profile(pk=op['pk'], data=op['data']).save()
        if kind == 'delete_row':
            instance = Profile.objects.filter(pk=op['pk']).first()
            if instance is None:
                return False
            instance.delete()
            return True
        if kind == 'begin':
            block = transaction.atomic()
            block.__enter__()
            blocks.append(block)
            return None
        if kind in ('commit', 'rollback'):
            block = blocks.pop()
            if kind == 'commit':
                block.__exit__(None, None, None)
            else:
                error = RuntimeError('rollback')
                block.__exit__(RuntimeError, error, None)
            return None
        raise ValueError(f'unknown op {kind}')

    try:
        for number, step in enumerate(case['ops'], start=1):
            op = step['op']
            try:
                result = repr(call(op))
            except Exception as error:  # noqa: BLE001 - compared with the engine's error
                result = f'{type(error).__name__}: {error}'
            where = f"case {index} op {number} {json.dumps(op)}"
            if result != step['result']:
                problems.append(f"{where}: engine returned {step['result']}, Django {result}")
            entries = [(k, repr(pickle.loads(v)), cache._expire_info.get(k)) for k, v in cache._cache.items()]
            engine = step['cache']
            if [(k, v) for k, v, _ in entries] != [(k, v) for k, v, _ in engine] or not all(
                    same_expiry(a[2], b[2]) for a, b in zip(entries, engine)):
                problems.append(f'{where}: cache engine {engine}, Django {entries}')
            if step['depth'] == 0 and not connection.in_atomic_block:
                rows = [[pk, repr(data)] for pk, data in Profile.objects.order_by('pk').values_list('pk', 'data')]
                engine_rows = [r for r in step['rows']]
                if rows != engine_rows:
                    problems.append(f'{where}: rows engine {engine_rows}, Django {rows}')
            if problems:
                break
    finally:
        while blocks:
            blocks.pop().__exit__(RuntimeError, RuntimeError('cleanup'), None)
        post_save.disconnect(dispatch_uid='diff-save', sender=Profile)
        post_delete.disconnect(dispatch_uid='diff-delete', sender=Profile)
    return problems


def main():
    from world import World

    cases = json.load(open(sys.argv[1]))['differential']
    problems = []
    with tempfile.TemporaryDirectory(prefix='verify-django-diff-') as root:
        world = World(root, SOURCE, SETUP)
        try:
            for index, case in enumerate(cases):
                found = run_case(world, index, case)
                problems.extend(found[:1])
                if len(problems) >= MAX_PROBLEMS:
                    break
        finally:
            world.close()
    print(json.dumps([{'id': 'differential:random-ops',
                       'text': f'{len(cases)} random cache/ORM operation sequences, engine vs Django',
                       'problems': problems}]))


if __name__ == '__main__':
    main()
