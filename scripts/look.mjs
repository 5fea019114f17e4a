// Dev aid: screenshot views of dist/ for a person to look at.
// node scripts/look.mjs out-dir "name|query|width|height|scheme|keys" ...
// keys: a comma list of keys to press before the shot (e.g. "ArrowRight,ArrowRight").
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startPreview, stopPreview } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [out, ...specs] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const port = Number(process.env.LOOK_PORT ?? 4179);
const server = await startPreview(root, port);
const browser = await launchChromium();
try {
  for (const spec of specs) {
    const [name, query, width = '1366', height = '768', scheme = 'light', keys = ''] =
      spec.split('|');
    const page = await browser.newPage({
      viewport: { width: Number(width), height: Number(height) },
      colorScheme: scheme,
      reducedMotion: 'reduce',
    });
    page.on('pageerror', (e) => console.log(name, 'pageerror', e.message));
    await page.goto(`http://localhost:${port}/${query}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForTimeout(400);
    for (const key of keys.split(',').filter(Boolean)) {
      await page.keyboard.press(key);
      await page.waitForTimeout(80);
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${name}.png`) });
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(name, 'scrollHeight', h);
    await page.close();
  }
} finally {
  await browser.close();
  await stopPreview(server);
}
