// Engine speed and size: a seeded random trace of 1k / 10k / 100k operations (16 rows, 3 actors),
// timed (median of several runs) and weighed (retained heap of the trace divided by its frames,
// after a full GC, before and after every frame's text is read).
// Run on its own: `node --expose-gc scripts/bench/engine.mjs` (prints JSON on the last line).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Build src/engine as a plain ES module (no minification) and import it. */
export async function importEngine() {
  const out = mkdtempSync(join(tmpdir(), 'dcl-engine-'));
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir: out,
        emptyOutDir: true,
        minify: false,
        lib: { entry: join(root, 'src/engine/index.ts'), formats: ['es'], fileName: 'engine' },
        rollupOptions: { external: [] },
      },
    });
    return await import(pathToFileURL(join(out, 'engine.js')).href);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

function heap() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Time `runs` runs of `lesson` (wall and CPU ms, medians) after two untimed runs of the same
 * lesson: V8 reoptimises the engine for a trace of this size (after the previous size's GC,
 * on paths the small warm-up did not reach), and that first-run cost is reported on its own
 * (`firstMs`), not mixed into the median. Locals die with the call.
 */
function time(engine, lesson, runs) {
  const f0 = performance.now();
  engine.run(lesson);
  const firstMs = performance.now() - f0;
  engine.run(lesson);
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i += 1) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const frames = engine.run(lesson).frames.length;
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (frames !== lesson.steps.length + 1) throw new Error('wrong frame count');
  }
  return { ms: median(wall), msMin: Math.min(...wall), cpuMs: median(cpu), firstMs };
}

/** Retained heap of one trace per frame, before and after every frame is read as JSON. */
function weigh(engine, lesson) {
  const before = heap();
  let trace = engine.run(lesson);
  const retained = heap() - before;
  let chars = 0;
  for (const frame of trace.frames) chars += JSON.stringify(frame).length;
  const read = heap() - before;
  const frames = trace.frames.length;
  trace = null;
  return {
    bytesPerFrame: Math.round(retained / frames),
    bytesPerFrameRead: Math.round(read / frames),
    jsonCharsPerFrame: Math.round(chars / frames),
  };
}

export async function engineBench({ sizes = [1_000, 10_000, 100_000] } = {}) {
  if (typeof globalThis.gc !== 'function') throw new Error('run node with --expose-gc');
  const engine = await importEngine();
  // Warm up the JIT on other seeds.
  for (let i = 0; i < 3; i += 1)
    engine.run(engine.randomLesson(100 + i, { steps: 2_000, rows: 16, actors: 3 }));
  const results = [];
  for (const n of sizes) {
    const lesson = engine.randomLesson(20261128, { steps: n, rows: 16, actors: 3 });
    const runs = n >= 100_000 ? 3 : 7;
    results.push({
      operations: n,
      frames: n + 1,
      runs,
      ...time(engine, lesson, runs),
      ...weigh(engine, lesson),
    });
  }
  // The sandbox scenario for the latency bench, as the Sandbox view's "Random scenario" makes it.
  const sandboxText = JSON.stringify(engine.randomLesson(7, { steps: 500 }), null, 2);
  return { results, sandboxText };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bench = await engineBench();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(bench));
  } else {
    for (const r of bench.results) {
      console.log(
        `engine ${r.operations.toLocaleString('en')} ops: ${r.ms.toFixed(1)} ms wall / ${r.cpuMs.toFixed(1)} ms CPU, median of ${r.runs} (min ${r.msMin.toFixed(1)}; first run ${r.firstMs.toFixed(1)}), ` +
          `${r.bytesPerFrame} B/frame retained, ${r.bytesPerFrameRead} B/frame after reading every frame`,
      );
    }
  }
}
