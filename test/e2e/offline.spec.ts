import { expect, test, type Page } from './fixtures';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');

const VIEWS = [
  { link: 'All lessons', heading: 'Lessons' },
  { link: 'Compare', heading: 'Compare strategies' },
  { link: 'Practice', heading: 'Practice' },
  { link: 'Sandbox', heading: 'Sandbox' },
] as const;

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Resolves once a service worker controls the page: the whole build is precached by then. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 20_000,
  });
}

/** Page errors and console errors, to assert that nothing broke. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    errors.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`);
  });
  return errors;
}

test.describe('Offline', () => {
  test('after one visit every view opens offline, and so do a reload and a deep link', async ({
    page,
    context,
  }) => {
    await page.goto('./');
    await expect(h1(page)).toHaveText('Cache invalidation strategies in Django');
    await waitForServiceWorker(page);

    await context.setOffline(true);
    for (const view of VIEWS) {
      await page.getByRole('link', { name: view.link, exact: true }).click();
      await expect(h1(page)).toHaveText(view.heading);
      await expect(page.getByText(/could not be shown/)).toHaveCount(0);
    }
    await page.reload();
    await expect(h1(page)).toHaveText('Sandbox');
    await page.goto('./?lesson=thundering-herd&step=5');
    await expect(page.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Step 5 of/ })).toBeVisible();
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Step 6 of/ })).toBeVisible();
    await expect(page.getByText(/could not be shown/)).toHaveCount(0);
  });
});

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** A static server whose root can be swapped under open tabs: a redeploy. */
function serve(root: { dir: string }): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = join(root.dir, path === '/' ? 'index.html' : path.slice(1));
    if (!file.startsWith(root.dir) || !existsSync(file) || file === root.dir) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

/**
 * The next deploy: the same app with every chunk under a new name (as a real build names
 * changed chunks anew; the old files are gone from the server) and a changed index.html, so the
 * service worker script changes too.
 */
function nextDeploy(dir: string): void {
  cpSync(DIST, dir, { recursive: true });
  const assets = join(dir, 'assets');
  const chunks = readdirSync(assets).filter((name) => /\.(js|css)$/.test(name));
  const renamed = (name: string) => name.replace(/\.(js|css)$/, '-next.$1');
  const rewrite = (file: string, extra: (text: string) => string = (text) => text) => {
    let text = readFileSync(file, 'utf8');
    for (const name of chunks) text = text.replaceAll(name, renamed(name));
    writeFileSync(file, extra(text));
  };
  for (const name of chunks) {
    rewrite(join(assets, name));
    renameSync(join(assets, name), join(assets, renamed(name)));
  }
  rewrite(join(dir, 'index.html'), (text) =>
    text.replace('</body>', '<!-- next deploy --></body>'),
  );
  rewrite(join(dir, 'sw.js'), (text) =>
    text.replace(/(url:"index\.html",revision:")[^"]+/, '$1next-deploy'),
  );
}

test.describe('A redeploy under an open tab', () => {
  test('offers Reload to update, keeps working meanwhile, and reloads into the new version', async ({
    page,
  }) => {
    const work = mkdtempSync(join(tmpdir(), 'dcl-redeploy-'));
    const first = join(work, 'first');
    const next = join(work, 'next');
    cpSync(DIST, first, { recursive: true });
    nextDeploy(next);
    const root = { dir: first };
    const { server, url } = await serve(root);
    try {
      const errors = collectErrors(page);
      await page.goto(url);
      await expect(h1(page)).toHaveText('Cache invalidation strategies in Django');
      await waitForServiceWorker(page);
      await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);

      root.dir = next;
      // Moving to another view looks for a new version; the view itself still opens.
      await page.getByRole('link', { name: 'Compare', exact: true }).click();
      await expect(h1(page)).toHaveText('Compare strategies');
      const reload = page.getByRole('button', { name: 'Reload to update' });
      await expect(reload).toBeVisible({ timeout: 20_000 });
      await page.getByRole('link', { name: 'Practice', exact: true }).click();
      await expect(h1(page)).toHaveText('Practice');
      await expect(page.getByRole('alert')).toHaveCount(0);
      expect(errors).toEqual([]);

      await reload.click();
      await page.waitForFunction(() => document.body.innerHTML.includes('next deploy'));
      await expect(h1(page)).toHaveText('Practice');
      await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);
      expect(errors).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      rmSync(work, { recursive: true, force: true });
    }
  });
});

test.describe('A chunk that fails to load', () => {
  // The network alone: no service worker answering from its cache.
  test.use({ serviceWorkers: 'block' });

  test('shows a retry that recovers once the chunk loads, and the next view is clean', async ({
    page,
  }) => {
    let isBlocked = true;
    await page.route(/\/assets\/(CompareView|PracticeView)-[^/]*\.js$/, (route) =>
      isBlocked ? route.abort('failed') : route.continue(),
    );
    await page.goto('./');
    await expect(h1(page)).toHaveText('Cache invalidation strategies in Django');

    await page.getByRole('link', { name: 'Compare', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be shown' });
    await expect(alert).toContainText('The Compare strategies view could not be shown');
    isBlocked = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('table', { name: 'Compare strategies' })).toBeVisible();
    await expect(alert).toHaveCount(0);

    isBlocked = true;
    await page.getByRole('link', { name: 'Practice', exact: true }).click();
    await expect(alert).toContainText('The Practice view could not be shown');
    await page.getByRole('link', { name: 'All lessons', exact: true }).click();
    await expect(h1(page)).toHaveText('Lessons');
    await expect(page.getByRole('heading', { name: 'Strategies', level: 2 })).toBeVisible();
    await expect(alert).toHaveCount(0);
    // Back to the view that failed: it loads afresh.
    isBlocked = false;
    await page.getByRole('link', { name: 'Practice', exact: true }).click();
    await expect(h1(page)).toHaveText('Practice');
    await expect(alert).toHaveCount(0);
  });
});

test.describe('The single-file build', () => {
  test('opens from file:// and steps through the default lesson', async ({ page }) => {
    test.setTimeout(90_000);
    execFileSync('npx', ['vite', 'build', '--mode', 'single', '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    const errors = collectErrors(page);
    const file = join(ROOT, 'dist-single', 'index.html');
    // One file: no script or stylesheet is fetched from anywhere else.
    expect(readFileSync(file, 'utf8')).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
    await page.goto(pathToFileURL(file).href);
    await expect(h1(page)).toHaveText('Cache invalidation strategies in Django');
    const status = page.getByRole('status').filter({ hasText: /^Step \d+ of/ });
    await expect(status).toHaveText(/^Step 0 of/);
    const next = page.getByRole('button', { name: 'Next step' });
    for (let step = 1; step <= 3; step += 1) {
      await next.click();
      await expect(status).toHaveText(new RegExp(`^Step ${step} of`));
    }
    await expect(
      page.getByRole('table', { name: 'Execution table' }).locator('tbody tr'),
    ).toHaveCount(3);
    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(next).toBeDisabled();
    expect(errors).toEqual([]);
  });
});
