// Screenshots for the README: the Stage on a laptop (light and dark), presenter mode on a
// 1080p projector, a phone, an embed in an 860×640 iframe, and the other views. Run after
// `npm run build`: `node scripts/screenshots.mjs` (uses Debian's Chromium). Extra shots:
// `node scripts/screenshots.mjs "name|?query|width|height|scheme"`.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startPreview, stopPreview } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const port = 4178;

const shots = [
  { name: 'stage-1366-light', query: '?lesson=delete-on-update&step=3', width: 1366, height: 768 },
  {
    name: 'stage-1366-dark',
    query: '?lesson=delete-on-update&step=5&skip=3',
    width: 1366,
    height: 768,
    scheme: 'dark',
  },
  { name: 'stage-herd-1280', query: '?lesson=thundering-herd&step=5', width: 1280, height: 720 },
  {
    name: 'presenter-1920',
    query: '?lesson=delete-on-update&step=4&present=1',
    width: 1920,
    height: 1080,
  },
  {
    name: 'presenter-quiz-1024',
    query: '?lesson=delete-on-update&step=5&present=1',
    width: 1024,
    height: 768,
    scheme: 'dark',
    keys: ['PageDown', 'PageDown'],
  },
  { name: 'phone-step3-light', query: '?lesson=delete-on-update&step=3', width: 390, height: 844 },
  {
    name: 'phone-race-dark',
    query: '?lesson=stale-set-race&step=5',
    width: 390,
    height: 844,
    scheme: 'dark',
  },
  { name: 'embed-860', embed: '?lesson=delete-on-update&step=3&embed=1', width: 900, height: 680 },
  { name: 'index', query: '?view=lessons', width: 1366, height: 768 },
  { name: 'compare', query: '?view=compare', width: 1366, height: 768, scheme: 'dark' },
  { name: 'practice', query: '?view=practice', width: 1366, height: 768 },
  ...process.argv.slice(2).map((arg) => {
    const [name, query, width = '1366', height = '768', scheme = 'light'] = arg.split('|');
    return { name, query, width: Number(width), height: Number(height), scheme };
  }),
];

// Only the shots listed here are kept: old names do not linger in the README's folder.
if (process.argv.length <= 2) {
  for (const file of readdirSync(out)) rmSync(join(out, file));
}

const server = await startPreview(root, port);
const browser = await launchChromium();
const base = `http://localhost:${port}/`;
try {
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.scheme ?? 'light',
      reducedMotion: 'reduce',
    });
    if (shot.embed) {
      await page.goto(base);
      await page.setContent(
        `<body style="margin:0;padding:20px;background:#d9dedb;font:14px system-ui">` +
          `<iframe title="Django Cache Lab" src="${base}${shot.embed}" width="860" height="640" style="border:0;border-radius:8px;background:#fff"></iframe></body>`,
      );
      await page.frameLocator('iframe').getByRole('region', { name: 'Stage' }).waitFor();
      await page.frameLocator('iframe').locator('.tok-keyword').first().waitFor();
    } else {
      await page.goto(`${base}${shot.query}`);
      await page.getByRole('heading', { level: 1 }).waitFor({ state: 'attached' });
      if (shot.query.includes('view=')) {
        await page.getByRole('heading', { level: 2 }).first().waitFor();
      } else {
        await page.getByRole('region', { name: 'Stage' }).waitFor();
        await page.locator('.tok-keyword').first().waitFor();
      }
      for (const key of shot.keys ?? []) await page.keyboard.press(key);
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${shot.name}.png`) });
    await page.close();
    console.log(`docs/screenshots/${shot.name}.png`);
  }
} finally {
  await browser.close();
  await stopPreview(server);
}
