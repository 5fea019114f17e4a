"""verify:django — run every lesson listing (main and remedy) and the practice questions on real
Django 5.2, and compare with the engine's trace.

    python verify.py EXPORT.json            all checks (one child process per listing)
    python verify.py EXPORT.json --child N  one listing (N = index), prints JSON results
    python verify.py EXPORT.json --practice the practice questions, prints JSON results
    (differential.py EXPORT.json: the random operation sequences, also run from here)

Prints `verify-django: P passed, F failed of N` last and exits non-zero when F > 0.
"""

import ast
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from story import CLAIMS, story_for  # noqa: E402

MAX_PROBLEMS = 6

# ------------------------------------------------------------------ engine trace → expected


def expected_events(step, frame):
    """The operations Django should run in this step, from the engine's outcomes: one per cache
    call, ORM call, atomic() entry or exit and on_commit registration. Clock moves are the
    driver's."""
    out = []
    for o in frame['outcomes']:
        kind = o['kind']
        if kind == 'clock':
            continue
        if kind == 'db.read':
            out.append(('orm.get', None))
        elif kind == 'db.write':
            out.append(({'save': 'orm.save', 'update': 'orm.update', 'delete': 'orm.delete'}[o['how']], None))
        elif kind == 'atomic':
            out.append(('atomic.enter' if o['how'] == 'begin' else 'atomic.exit', None))
        elif kind == 'incrVersion':
            out.append(('cache.incr_version', None))
        elif kind == 'error':
            out.append(('error', o['message']))
        else:
            out.append((f'cache.{kind}', None))
    for op in step['ops']:
        if op['op'] == 'onCommit':
            out.append(('on_commit', None))
    return out


def normalise(events):
    """Python events as (kind, error): an operation that raised reads as the engine's `error`."""
    out = []
    for e in events:
        out.append(('error', e['error']) if e['error'] else (e['kind'], None))
    # A raised exception also fails the ORM call / atomic block around it: keep the innermost.
    cleaned = []
    for item in out:
        if item[0] == 'error' and cleaned and cleaned[-1][0] == 'error' and cleaned[-1][1] == item[1]:
            continue
        cleaned.append(item)
    return cleaned


def same_events(expected, got):
    """In order, except on_commit registrations, which the engine's outcomes do not place."""
    def strip(items):
        return [i for i in items if i[0] != 'on_commit']

    def commits(items):
        return sum(1 for i in items if i[0] == 'on_commit')

    return strip(expected) == strip(got) and commits(expected) == commits(got)


def show(events):
    return '[' + ', '.join(k if m is None else f'{k} ({m})' for k, m in events) + ']'


def compare_cache(engine, django):
    e = [(x['key'], x['value'], None if x['expiresAt'] is None else float(x['expiresAt'])) for x in engine]
    d = [(x['key'], x['value'], None if x['expiresAt'] is None else float(x['expiresAt'])) for x in django]
    if e == d:
        return None
    return f'cache (most recently used first, with expiry): engine {fmt_cache(e)}, Django {fmt_cache(d)}'


def fmt_cache(entries):
    return '{' + ', '.join(f"{k}: {v} @{'never' if t is None else f'{t:g}'}" for k, v, t in entries) + '}'


def seen_by(engine_rows, actor):
    """The engine's rows as `actor` sees them: committed fields with its pending writes over them."""
    out = []
    for row in engine_rows:
        mine = [p for p in row['pending'] if p['actor'] == actor]
        if not mine:
            if row['fields']:
                out.append((row['model'], row['pk'], row['fields']))
            continue
        if mine[-1]['fields'] is None:
            continue
        out.append((row['model'], row['pk'], {**row['fields'], **mine[-1]['fields']}))
    return out


def compare_db(engine, django):
    e = [(r['model'], r['pk'], r['fields']) for r in engine if r['fields']]
    d = [(r['model'], r['pk'], r['fields']) for r in django]
    if e == d:
        return None
    return f'committed rows: engine {e}, Django {d}'


# ---------------------------------------------------------------------------- one listing


