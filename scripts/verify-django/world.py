"""A real Django 5.2 world for one listing: settings, tiny in-memory apps, a simulated clock,
instrumented cache and ORM calls, and one thread per actor that pauses after each operation.

Used by verify.py (one process per listing, since Django's app registry is set once per
process). Nothing here knows about a particular lesson: the story map (story.py) does.
"""

import ast
import os
import pickle
import re
import re
import sys
import threading
import types
from unittest import mock

import django
from django.conf import settings

WAIT_SECONDS = 20  # a thread that neither pauses nor finishes by then is reported as hung


class SimClock:
    """The simulated clock the cache reads, as Django's own cache tests patch `time.time`."""

    def __init__(self):
        self.now = 0.0
        self.lock = threading.Lock()
        # In a story, time.sleep takes no simulated time (the engine's steps do not model it);
        # a claim about waiting switches this on.
        self.sleep_advances = False

    def time(self):
        return self.now

    def sleep(self, seconds):
        # A sleeping worker never waits in real time.
        if self.sleep_advances:
            self.advance(seconds)

    def advance(self, seconds):
        with self.lock:
            self.now += seconds


# --------------------------------------------------------------------------- the listing


def model_imports(source):
    """`from X.models import A, B` → {'A': 'X', 'B': 'X'}."""
    found = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.endswith('.models'):
            app = node.module[: -len('.models')]
            for alias in node.names:
                found[alias.asname or alias.name] = app
    return found


def defined_models(source):
    """Names of `class X(models.Model)` defined in the listing itself."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                text = ast.unparse(base)
                if text in ('models.Model', 'Model'):
                    names.append(node.name)
    return names


def is_script_statement(node):
    """A top-level statement the lesson runs as a step (a call at module level), not a definition."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
        return False
    return any(isinstance(inner, ast.Call) for inner in ast.walk(node))


def split_listing(source):
    """The listing without its script statements, and those statements by first line."""
    tree = ast.parse(source)
    keep, script = [], {}
    for node in tree.body:
        if is_script_statement(node):
            script[node.lineno] = node
        else:
            keep.append(node)
    module = ast.Module(body=keep, type_ignores=[])
    return module, script


FIELD_TYPES = {str: 'models.TextField()', int: 'models.IntegerField()', float: 'models.FloatField()',
               bool: 'models.BooleanField()'}


def field_decl(values):
    kinds = {type(v) for v in values if v is not None}
    nullable = any(v is None for v in values)
    if len(kinds) > 1 or (kinds and next(iter(kinds)) in (list, dict)):
        return 'models.JSONField(null=True)'
    decl = FIELD_TYPES.get(next(iter(kinds)), 'models.TextField()') if kinds else 'models.TextField(null=True)'
    return decl.replace('()', '(null=True)') if nullable else decl


def write_apps(root, source, models_setup):
    """Tiny apps on disk: each `from X.models import M` gets an app X with M's fields, inferred
    from the lesson's rows; a listing that defines its models becomes the models of app `lesson`."""
    imports = model_imports(source)
    own = defined_models(source)
    apps = {}
    for model, rows in models_setup.items():
        if model in own:
            continue
        app = imports.get(model, 'labmodels')
        fields = {}
        for row in rows:
            for name, value in row['fields'].items():
                fields.setdefault(name, []).append(value)
        apps.setdefault(app, []).append((model, fields))
    for app, models_ in apps.items():
        os.makedirs(os.path.join(root, app), exist_ok=True)
        open(os.path.join(root, app, '__init__.py'), 'w').close()
        lines = ['from django.db import models', '']
        for model, fields in models_:
            lines.append(f'class {model}(models.Model):')
            for name, values in fields.items():
                lines.append(f'    {name} = {field_decl(values)}')
            if not fields:
                lines.append('    pass')
            lines.append('')
        with open(os.path.join(root, app, 'models.py'), 'w') as f:
            f.write('\n'.join(lines))
    names = sorted(apps)
    if own:
        os.makedirs(os.path.join(root, 'lesson'), exist_ok=True)
        open(os.path.join(root, 'lesson', '__init__.py'), 'w').close()
        module, _ = split_listing(source)
        with open(os.path.join(root, 'lesson', 'models.py'), 'w') as f:
            f.write(ast.unparse(module) + '\n')
        names.append('lesson')
    return names


