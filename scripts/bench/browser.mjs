// In-browser measurements with Playwright on Debian's Chromium: key press to painted frame,
// layout shift on deep links, and main-thread work per step with and without motion.
// Pages are driven by roles and names (and the document's own key bindings), not by layout.

/** Five steps forward and back to the start. */
export const FORWARD_AND_HOME = [
  'ArrowRight',
  'ArrowRight',
  'ArrowRight',
  'ArrowRight',
  'ArrowRight',
  'Home',
];

const median = (xs) => xs[Math.floor(xs.length / 2)];
const p95 = (xs) => xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/** Open `url` and wait until the app (or the counter) shows its live status. */
export async function openApp(browser, url, { storage = {}, viewport, reducedMotion } = {}) {
  const page = await browser.newPage({ viewport: viewport ?? { width: 1280, height: 800 } });
  if (reducedMotion) await page.emulateMedia({ reducedMotion });
  await page.addInitScript((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, storage);
  await page.goto(url);
  return page;
}

/** Wait for the player (lazily loaded lessons included) to say "Step N of M". */
export async function waitForPlayer(page, steps) {
  const status = page
    .getByRole('status')
    .filter({ hasText: /Step \d+ of \d+/ })
    .first();
  await status.waitFor({ timeout: 30_000 });
  if (steps !== undefined) {
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(`of ${steps}\\b`) })
      .first()
      .waitFor({ timeout: 30_000 });
  }
}

/**
 * Key press → next painted frame: a keydown is dispatched on the document (outside any frame
 * callback, as real input arrives); once the DOM has changed (React committed), the next
 * requestAnimationFrame is the frame that shows it, and the one after runs once that frame has
 * been painted. `rounds` repetitions of `keys`; median and p95 in ms.
 */
export async function keyToPaint(page, { keys = FORWARD_AND_HOME, rounds = 10 } = {}) {
  const samples = await page.evaluate(
    async ({ keys, rounds }) => {
      const target = document.getElementById('root') ?? document.body;
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const task = () => new Promise((resolve) => setTimeout(resolve, 0));
      const press = (key) =>
        new Promise((resolve) => {
          let t0 = 0;
          const timer = setTimeout(() => {
            observer.disconnect();
            resolve(null);
          }, 3000);
          const observer = new MutationObserver(() => {
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() =>
              requestAnimationFrame(() => resolve(performance.now() - t0)),
            );
          });
          observer.observe(target, {
            childList: true,
            characterData: true,
            attributes: true,
            subtree: true,
          });
          t0 = performance.now();
          document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        });
      const out = [];
      for (let round = 0; round < rounds; round += 1) {
        for (const key of keys) {
          await frame();
          await task();
          const ms = await press(key);
          if (ms !== null) out.push(ms);
        }
      }
      return out;
    },
    { keys, rounds },
  );
  samples.sort((a, b) => a - b);
  if (samples.length === 0) return null;
  return { median: median(samples), p95: p95(samples), n: samples.length, samples };
}

/**
 * Several pages' key-press-to-paint runs as one figure: the median of the pages' medians (a
 * page during a busy moment of the machine moves it less than pooling would), the p95 of every
 * sample, and how many of each.
 */
export function summarisePaint(runs) {
  const pages = runs.filter(Boolean);
  if (pages.length === 0) return null;
  const all = pages.flatMap((run) => run.samples).sort((a, b) => a - b);
  const medians = pages.map((run) => run.median).sort((a, b) => a - b);
  return {
    median: median(medians),
    p95: p95(all),
    n: all.length,
    pages: pages.length,
    pageMedians: pages.map((run) => run.median),
  };
}

/** Layout shift (sum of shifts without recent input) while `url` loads and settles. */
export async function layoutShift(browser, url, viewport) {
  const page = await browser.newPage({ viewport });
  try {
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (!entry.hadRecentInput) window.__cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1500);
    return await page.evaluate(() => window.__cls);
  } finally {
    await page.close();
  }
}

/**
 * Main-thread time (CDP TaskDuration) per step change, each step followed by `settle` ms so
 * its animations run to the end; with motion on and with `prefers-reduced-motion: reduce`,
 * alternated for `rounds` rounds (one page each), medians: a single page of each swung the
 * ratio by ±0.1 on this shared machine.
 */
export async function mainThreadPerStep(
  browser,
  url,
  { settle = 1200, keys = FORWARD_AND_HOME, rounds = 3 } = {},
) {
  const samples = { motionOn: [], reducedMotion: [] };
  const once = async (reducedMotion) => {
    const page = await openApp(browser, url, { reducedMotion });
    try {
      await waitForPlayer(page);
      await page.waitForTimeout(1000);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const taskSeconds = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')
          .value;
      // The same idle wait without a step, to subtract what the page does anyway.
      const idle0 = await taskSeconds();
      await page.waitForTimeout(settle);
      const idle = (await taskSeconds()) - idle0;
      const t0 = await taskSeconds();
      for (const key of keys) {
        await page.keyboard.press(key);
        await page.waitForTimeout(settle);
      }
      const total = (await taskSeconds()) - t0;
      return Math.max(0, ((total - idle * keys.length) / keys.length) * 1000);
    } finally {
      await page.close();
    }
  };
  for (let round = 0; round < rounds; round += 1) {
    samples.motionOn.push(await once('no-preference'));
    samples.reducedMotion.push(await once('reduce'));
  }
  const out = {
    motionOn: median([...samples.motionOn].sort((a, b) => a - b)),
    reducedMotion: median([...samples.reducedMotion].sort((a, b) => a - b)),
    samples,
  };
  out.ratio = out.reducedMotion > 0 ? out.motionOn / out.reducedMotion : null;
  return out;
}