def run_listing(entry):
    from world import World, queries_counter

    lesson = f"{entry['id']}/{entry['variant']}"
    results = []
    with tempfile.TemporaryDirectory(prefix='verify-django-') as root:
        world = World(root, entry['source'], entry['setup'])
        queries_counter(world)
        try:
            results.append({'id': f'story:{lesson}', 'text': f'{lesson}: the story on real Django',
                            'problems': run_story(world, entry)})
            for claim in CLAIMS:
                api = claim['listings'].get((entry['id'], entry['variant']))
                if api is None:
                    continue
                helper = Claims(world, claim['id'])
                try:
                    problem = claim['check'](helper, api)
                except Exception as error:  # noqa: BLE001 - a broken claim run is a failure
                    problem = f'{type(error).__name__}: {error}'
                finally:
                    helper.close()
                results.append({'id': f"claim:{claim['id']}:{lesson}",
                                'text': f"{lesson}: {claim['text']}",
                                'problems': [problem] if problem else []})
        finally:
            world.close()
    return results


def run_story(world, entry):
    steps, frames = entry['steps'], entry['frames']
    story = story_for(entry['id'], entry['variant'])
    if story is None:
        return ['no story for this listing in scripts/verify-django/story.py']
    if len(story) != len(steps):
        return [f'story.py maps {len(story)} steps, the lesson has {len(steps)}: update the story map']
    problems = []

    def check_state(index):
        frame = frames[index]
        for problem in (compare_cache(frame['cache'], world.cache_entries()),
                        compare_db(frame['db'], world.db_rows())):
            if problem:
                problems.append(f'after step {index}: {problem}' if index else f'at the start: {problem}')
        # Inside an open transaction an actor sees its own uncommitted writes.
        for name, actor in world.actors.items():
            seen = world.rows_seen_by(actor)
            pending = any(p['actor'] == name for row in frame['db'] for p in row['pending'])
            if seen is None:
                if pending:
                    problems.append(f'after step {index}: the engine holds uncommitted writes of {name}, '
                                    'whose Django connection is not in a transaction')
                continue
            expected = seen_by(frame['db'], name)
            got = [(r['model'], r['pk'], r['fields']) for r in seen]
            if expected != got:
                problems.append(f'after step {index}: rows as {name} sees them inside its transaction: '
                                f'engine {expected}, Django {got}')

    check_state(0)
    for index, (step, plan) in enumerate(zip(steps, story), start=1):
        for op in step['ops']:
            if op['op'] == 'clock.advance':
                world.clock.advance(op['seconds'])
        expected = expected_events(step, frames[index])
        count = len(expected) if plan['run'] is None else plan['run']
        actor = world.actor(step['actor'])
        before = len(actor.events)
        sql_before = world.sql_count
        status = 'idle'
        if plan['do'] == 'call':
            status = actor.advance(count, world.job_for_call(plan['expr']))
        elif plan['do'] == 'lines':
            status = actor.advance(count, world.job_for_lines(plan['lines']))
        elif plan['do'] == 'cont':
            if not actor.busy:
                problems.append(f"step {index}: story.py continues {step['actor']}'s call, but it has ended")
            status = actor.advance(count)
        if status == 'busy':
            problems.append(f"step {index}: {step['actor']} is still inside its previous call")
        if status == 'hung':
            problems.append(f"step {index}: {step['actor']} neither paused nor finished (a lock wait?)")
            break
        got = normalise(actor.events[before:])
        if not same_events(expected, got):
            problems.append(f"step {index} ({step['actor']}): the engine ran {show(expected)}, Django ran {show(got)}")
        engine_queries = frames[index]['queries'] - frames[index - 1]['queries']
        if engine_queries != world.sql_count - sql_before:
            problems.append(f'step {index}: the engine counts {engine_queries} DB queries, Django ran '
                            f'{world.sql_count - sql_before} SQL statements')
        check_state(index)
        if len(problems) >= MAX_PROBLEMS:
            break
    for name, actor in world.actors.items():
        if actor.busy:
            extra = len(actor.events)
            actor.finish()
            more = normalise(actor.events[extra:])
            problems.append(f'{name}: its call had not ended when the story did; Django still ran {show(more)}')
    for name, actor in world.actors.items():
        for label, _value, error in actor.results:
            if error and not any(o['kind'] == 'error' for f in frames for o in f['outcomes']):
                problems.append(f'{name}: {label} raised {error}, the engine raised nothing')
    return problems[:MAX_PROBLEMS]