# ------------------------------------------------------------------------ instrumentation


class Recorder:
    """Per-thread operation events. A thread may pause just before an operation starts; the
    event is recorded as it starts (so a save comes before the receivers it sets off, as in the
    engine's outcomes)."""

    def __init__(self):
        self.local = threading.local()

    def state(self):
        s = self.local
        if not hasattr(s, 'actor'):
            s.actor = None
            s.cache_depth = 0
            s.orm_depth = 0
        return s

    def wrap(self, owner, name, kind, layer):
        original = getattr(owner, name)
        recorder = self

        def wrapper(*args, **kwargs):
            s = recorder.state()
            actor = s.actor
            nested = (layer == 'cache' and s.cache_depth > 0) or (layer in ('orm', 'atomic') and s.orm_depth > 0)
            if actor is None or nested:
                return original(*args, **kwargs)
            actor.before_operation()
            event = {'kind': kind, 'error': None}
            actor.events.append(event)
            if layer == 'cache':
                s.cache_depth += 1
            elif layer == 'orm':
                s.orm_depth += 1
            try:
                return original(*args, **kwargs)
            except BaseException as error:  # noqa: BLE001 - recorded, then re-raised
                event['error'] = f'{type(error).__name__}: {error}'
                raise
            finally:
                if layer == 'cache':
                    s.cache_depth -= 1
                elif layer == 'orm':
                    s.orm_depth -= 1

        wrapper.__wrapped__ = original
        setattr(owner, name, wrapper)


CACHE_METHODS = {
    'get': 'cache.get', 'set': 'cache.set', 'add': 'cache.add', 'delete': 'cache.delete',
    'touch': 'cache.touch', 'incr': 'cache.incr', 'decr': 'cache.decr', 'has_key': 'cache.has_key',
    'get_many': 'cache.get_many', 'set_many': 'cache.set_many', 'delete_many': 'cache.delete_many',
    'get_or_set': 'cache.get_or_set', 'incr_version': 'cache.incr_version',
    'decr_version': 'cache.decr_version', 'clear': 'cache.clear',
}


def instrument(recorder):
    from django.core.cache.backends.locmem import LocMemCache
    from django.db import transaction
    from django.db.models import Model, QuerySet

    for name, kind in CACHE_METHODS.items():
        recorder.wrap(LocMemCache, name, kind, 'cache')
    for name in ('get', 'update', 'delete', 'create', 'bulk_create', 'bulk_update', 'get_or_create',
                 'update_or_create'):
        recorder.wrap(QuerySet, name, f'orm.{name}', 'orm')
    recorder.wrap(Model, 'save', 'orm.save', 'orm')
    recorder.wrap(Model, 'delete', 'orm.delete', 'orm')
    recorder.wrap(transaction.Atomic, '__enter__', 'atomic.enter', 'atomic')
    recorder.wrap(transaction.Atomic, '__exit__', 'atomic.exit', 'atomic')
    recorder.wrap(transaction, 'on_commit', 'on_commit', 'hook')


# --------------------------------------------------------------------------------- actors


