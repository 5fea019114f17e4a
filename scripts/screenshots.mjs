// Screenshots for the README: the lesson at start and at step 3, desktop and phone, light and
// dark. Run after `npm run build`: `node scripts/screenshots.mjs` (uses Debian's Chromium).
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startPreview, stopPreview } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const shots = [
  { name: 'desktop-start-light', query: '', width: 1280, height: 800, scheme: 'light' },
  {
    name: 'desktop-step3-light',
    query: '?lesson=delete-on-update&step=3',
    width: 1280,
    height: 800,
    scheme: 'light',
  },
  {
    name: 'desktop-step3-dark',
    query: '?lesson=delete-on-update&step=3',
    width: 1280,
    height: 800,
    scheme: 'dark',
  },
  { name: 'phone-start-light', query: '', width: 390, height: 844, scheme: 'light' },
  {
    name: 'phone-step3-dark',
    query: '?lesson=delete-on-update&step=3',
    width: 390,
    height: 844,
    scheme: 'dark',
  },
  ...process.argv.slice(2).map((arg) => {
    const [name, query, width = '1280', height = '800', scheme = 'light', full = ''] =
      arg.split('|');
    return {
      name,
      query,
      width: Number(width),
      height: Number(height),
      scheme,
      full: full === 'full',
    };
  }),
];

const server = await startPreview(root, 4178);
const browser = await launchChromium();
try {
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.scheme,
      reducedMotion: 'reduce',
    });
    await page.goto(`http://localhost:4178/${shot.query}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The panels below the fold load as their own chunk: wait for them too.
    if (!shot.query.includes('view=')) {
      await page.getByRole('region', { name: 'Visual quiz' }).waitFor();
      await page.locator('.tok-keyword').first().waitFor();
    } else {
      await page.getByRole('heading', { level: 2 }).first().waitFor();
    }
    await page.screenshot({ path: join(out, `${shot.name}.png`), fullPage: Boolean(shot.full) });
    await page.close();
    console.log(`docs/screenshots/${shot.name}.png`);
  }
} finally {
  await browser.close();
  await stopPreview(server);
}