class Claims:
    """What a claim (story.py) can do: run listing calls to completion or step by step."""

    def __init__(self, world, claim_id):
        from world import Actor

        self.world = world
        self.Actor = Actor
        self.actors = {}
        self.claim_id = claim_id
        from django.core.cache import cache

        self.cache = cache
        world.reset_rows()
        cache.clear()

    def actor(self, name):
        if name not in self.actors:
            self.actors[name] = self.Actor(f'{self.claim_id}:{name}', self.world)
        return self.actors[name]

    def add_row(self, model, pk, fields):
        self.world.models[model].objects.create(pk=pk, **fields)

    def run_result(self, expr, actor='claim'):
        a = self.actor(actor)
        status = a.advance(10**9, self.world.job_for_call(expr))
        if status != 'finished':
            raise RuntimeError(f'{expr} did not finish ({status})')
        return a.results[-1]

    def run(self, expr, actor='claim'):
        _label, value, error = self.run_result(expr, actor)
        return value if error is None else f'<raised {error}>'

    def step(self, actor, expr, count):
        a = self.actor(actor)
        job = None if expr is None else self.world.job_for_call(expr)
        status = a.advance(10**9 if count is None else count, job)
        if status in ('hung', 'busy'):
            raise RuntimeError(f'{actor}: {status}')
        return status

    def count(self, kind):
        return sum(1 for a in self.actors.values() for e in a.events if e['kind'] == kind)

    def clock(self):
        return self.world.clock.now

    def advance_clock(self, seconds):
        self.world.clock.advance(seconds)

    def has_key(self, key):
        return any(e['key'] == f':1:{key}' and (e['expiresAt'] is None or e['expiresAt'] > self.clock())
                   for e in self.world.cache_entries())

    def clear_cache(self):
        self.cache.clear()

    def db_value(self, pk):
        rows = [r for r in self.world.db_rows() if r['pk'] == pk]
        return rows[0]['fields'] if rows else None

    def close(self):
        for a in self.actors.values():
            if a.busy:
                a.finish()
            a.stop()
        self.world.actors.clear()


# ------------------------------------------------------------------------------- practice

REQUEST_RE = re.compile(
    r"^data = cache\.get\('(?P<key>[^']+)'\) → on miss read DB and "
    r"cache\.set\('(?P<key2>[^']+)', data(?:, timeout=(?P<timeout>None|\d+))?\)$")
CLOCK_RE = re.compile(r'^time passes: (?P<seconds>\d+) s$')
READ_WORDS = {'hit': 'Hit: ', 'miss': 'Miss: ', 'stale': 'Stale hit: '}
PRACTICE_SOURCE = 'from django.core.cache import cache\nfrom profiles.models import Profile\n'


def practice_code(code, op):
    """The Python a practice step's shown code stands for, or None for a clock move."""
    match = REQUEST_RE.match(code)
    if match:
        key, timeout = match['key'], match['timeout']
        if match['key2'] != key or op['op'] != 'request' or key != op['key']:
            raise ValueError(f'shown code {code!r} does not match the step')
        pk = int(key.rsplit('_', 1)[1])
        args = '' if timeout is None else f', timeout={timeout}'
        return (f'data = cache.get({key!r})\nif data is None:\n'
                f'    data = Profile.objects.get(pk={pk}).data\n    cache.set({key!r}, data{args})\n')
    match = CLOCK_RE.match(code)
    if match:
        if op['op'] != 'clock.advance' or int(match['seconds']) != op['seconds']:
            raise ValueError(f'shown code {code!r} does not match the step')
        return None
    ast.parse(code)  # the shown line is Python: run it as it is
    return code + '\n'


def dict_of(text):
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None
    return value if isinstance(value, dict) else None


def run_practice(questions):
    from world import World, queries_counter

    setup = {'models': {'Profile': [{'pk': 1, 'fields': {'data': 'v0'}}, {'pk': 2, 'fields': {'data': 'v0'}}]}}
    problems_by_kind = {}
    counted = {}
    with tempfile.TemporaryDirectory(prefix='verify-django-practice-') as root:
        world = World(root, PRACTICE_SOURCE, setup)
        queries_counter(world)
        from django.core.cache import cache

        try:
            for q in questions:
                kind = q['kind']
                counted[kind] = counted.get(kind, 0) + 1
                problems = problems_by_kind.setdefault(kind, [])
                problem = check_practice(world, cache, q)
                if problem and len(problems) < MAX_PROBLEMS:
                    problems.append(f"seed {q['seed']}: {problem}")
        finally:
            world.close()
    return [{'id': f'practice:{kind}', 'text': f'practice {kind}: {counted[kind]} seeds',
             'problems': problems_by_kind[kind]} for kind in sorted(counted)]