class Actor(threading.Thread):
    """One request or worker: its own thread, its own DB connection, paused between operations."""

    def __init__(self, name, world):
        super().__init__(name=f'actor:{name}', daemon=True)
        self.actor_name = name
        self.world = world
        self.cond = world.cond
        self.budget = 0
        self.used = 0
        self.job = None
        self.busy = False
        self.waiting = False
        self.events = []
        self.results = []  # (job label, return value repr or None, error text or None)
        self.stopping = False
        self.db = None
        self.start()

    def run(self):
        self.world.recorder.state().actor = self
        from django.db import connection, connections

        # This thread's own connection, so the driver can read what its open transaction sees.
        self.db = connections['default']

        while True:
            with self.cond:
                while self.job is None and not self.stopping:
                    self.cond.wait()
                if self.job is None:
                    break
                label, fn = self.job
            value, error = None, None
            try:
                value = repr(fn())
            except BaseException as exc:  # noqa: BLE001 - a listing's exception is a result
                error = f'{type(exc).__name__}: {exc}'
            with self.cond:
                self.results.append((label, value, error))
                self.job = None
                self.busy = False
                self.budget = self.used
                self.cond.notify_all()
        connection.close()

    def before_operation(self):
        """The gate: once the step's operations are used up, wait here for the next step."""
        with self.cond:
            while self.used >= self.budget and not self.stopping:
                self.waiting = True
                self.cond.notify_all()
                self.cond.wait()
            self.waiting = False
            self.used += 1

    def advance(self, count, job=None):
        """Let the thread run `count` more operations (starting `job` first, if given) and on up
        to the next one. Returns 'paused' (waiting before an operation), 'finished' (the call
        ended), 'busy' (a job was given while the previous call is still paused) or 'hung'."""
        with self.cond:
            if job is not None:
                if self.busy:
                    return 'busy'
                self.job = job
                self.busy = True
            self.budget = self.used + count
            self.cond.notify_all()
            self.waiting = False
            ok = self.cond.wait_for(lambda: not self.busy or self.waiting, WAIT_SECONDS)
            if not ok:
                return 'hung'
            return 'paused' if self.busy else 'finished'

    def finish(self):
        """Let a paused call run to its end (used when the story is over)."""
        with self.cond:
            self.budget = 10**9
            self.cond.notify_all()
            return self.cond.wait_for(lambda: not self.busy, WAIT_SECONDS)

    def stop(self):
        with self.cond:
            self.stopping = True
            self.cond.notify_all()
        self.join(WAIT_SECONDS)


# ---------------------------------------------------------------------------------- world


