/**
 * Random operation sequences for the differential check (differential.py): each case is a cache
 * configuration plus a seeded sequence of cache and ORM operations, run here on the engine with
 * every result and the state after every operation recorded, so the Python side can replay the
 * same sequence on real Django and compare.
 *
 * Values cross to Python as JSON; numbers that JSON cannot carry or would turn into ints are
 * tagged: `{ float: '1e-05' }` (Python `float('1e-05')`).
 */
import { createCache, createClock, createDatabase, createRng, pyRepr } from '../../src/engine';
import type { CacheKey, Rng } from '../../src/engine';

type Wire = string | number | boolean | null | { float: string } | Wire[] | { [k: string]: Wire };

/** A float key as JS holds it and as Python should parse it. */
const FLOAT_KEYS: [number, string][] = [
  [0.1, '0.1'],
  [0.00001, '1e-05'],
  [1e16, '1e+16'],
  [-0, '-0.0'],
  [2.5, '2.5'],
  [Infinity, 'inf'],
  [-Infinity, '-inf'],
  [2.5e-7, '2.5e-07'],
  [123456789.125, '123456789.125'],
];
const OTHER_KEYS: CacheKey[] = ['a', 'b', 'user 1', 7, 0, -3];
const VALUES: Wire[] = [1, 2, 'x', 'old', null, true, [1, 'a'], { k: 1 }, 0];
const TIMEOUTS: (number | null | undefined)[] = [undefined, undefined, null, 0, -1, 5, 30];

export interface Op {
  op: string;
  key?: Wire;
  keys?: Wire[];
  value?: Wire;
  timeout?: number | null;
  delta?: number;
  seconds?: number;
  pk?: number;
  data?: string;
}

/** `inMap`: a JS Map cannot hold -0 as a key (it becomes 0), so get_many / set_many skip it. */
function wireKey(rng: Rng, inMap = false): { js: CacheKey; wire: Wire } {
  if (rng.int(0, 1) === 0) {
    const [js, text] = rng.pick(inMap ? FLOAT_KEYS.filter(([k]) => !Object.is(k, -0)) : FLOAT_KEYS);
    return { js, wire: { float: text } };
  }
  const js = rng.pick(OTHER_KEYS);
  return { js, wire: js };
}

function jsValue(wire: Wire): unknown {
  return wire === null || typeof wire !== 'object' || Array.isArray(wire)
    ? structuredClone(wire)
    : { ...wire };
}

const timeoutField = (t: number | null | undefined) => (t === undefined ? {} : { timeout: t });

