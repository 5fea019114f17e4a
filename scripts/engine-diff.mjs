// Differential check of the engine against another commit's: builds src/engine as it is at a git
// ref (default `main`) and as it is in the working tree, runs the same generated scenarios
// through both and reports every trace that differs by a byte. The scenarios go where the
// golden traces (test/unit/engine/trace-identity.test.ts) do not: receivers that write, raise
// and recurse, on_commit inside receivers, nested atomic blocks, delete() in and out of atomic,
// versioned keys whose raw keys collide, -0 / NaN / containers / quotes as values, tiny
// MAX_ENTRIES with culling, bindings on missing rows and unknown models, what-if skips and work
// budgets (a budget error must stop both at the same step, `onStep` must see the same steps).
//   node scripts/engine-diff.mjs [--ref main] [--seeds 1000]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const ref = arg('--ref', 'main');
const seeds = Number(arg('--seeds', '1000'));

/** Build `<dir>/src/engine` as a plain ES module and import it. */
async function importEngine(dir, out) {
  await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: out,
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(dir, 'src/engine/index.ts'), formats: ['es'], fileName: 'engine' },
    },
  });
  const file = readdirSync(out).find((name) => name.startsWith('engine'));
  return import(pathToFileURL(join(out, file)).href);
}

/** xorshift32: the same scenarios on every machine. */
function createRandom(seed) {
  let s = (seed * 2654435761 + 7) >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  return {
    next,
    pick: (list) => list[Math.floor(next() * list.length)],
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

const VALUES = [0, -0, 1, 1.5, -1, 1e16, NaN, 'v', "it's", 'a"b', 'é', '\n', '', null, true];
const MORE_VALUES = [false, [1, 'a'], { k: 'v' }, [], {}, [[1]], 'constructor'];
const KEYS = ['k{pk}', 'a_{pk}', 'k1', 'kx', 'gen', ':2:k1', 'k{gen}', 'k{n}', 'sp ace'];
const MODELS = ['A', 'B'];
const PKS = [1, 2, 3, '1', 'x'];

function scenario(seed) {
  const r = createRandom(seed);
  const { pick, int } = r;
  const value = () => ({ literal: pick([...VALUES, ...MORE_VALUES]) });
  const expr = () => (r.next() < 0.7 ? value() : { var: pick(['n', 'gen', 'v', 'missing']) });
  const fields = () => {
    const out = { data: expr() };
    if (r.next() < 0.5) out.other = expr();
    return out;
  };
  const key = () => pick([...KEYS, 'k{constructor}']).replace('{pk}', String(pick([1, 2, 3, 'x'])));
  const op = (depth) => {
    switch (int(0, 26)) {
      case 0:
      case 1:
        return { op: 'cache.get', key: key(), as: pick([undefined, 'v', 'n']) };
      case 2:
      case 3:
        return {
          op: 'cache.set',
          key: key(),
          value: expr(),
          timeout: pick([undefined, null, 0, -1, 5, 300]),
        };
      case 4:
        return {
          op: 'cache.add',
          key: key(),
          value: expr(),
          timeout: pick([undefined, null, 10]),
          as: pick([undefined, 'v']),
        };
      case 5:
        return { op: 'cache.delete', key: key(), as: pick([undefined, 'v']) };
      case 6:
        return { op: 'cache.deleteMany', keys: [key(), pick(KEYS)] };
      case 7:
        return { op: 'cache.touch', key: key(), timeout: pick([undefined, null, 0, 30]) };
      case 8:
        return {
          op: 'cache.incr',
          key: pick(['gen', key()]),
          delta: pick([undefined, 1, -2]),
          as: pick([undefined, 'gen']),
        };
      case 9:
        return { op: 'cache.incrVersion', key: key(), as: pick([undefined, 'n']) };
      case 10:
        return {
          op: 'db.get',
          model: pick(MODELS),
          pk: pick(PKS),
          field: pick(['data', 'other', 'constructor']),
          as: pick([undefined, 'v']),
        };
      case 11:
      case 12:
        return { op: 'db.save', model: pick(MODELS), pk: pick(PKS), fields: fields() };
      case 13:
        return { op: 'db.update', model: pick(MODELS), pk: pick(PKS), fields: fields() };
      case 14:
        return { op: 'db.delete', model: pick(MODELS), pk: pick(PKS) };
      case 15:
      case 16:
        return { op: 'atomic.begin' };
      case 17:
        return { op: 'atomic.commit' };
      case 18:
        return { op: 'atomic.rollback' };
      case 19:
      case 20:
        return depth > 1
          ? { op: 'atomic.commit' }
          : { op: 'onCommit', ops: [op(depth + 1), op(depth + 1)].slice(0, int(1, 2)) };
      case 21:
      case 22:
        return {
          op: 'request',
          key: key(),
          model: pick(MODELS),
          pk: pick(PKS),
          field: pick(['data', 'other']),
          timeout: pick([undefined, null, 5, 300]),
          as: pick([undefined, 'v']),
        };
      case 23:
      case 24:
        return { op: 'clock.advance', seconds: pick([1, 5, 30, 61, 0.5, 299]) };
      case 25:
        return { op: 'set.var', name: pick(['n', 'gen', 'v']), value: expr() };
      default:
        return { op: 'db.get', model: 'C', pk: 1, field: 'data' }; // LookupError
    }
  };
  const receiverOp = () =>
    pick([
      () => ({ op: 'cache.delete', key: pick(['k{pk}', 'a_{pk}', 'k1']) }),
      () => ({ op: 'cache.set', key: 'k{pk}', value: expr() }),
      () => ({ op: 'cache.incr', key: pick(['gen', 'nokey']) }),
      () => ({ op: 'db.save', model: pick(MODELS), pk: pick(PKS), fields: fields() }),
      () => ({ op: 'db.get', model: pick(MODELS), pk: pick(PKS), field: 'data', as: 'v' }),
      () => ({ op: 'onCommit', ops: [{ op: 'cache.delete', key: 'k{pk}' }] }),
      () => ({ op: 'cache.get', key: 'k{pk}', as: 'v' }),
      () => ({ op: 'request', key: 'k{pk}', model: pick(MODELS), pk: pick(PKS), field: 'data' }),
    ])();
  const receivers = Array.from({ length: int(0, 3) }, () => ({
    signal: pick(['post_save', 'post_delete']),
    model: pick(MODELS),
    ops: Array.from({ length: int(1, 3) }, receiverOp),
    lines: r.next() < 0.5 ? [int(1, 9), int(1, 9)] : undefined,
  }));
  const actors = ['request', 'worker', 'w2'].slice(0, int(1, 3));
  const steps = Array.from({ length: int(5, 60) }, (_, i) => ({
    action: `s${i}`,
    cacheKey: '-',
    result: `r${i}`,
    narration: `n${i}`,
    ops: Array.from({ length: int(1, 3) }, () => op(0)),
    lines: [int(1, 9)],
    stage: int(-1, 2),
    actor: r.next() < 0.8 ? pick(actors) : undefined,
    skippable: r.next() < 0.3,
    transcript: r.next() < 0.2 ? int(0, 3) : undefined,
    display:
      r.next() < 0.1
        ? { cacheBefore: 'B', cacheAfter: r.next() < 0.5 ? 'A' : undefined }
        : undefined,
  }));
  const models = {
    A: [
      { pk: 1, fields: { data: 'v0', other: 1 } },
      { pk: 'x', fields: { data: [1, 2] } },
    ],
    B: [{ pk: 2, fields: { data: -0 } }],
  };
  if (r.next() < 0.3) models.B.push({ pk: '1', fields: { data: { a: 1 } } });
  const cache =
    r.next() < 0.4
      ? { maxEntries: int(1, 5), cullFrequency: int(0, 3), timeout: pick([undefined, null, 10, 0]) }
      : undefined;
  const bindings = [
    { key: 'k{pk}', model: 'A', pk: 1, field: 'data' },
    { key: 'a_{pk}', model: pick(MODELS), pk: 1, field: pick(['data', 'other']) },
    { key: 'k1', model: 'B', pk: 2, field: 'data' },
    { key: ':2:k1', model: 'A', pk: 'x', field: 'data' },
  ].slice(0, int(0, 4));
  const tracked = [
    { name: 'cache', source: 'cache' },
    { name: 'n', source: 'var', var: 'n' },
    { name: 'v', source: 'var', var: 'v' },
    { name: 'd', source: 'db', model: 'A', pk: 1, field: 'data' },
    { name: 'e', source: 'db', model: 'B', pk: 2, field: 'data' },
    { name: 'clock', source: 'clock' },
    { name: 'queries', source: 'queries' },
  ].filter(() => r.next() < 0.7);
  return {
    id: `diff-${seed}`,
    title: 't',
    summary: 's',
    group: 'Strategies',
    difficulty: 'Advanced',
    flow: ['x'],
    flowCaption: 'c',
    code: { language: 'python', source: '', caption: '' },
    setup: {
      models,
      cache,
      receivers,
      bindings,
      vars: r.next() < 0.5 ? { n: 1, gen: 1 } : undefined,
    },
    steps,
    columns: [],
    tracked,
    keyMoments: [],
    quiz: [],
    snapshot: { title: '', lines: [] },
    transcript: [],
  };
}

/** Everything a run shows: every frame as JSON, or where and why it stopped, and the steps. */
function outcome(engine, lesson, options) {
  const steps = [];
  try {
    const trace = engine.run(lesson, { ...options, onStep: (step) => steps.push(step) });
    return `${JSON.stringify(trace)} | ${steps.join(',')}`;
  } catch (error) {
    return `${error.name}: ${error.message} ${error.step ?? ''} | ${steps.join(',')}`;
  }
}

const work = mkdtempSync(join(tmpdir(), 'dcl-engine-diff-'));
try {
  const old = join(work, 'ref');
  mkdirSync(old);
  execFileSync('sh', ['-c', `git archive "${ref}" src/engine | tar -x -C "${old}"`], { cwd: root });
  symlinkSync(join(root, 'node_modules'), join(old, 'node_modules'));
  const before = await importEngine(old, join(work, 'ref-out'));
  const after = await importEngine(root, join(work, 'tree-out'));
  let runs = 0;
  let differ = 0;
  for (let seed = 0; seed < seeds; seed += 1) {
    const lesson = scenario(seed);
    const skippable = lesson.steps.flatMap((step, i) => (step.skippable ? [i + 1] : []));
    for (const options of [
      {},
      { skip: skippable.slice(0, 2) },
      { maxWork: 30 + (seed % 50) * 7 },
      { skip: [1], maxWork: 200 },
    ]) {
      runs += 1;
      const a = outcome(before, structuredClone(lesson), options);
      const b = outcome(after, structuredClone(lesson), options);
      if (a === b) continue;
      differ += 1;
      if (differ <= 3) {
        let i = 0;
        while (a[i] === b[i]) i += 1;
        console.log(`seed ${seed} ${JSON.stringify(options)} differs at character ${i}:`);
        console.log(`  ${ref}: …${a.slice(Math.max(0, i - 120), i + 120)}`);
        console.log(`  tree: …${b.slice(Math.max(0, i - 120), i + 120)}`);
      }
    }
  }
  console.log(`${runs} runs of ${seeds} scenarios: ${differ} differ from ${ref}`);
  process.exitCode = differ === 0 ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