class World:
    def __init__(self, root, source, setup):
        self.root = root
        self.source = source
        self.setup = setup
        self.clock = SimClock()
        self.cond = threading.Condition()
        self.recorder = Recorder()
        self.actors = {}
        cache_setup = setup.get('cache') or {}
        apps = write_apps(os.path.join(root, 'apps'), source, setup['models'])
        sys.path.insert(0, os.path.join(root, 'apps'))
        cache_conf = {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache', 'LOCATION': 'lab'}
        if 'timeout' in cache_setup:
            cache_conf['TIMEOUT'] = cache_setup['timeout']
        options = {}
        if 'maxEntries' in cache_setup:
            options['MAX_ENTRIES'] = cache_setup['maxEntries']
        if 'cullFrequency' in cache_setup:
            options['CULL_FREQUENCY'] = cache_setup['cullFrequency']
        if options:
            cache_conf['OPTIONS'] = options
        settings.configure(
            INSTALLED_APPS=apps,
            DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3',
                                   'NAME': os.path.join(root, 'db.sqlite3'),
                                   'OPTIONS': {'timeout': 2}}},
            CACHES={'default': cache_conf},
            DEFAULT_AUTO_FIELD='django.db.models.AutoField',
            USE_TZ=True,
        )
        # As Django's cache tests do: the backends read the patched clock, nothing else does.
        fake_time = types.SimpleNamespace(time=self.clock.time, sleep=self.clock.sleep)
        self.patches = [mock.patch('django.core.cache.backends.locmem.time', fake_time),
                        mock.patch('django.core.cache.backends.base.time', fake_time)]
        for patch in self.patches:
            patch.start()
        django.setup()
        from django.apps import apps as registry
        from django.db import connection

        connection.cursor().execute('PRAGMA journal_mode=WAL')
        self.models = {}
        for model in setup['models']:
            self.models[model] = next(m for m in registry.get_models() if m.__name__ == model)
        with connection.schema_editor() as editor:
            for model in self.models.values():
                editor.create_model(model)
        self.reset_rows()
        self.sql_count = 0
        instrument(self.recorder)
        self.module, self.script = self.load_listing()

    def reset_rows(self, extra_rows=None):
        for name, model in self.models.items():
            model.objects.all().delete()
            rows = list(self.setup['models'][name]) + list((extra_rows or {}).get(name, []))
            model.objects.bulk_create([model(pk=row['pk'], **row['fields']) for row in rows])

    def load_listing(self):
        """Compile and run the listing as a module (its models come from the apps)."""
        if defined_models(self.source):
            import lesson.models as module  # noqa: F401 - the listing itself, already imported
            _, script = split_listing(self.source)
        else:
            tree, script = split_listing(self.source)
            module = types.ModuleType('listing')
            module.__file__ = 'listing.py'
            sys.modules['listing'] = module
            exec(compile(tree, 'listing.py', 'exec'), module.__dict__)
        # The listing's own `import time`: sleeping lets simulated time pass.
        if isinstance(module.__dict__.get('time'), types.ModuleType):
            module.time = types.SimpleNamespace(sleep=self.clock.sleep, time=self.clock.time)
        # The listing's own `import uuid`: tokens are numbered in call order, as the engine's
        # literal 'token-N' values are, so a lock's value can be compared.
        if isinstance(module.__dict__.get('uuid'), types.ModuleType):
            counter = iter(range(10**6))
            module.uuid = types.SimpleNamespace(
                uuid4=lambda: types.SimpleNamespace(hex=f'token-{next(counter)}'))
        return module, script

    def actor(self, name):
        if name not in self.actors:
            self.actors[name] = Actor(name, self)
        return self.actors[name]

    def job_for_call(self, expr):
        code = compile(expr, '<story>', 'eval')
        return (expr, lambda: eval(code, self.module.__dict__))

    def job_for_lines(self, lines):
        nodes = [self.script[line] for line in lines]
        code = compile(ast.Module(body=nodes, type_ignores=[]), 'listing.py', 'exec')
        label = 'lines ' + ', '.join(str(n) for n in lines)
        return (label, lambda: exec(code, self.module.__dict__))

    # ------------------------------------------------------------------------ state

    def cache_entries(self):
        from django.core.cache import cache

        with cache._lock:
            return [
                {'key': key, 'value': repr(pickle.loads(value)), 'expiresAt': cache._expire_info.get(key)}
                for key, value in cache._cache.items()
            ]

    def db_rows(self):
        rows = []
        for name in sorted(self.models):
            model = self.models[name]
            fields = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
            for values in model.objects.order_by('pk').values('pk', *fields):
                rows.append({'model': name, 'pk': values['pk'],
                             'fields': {f: repr(values[f]) for f in fields}})
        return rows

    def rows_seen_by(self, actor):
        """The rows as `actor`'s own connection sees them (its uncommitted writes included), read
        while its thread is paused; None when it is not inside a transaction."""
        db = actor.db
        if db is None or db.connection is None or not db.in_atomic_block:
            return None
        rows = []
        for name in sorted(self.models):
            model = self.models[name]
            fields = [f for f in model._meta.concrete_fields if not f.primary_key]
            columns = ', '.join([model._meta.pk.column] + [f.column for f in fields])
            sql = f'SELECT {columns} FROM {model._meta.db_table} ORDER BY {model._meta.pk.column}'
            for values in db.connection.execute(sql).fetchall():
                rows.append({'model': name, 'pk': values[0],
                             'fields': {f.attname: repr(v) for f, v in zip(fields, values[1:])}})
        return rows

    def close(self):
        for actor in self.actors.values():
            actor.stop()
        for patch in self.patches:
            patch.stop()


TRANSACTION_SQL = re.compile(r'^\s*(SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT)\b', re.I)


def queries_counter(world):
    """Count the SQL statements every connection runs (for practice's 'queries' questions)."""
    from django.db.backends.signals import connection_created

    def wrapper(execute, sql, params, many, context):
        # The listing's queries, not the driver's; transaction control is not a query.
        if world.recorder.state().actor is not None and not TRANSACTION_SQL.match(sql):
            world.sql_count += 1
        return execute(sql, params, many, context)

    def on_created(sender, connection, **kwargs):
        connection.execute_wrappers.append(wrapper)

    connection_created.connect(on_created, weak=False)
    from django.db import connection

    connection.execute_wrappers.append(wrapper)
    return wrapper


KEY_RE = re.compile(r'^:1:')