export function differentialCases(count: number, seed = 1) {
  const rng = createRng(seed);
  const cases = [];
  for (let c = 0; c < count; c += 1) {
    const settings = {
      timeout: rng.pick<number | string | null | undefined>([undefined, 60, '60', ' 30 ', null]),
      maxEntries: rng.pick<number | string | undefined>([undefined, 4, '4', ' 5\n', '٤', 'x']),
      cullFrequency: rng.pick<number | string | undefined>([undefined, 2, '2', 0, '0', '3.0']),
    };
    const postSave = rng.pick(['none', 'raise', 'delete-key']);
    const postDelete = rng.pick(['none', 'raise', 'on-commit-set', 'on-commit-then-raise']);
    const clock = createClock();
    const cache = createCache({ clock, ...settings });
    const db = createDatabase({
      models: {
        Profile: [
          { pk: 1, fields: { data: 'p1' } },
          { pk: 2, fields: { data: 'p2' } },
        ],
      },
    });
    db.connect('post_save', 'Profile', (event) => {
      if (postSave === 'raise')
        throw Object.assign(new Error('post_save receiver'), { name: 'RuntimeError' });
      if (postSave === 'delete-key') cache.delete(`profile_${event.instance.pk}`);
    });
    db.connect('post_delete', 'Profile', (event) => {
      if (postDelete === 'on-commit-set' || postDelete === 'on-commit-then-raise') {
        db.onCommit(() => void cache.set(`deleted_${event.instance.pk}`, 1));
      }
      if (postDelete === 'raise' || postDelete === 'on-commit-then-raise') {
        throw Object.assign(new Error('post_delete receiver'), { name: 'RuntimeError' });
      }
    });
    let depth = 0;
    const ops: {
      op: Op;
      result: string;
      cache: [string, string, number | null][];
      rows: unknown;
      depth: number;
    }[] = [];
    const length = rng.int(5, 25);
    for (let i = 0; i < length; i += 1) {
      const kind = rng.pick([
        'set',
        'set',
        'add',
        'get',
        'get',
        'delete',
        'touch',
        'incr',
        'decr',
        'has_key',
        'incr_version',
        'get_or_set',
        'get_many',
        'set_many',
        'delete_many',
        'advance',
        'advance',
        'clear',
        'save',
        'delete_row',
        'begin',
        'commit',
        'rollback',
      ]);
      const inMap = kind === 'get_many' || kind === 'set_many';
      const { js: key, wire } = wireKey(rng, inMap);
      const value = rng.pick(VALUES);
      const timeout = rng.pick(TIMEOUTS);
      let op: Op;
      let call: () => unknown;
      switch (kind) {
        case 'set':
          op = { op: kind, key: wire, value, ...timeoutField(timeout) };
          call = () => cache.set(key, jsValue(value), timeout);
          break;
        case 'add':
          op = { op: kind, key: wire, value, ...timeoutField(timeout) };
          call = () => cache.add(key, jsValue(value), timeout);
          break;
        case 'get_or_set':
          op = { op: kind, key: wire, value, ...timeoutField(timeout) };
          call = () => cache.getOrSet(key, jsValue(value), timeout);
          break;
        case 'get':
          op = { op: kind, key: wire };
          call = () => cache.get(key, 'MISSING');
          break;
        case 'delete':
        case 'has_key':
        case 'incr_version':
          op = { op: kind, key: wire };
          call = () =>
            kind === 'delete'
              ? cache.delete(key)
              : kind === 'has_key'
                ? cache.hasKey(key)
                : cache.incrVersion(key);
          break;
        case 'touch':
          op = { op: kind, key: wire, ...timeoutField(timeout) };
          call = () => cache.touch(key, timeout);
          break;
        case 'incr':
        case 'decr': {
          const delta = rng.int(1, 3);
          op = { op: kind, key: wire, delta };
          call = () => (kind === 'incr' ? cache.incr(key, delta) : cache.decr(key, delta));
          break;
        }
        case 'get_many':
        case 'delete_many': {
          const other = wireKey(rng, inMap);
          op = { op: kind, keys: [wire, other.wire] };
          call = () =>
            kind === 'get_many'
              ? cache.getMany([key, other.js])
              : cache.deleteMany([key, other.js]);
          break;
        }
        case 'set_many': {
          const other = wireKey(rng, inMap);
          op = { op: kind, keys: [wire, other.wire], value, ...timeoutField(timeout) };
          call = () =>
            cache.setMany(
              new Map<CacheKey, unknown>([
                [key, jsValue(value)],
                [other.js, jsValue(value)],
              ]),
              timeout,
            );
          break;
        }
        case 'advance': {
          const seconds = rng.pick([1, 5, 29, 30, 31, 60]);
          op = { op: kind, seconds };
          call = () => clock.advance(seconds);
          break;
        }
        case 'clear':
          op = { op: kind };
          call = () => cache.clear();
          break;
        case 'save': {
          const pk = rng.int(1, 3);
          const data = `d${i}`;
          op = { op: kind, pk, data };
          call = () => db.save('Profile', pk, { data });
          break;
        }
        case 'delete_row': {
          const pk = rng.int(1, 3);
          op = { op: kind, pk };
          call = () => db.delete('Profile', pk);
          break;
        }
        case 'begin':
          op = { op: kind };
          call = () => {
            db.begin();
            depth += 1;
          };
          break;
        default:
          // commit / rollback only inside a block (Python's __exit__ needs a matching __enter__).
          op = { op: depth > 0 ? kind : 'get', key: wire };
          call =
            depth > 0
              ? () => {
                  depth -= 1;
                  if (kind === 'commit') db.commit();
                  else db.rollback();
                }
              : () => cache.get(key, 'MISSING');
      }
      let result: string;
      try {
        result = pyRepr(call());
      } catch (error) {
        const err = error as Error;
        result = `${err.name}: ${err.message}`;
      }
      ops.push({
        op,
        result,
        cache: cache.entries().map((e) => [e.key, pyRepr(e.value), e.expiresAt]),
        rows: db.rows().map((r) => [r.pk, pyRepr(r.fields.data ?? null)]),
        depth,
      });
    }
    cases.push({ settings, postSave, postDelete, ops });
  }
  return cases;
}