def check_practice(world, cache, q):
    world.setup = {'models': q['setup']['models']}
    world.reset_rows()
    cache.clear()
    world.clock.now = 0.0
    world.sql_count = 0
    actor = world.actor('practice')
    n = q['step']
    seen = {}
    for index, (step, code) in enumerate(zip(q['steps'], q['codes']), start=1):
        op = step['ops'][0]
        try:
            python = practice_code(code, op)
        except (ValueError, SyntaxError) as error:
            return f'step {index}: {error}'
        if python is None:
            world.clock.advance(op['seconds'])
        else:
            before = len(actor.events)
            compiled = compile(python, '<practice>', 'exec')
            status = actor.advance(10**9, (code, lambda c=compiled: exec(c, world.module.__dict__)))
            if status != 'finished':
                return f'step {index}: {status}'
            if actor.results[-1][2]:
                return f'step {index}: {code} raised {actor.results[-1][2]}'
            events = actor.events[before:]
            if op['op'] == 'request':
                hit = not any(e['kind'] == 'orm.get' for e in events)
                value = world.module.__dict__['data']
                db = world.models['Profile'].objects.get(pk=op['pk']).data
                seen[index] = ('miss' if not hit else 'hit' if value == db else 'stale', repr(value))
        frame = q['frames'][index]
        problem = compare_cache(frame['cache'], world.cache_entries()) or compare_db(frame['db'], world.db_rows())
        if problem:
            return f'after step {index}: {problem}'
        if index == n:
            now = world.clock.now
            live = [e for e in reversed(world.cache_entries()) if e['expiresAt'] is None or e['expiresAt'] > now]
            state = '{' + ', '.join(f"{e['key'][3:]!r}: {e['value']}" for e in live) + '}'
            queries = world.sql_count
    options, right = q['options'], q['options'][q['answer']]
    if q['kind'] == 'cache-state':
        if right != state:
            return f'the answer is {right}, Django has {state} after step {n}'
        if sum(1 for o in options if dict_of(o) == dict_of(state)) != 1:
            return f'more than one option equals {state}'
    elif q['kind'] == 'queries':
        want = f"{queries} {'query' if queries == 1 else 'queries'}"
        if right != want or options.count(want) != 1:
            return f'the answer is {right!r}, Django ran {want} by step {n}'
    elif q['kind'] in ('read-result', 'seen-value'):
        if n not in seen:
            return f'step {n} is not a read'
        result, value = seen[n]
        if q['kind'] == 'read-result':
            if not right.startswith(READ_WORDS[result]):
                return f'the answer is {right!r}, the read on Django was a {result}'
        elif right != value or options.count(value) != 1:
            return f'the answer is {right}, the user sees {value} on Django'
    return None


# ------------------------------------------------------------------------------ the parent


def child(args):
    script = os.path.join(HERE, 'differential.py') if args[1] == '--differential' else __file__
    argv = [args[0]] if args[1] == '--differential' else args
    proc = subprocess.run([sys.executable, script, *argv], capture_output=True, text=True, timeout=600)
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return [{'id': f"crash:{' '.join(args[1:])}", 'text': 'a child run crashed',
                 'problems': [(proc.stderr or proc.stdout).strip()[-2000:]]}]


def main():
    path = sys.argv[1]
    if len(sys.argv) > 2 and sys.argv[2] == '--child':
        data = json.load(open(path))
        print(json.dumps(run_listing(data['lessons'][int(sys.argv[3])])))
        return 0
    if len(sys.argv) > 2 and sys.argv[2] == '--practice':
        data = json.load(open(path))
        print(json.dumps(run_practice(data['practice'])))
        return 0
    data = json.load(open(path))
    jobs = [[path, '--practice'], [path, '--differential']] + [
        [path, '--child', str(i)] for i in range(len(data['lessons']))]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = [r for batch in pool.map(child, jobs) for r in batch]
    passed = failed = 0
    for r in results:
        if not r['problems']:
            passed += 1
            print(f"ok   {r['id']}")
            continue
        failed += 1
        print(f"FAIL {r['id']}")
        for problem in r['problems']:
            print(f'       {problem}')
    print(f'verify-django: {passed} passed, {failed} failed of {len(results)}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
