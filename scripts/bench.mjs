// Budgets, measured and printed as numbers (README "Budgets"):
//  1. gzipped JavaScript the first view loads (dist/index.html's entry + modulepreloads), ≤ 100 KB;
//  2. time to compute a seeded 10,000-operation random trace with the real engine;
//  3. step-change latency in Chromium on the built site (key press → DOM committed + style/layout), for the
//     default lesson, a four-lane lesson and a 500-step sandbox scenario.
// Run with `npm run bench` (it builds first).
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchChromium, startPreview, stopPreview } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const BUDGET_KB = 100;

function firstViewJs() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g))
    files.add(m[1]);
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file.replace(/^\.\//, '')));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...files], raw, gz };
}

async function engineBench() {
  const out = mkdtempSync(join(tmpdir(), 'dcl-bench-'));
  try {
    await build({
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
    const engine = await import(pathToFileURL(join(out, 'engine.js')).href);
    // The sandbox scenario for the latency bench, as the Sandbox view's "Random scenario" makes it.
    const sandboxText = JSON.stringify(engine.randomLesson(7, { steps: 500 }), null, 2);
    const lesson = engine.randomLesson(20261128, { steps: 10_000, rows: 16, actors: 3 });
    engine.run(engine.randomLesson(1, { steps: 500 })); // warm up the JIT
    const times = [];
    for (let i = 0; i < 5; i += 1) {
      const t0 = performance.now();
      const trace = engine.run(lesson);
      times.push(performance.now() - t0);
      if (trace.frames.length !== 10_001) throw new Error('wrong frame count');
    }
    times.sort((a, b) => a - b);
    return { median: times[2], min: times[0], max: times[4], sandboxText };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Five steps forward and back to the start, ten times over. */
const FORWARD_AND_HOME = [
  'ArrowRight',
  'ArrowRight',
  'ArrowRight',
  'ArrowRight',
  'ArrowRight',
  'Home',
];

/**
 * `storage`: localStorage entries set before the page loads (a saved sandbox scenario);
 * `keys`: one round of key presses, repeated ten times.
 */
async function stepLatency(query, { storage = {}, keys = FORWARD_AND_HOME } = {}) {
  const server = await startPreview(root, 4179);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript((entries) => {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }, storage);
    await page.goto(`http://localhost:4179/${query}`);
    // Lessons other than the default load lazily: wait until the player is there.
    await page
      .getByRole('status')
      .filter({ hasText: /^Step \d+ of/ })
      .waitFor();
    await page.getByRole('region', { name: 'Visual quiz' }).waitFor();
    // Time from the key press until React has committed the new step to the DOM and the
    // browser has recomputed style and layout for it (forced by reading a layout property):
    // the work that has to fit in one 16 ms frame. Paint is not included.
    const samples = await page.evaluate(async (round) => {
      const out = [];
      const status = document.querySelector('[role="status"][aria-live]');
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const stepOnce = (key) =>
        new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            void document.body.offsetHeight;
            resolve(performance.now() - t0);
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
          const t0 = performance.now();
          document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        });
      for (let i = 0; i < 10; i += 1) {
        for (const key of round) {
          await frame();
          out.push(await stepOnce(key));
        }
      }
      return out;
    }, keys);
    samples.sort((a, b) => a - b);
    return {
      median: samples[Math.floor(samples.length / 2)],
      p95: samples[Math.floor(samples.length * 0.95)],
      n: samples.length,
    };
  } finally {
    await browser.close();
    await stopPreview(server);
  }
}

const size = firstViewJs();
const kb = (n) => (n / 1024).toFixed(1);
console.log(
  `first-view JS: ${kb(size.gz)} KiB gzipped at level 9 (${kb(size.raw)} KiB raw) in ${size.files.length} file(s); budget ${BUDGET_KB} KB`,
);
const engine = await engineBench();
console.log(
  `engine: 10,000-operation seeded trace in ${engine.median.toFixed(0)} ms (median of 5; min ${engine.min.toFixed(0)}, max ${engine.max.toFixed(0)})`,
);
// The Sandbox view keeps the loaded scenario's text under this key (src/store/store.ts).
const sandbox = { 'django-cache-lab:v1:sandbox': engine.sandboxText };
for (const [label, query, options] of [
  ['default lesson', ''],
  ['thundering-herd (10 steps, 4 lanes)', '?lesson=thundering-herd'],
  ['sandbox (500 random steps, 2 lanes), steps 0-5', '?lesson=sandbox', { storage: sandbox }],
  // Late in a long trace the table, tracker and timeline hold ~500 reached steps each.
  [
    'sandbox (500 random steps, 2 lanes), steps 490-491',
    '?lesson=sandbox&step=490',
    { storage: sandbox, keys: ['ArrowRight', 'ArrowLeft'] },
  ],
]) {
  const latency = await stepLatency(query, options);
  if (latency) {
    console.log(
      `step change → DOM committed + style/layout, ${label}: median ${latency.median.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms (${latency.n} steps; budget 16 ms)`,
    );
  }
}
if (size.gz / 1024 > BUDGET_KB) {
  console.error(`over budget: first-view JS ${kb(size.gz)} KB > ${BUDGET_KB} KB`);
  process.exit(1);
}
