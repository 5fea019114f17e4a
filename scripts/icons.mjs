// Renders public/favicon.svg to the PNG icons the web app manifest lists (installable apps need
// raster icons of 192 and 512 px; the maskable one keeps the mark inside the 80 % safe zone) and
// to the page's own 32 px favicon: an SVG favicon is parsed as a document on the page's main
// thread while it loads (4-7 ms a visit in a trace), a PNG is decoded off it.
// Run after changing the favicon: node scripts/icons.mjs
import { readFile } from 'node:fs/promises';
import { launchChromium } from './chromium.mjs';

const svg = await readFile(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const ICONS = [
  { file: 'favicon-32.png', size: 32, inset: 0, background: 'transparent' },
  { file: 'icon-192.png', size: 192, inset: 0, background: 'transparent' },
  { file: 'icon-512.png', size: 512, inset: 0, background: 'transparent' },
  { file: 'icon-maskable-512.png', size: 512, inset: 0.12, background: '#0c4b33' },
];

const browser = await launchChromium();
try {
  for (const { file, size, inset, background } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const pad = Math.round(size * inset);
    await page.setContent(
      `<body style="margin:0;background:${background}">` +
        `<div style="padding:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px">` +
        svg.replace('<svg ', '<svg width="100%" height="100%" ') +
        '</div></body>',
    );
    await page.screenshot({
      path: new URL(`../public/${file}`, import.meta.url).pathname,
      omitBackground: background === 'transparent',
    });
    await page.close();
  }
} finally {
  await browser.close();
}
