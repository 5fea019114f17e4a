import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { expect, test, type Page } from './fixtures';

/** Page errors and console errors (a hydration mismatch is reported as one). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** The layout shifts so far (CLS without session windows: every shift counts). */
async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 500);
      }),
  );
}

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the build, but sends index.html in two parts, `pause` ms apart, split at `splitAt`: a
 * slow network (or a busy parser) that leaves the first view half parsed for a while.
 */
function serveStalled(splitAt: string, pause: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = join(DIST, path === '/' ? 'index.html' : path.slice(1));
    if (!file.startsWith(DIST) || !existsSync(file) || file === DIST) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    if (path !== '/') {
      response.end(readFileSync(file));
      return;
    }
    const html = readFileSync(file, 'utf8');
    const at = html.indexOf(splitAt);
    if (at < 0) throw new Error(`serveStalled: ${splitAt} is not in index.html`);
    response.write(html.slice(0, at));
    setTimeout(() => response.end(html.slice(at)), pause);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

test.describe('First paint', () => {
  test.use({ serviceWorkers: 'block' });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the default lesson is in the HTML: title, player, code, cache and database', async ({
      page,
    }) => {
      await page.goto('./');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Cache invalidation strategies in Django',
      );
      for (const name of ['Concept flow', 'Execution sample', 'Cache', 'Database', 'Visual quiz']) {
        await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
      }
      await expect(page.getByRole('status').filter({ hasText: /^Step 0 of/ })).toBeVisible();
    });
  });

  test('the panels below the fold are painted styled: nothing in them moves when their chunk comes', async ({
    browser,
    page,
    baseURL,
  }) => {
    // Every box of the key moments, quiz, snapshot and transcript.
    const boxes = (p: Page) =>
      p.locator('.layout__learn').evaluate((learn) =>
        Array.from(learn.querySelectorAll('section, fieldset, li, p, button')).map((el) => {
          const { x, y, width, height } = el.getBoundingClientRect();
          return [el.tagName, ...[x, y, width, height].map(Math.round)].join(' ');
        }),
      );
    // As painted before any script runs...
    const bare = await browser.newPage({ javaScriptEnabled: false });
    try {
      await bare.goto(new URL('./', baseURL).href);
      const painted = await boxes(bare);
      expect(painted.length).toBeGreaterThan(10);
      // ...and once the app and the panels' own chunk have come.
      const chunk = page.waitForResponse(/\/assets\/LearnPanels-[^/]*\.js$/);
      await page.goto('./');
      await chunk;
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      expect(await boxes(page)).toEqual(painted);
    } finally {
      await bare.close();
    }
  });

  test('hydrates the prerendered lesson without a mismatch, and it plays', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('./');
    const status = page.getByRole('status').filter({ hasText: /^Step \d+ of/ });
    await expect(status).toHaveText(/^Step 0 of/);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(status).toHaveText(/^Step 1 of/);
    await expect(page).toHaveURL(/step=1/);
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    expect(await layoutShift(page)).toBe(0);
  });

  test('a first view still arriving is not painted half-built: nothing moves when the rest comes', async ({
    page,
  }) => {
    // The player's row is cut before its last column (the copy-link tool): painted then, the
    // row's other columns would move left when it arrives.
    const { server, url } = await serveStalled('<div class="player__tools">', 1_500);
    try {
      const errors = collectErrors(page);
      await page.goto(url);
      const firstPaint = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      );
      expect(firstPaint).not.toBeNull();
      expect(firstPaint!).toBeGreaterThanOrEqual(1_500);
      expect(await layoutShift(page)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      server.close();
    }
  });

  test('a returning visitor with other preferences gets their own view, not the prerender', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto('./');
    // The theme is in the header's menu.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await page.reload();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(errors).toEqual([]);
  });

  for (const address of ['./?lesson=thundering-herd&step=5', './?lesson=stale-set-race&step=6']) {
    test(`a deep link (${address}) opens without an error or a layout shift`, async ({ page }) => {
      const errors = collectErrors(page);
      await page.goto(address);
      await expect(page.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(errors).toEqual([]);
      expect(await layoutShift(page)).toBe(0);
    });
  }
  test('the prerendered view paints before its JavaScript is requested; a deep link does not wait', async ({
    page,
  }) => {
    /** When the first contentful paint happened and when the entry chunk was requested. */
    const timings = () =>
      page.evaluate(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const entry = performance
          .getEntriesByType('resource')
          .find((r) => /\/assets\/index-[^/]*\.js$/.test(r.name));
        return { paint: paint?.startTime ?? null, entry: entry?.startTime ?? null };
      });
    await page.goto('./');
    const first = await timings();
    expect(first.paint).not.toBeNull();
    expect(first.entry).not.toBeNull();
    expect(first.entry!).toBeGreaterThanOrEqual(first.paint!);
    await page.goto('./?lesson=delete-on-update&step=1');
    await expect(page.getByRole('status').filter({ hasText: /^Step 1 of/ })).toBeVisible();
    const deep = await timings();
    // Nothing is painted for a deep link until the app renders it, so the app starts at once.
    expect(deep.paint === null || deep.entry! < deep.paint).toBe(true);
  });

  test.describe('the other views are prerendered too, and hydrate in place', () => {
    const views: [string, string, (page: Page) => ReturnType<Page['getByRole']>][] = [
      [
        'lessons',
        'Lessons',
        (page) => page.getByRole('link', { name: 'Cache invalidation strategies in Django' }),
      ],
      [
        'compare',
        'Compare strategies',
        (page) => page.getByRole('checkbox', { name: 'Delete on update' }),
      ],
      ['practice', 'Practice', (page) => page.getByRole('list', { name: 'Steps' })],
      ['sandbox', 'Sandbox', (page) => page.getByRole('textbox', { name: 'Scenario JSON' })],
    ];
    for (const [view, title, content] of views) {
      test(`?view=${view} is painted before its script, then hydrated, not rendered again`, async ({
        page,
      }) => {
        const errors = collectErrors(page);
        let letGo = (): void => {};
        const held = new Promise<void>((resolve) => (letGo = resolve));
        await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(`./?view=${view}`, { waitUntil: 'commit' });
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
        await expect(content(page)).toBeVisible();
        await expect(page.locator('html')).not.toHaveAttribute('data-ready', 'true');
        // Painted from the page's own HTML, with the app's script held back.
        await expect
          .poll(() =>
            page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length),
          )
          .toBe(1);
        // A node the page painted; hydration adopts it, a fresh render would replace it.
        await content(page).evaluate((node) => node.setAttribute('data-painted', 'before'));
        letGo();
        await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
        await page.waitForLoadState('networkidle');
        await expect(content(page)).toHaveAttribute('data-painted', 'before');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
        if (view === 'sandbox') {
          // Painted empty (the page stays small); hydration puts the example scenario in.
          await expect(content(page)).toHaveValue(/"steps"/);
        }
        expect(await page.locator('script[id^="dcl-view-"]').count()).toBe(0);
        expect(errors).toEqual([]);
        expect(await layoutShift(page)).toBe(0);
      });
    }

    test('a view is wired when the page says it is ready, though its chunk came late', async ({
      page,
    }, testInfo) => {
      const errors = collectErrors(page);
      // The sandbox's own chunk arrives a second after the rest.
      await page.route(/\/assets\/SandboxView-[^/]*\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.continue();
      });
      await page.goto('./?view=sandbox'); // returns at <html data-ready>
      const editor = page.getByRole('textbox', { name: 'Scenario JSON' });
      // Hydrated at once: the editor, painted empty, holds the example (read now, not polled).
      const example = await editor.inputValue();
      expect(example).toContain('"steps"');
      // And its controls work: a file picked now is imported.
      await mkdir(testInfo.outputDir, { recursive: true });
      const file = testInfo.outputPath('example.json');
      await writeFile(file, example);
      await page.getByLabel('Import scenario file').setInputFiles(file);
      await expect(page.getByRole('status').filter({ hasText: /^Loaded / })).toBeVisible();
      expect(errors).toEqual([]);
    });

    test('?view=compare still works: a strategy can be turned off', async ({ page }) => {
      const errors = collectErrors(page);
      await page.goto('./?view=compare');
      const strategy = page.getByRole('checkbox', { name: 'Delete on update' });
      const column = page.getByRole('columnheader', { name: /^Delete on update/ });
      await expect(column).toHaveCount(1);
      await strategy.uncheck();
      await expect(strategy).not.toBeChecked();
      await expect(column).toHaveCount(0);
      expect(errors).toEqual([]);
    });

    test('a stored sandbox scenario is shown, not the prerendered example', async ({ page }) => {
      const errors = collectErrors(page);
      await page.goto('./?view=sandbox');
      const editor = page.getByRole('textbox', { name: 'Scenario JSON' });
      await page.getByRole('button', { name: 'Random scenario' }).click();
      await expect(page.getByRole('button', { name: 'Open in the player' })).toBeVisible();
      const mine = await editor.inputValue();
      await page.reload();
      await expect(editor).toHaveValue(mine);
      expect(errors).toEqual([]);
    });

    test('any other query is rendered from scratch: ?view=compare&theme=dark', async ({ page }) => {
      const errors = collectErrors(page);
      await page.goto('./?view=compare&theme=dark');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare strategies');
      await expect(page.locator('#root')).not.toHaveAttribute('data-prerender-view');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(errors).toEqual([]);
    });
  });

  test.describe('the first paint is in the visitor’s theme, before the script runs', () => {
    const cases: [string, 'light' | 'dark', string | null, string][] = [
      ['a dark system', 'dark', null, 'dark'],
      ['a light system', 'light', null, 'light'],
      ['a stored choice over the system', 'light', 'contrast', 'contrast'],
      ['the address over a stored choice', 'dark', 'light', 'light'],
    ];
    for (const [name, scheme, stored, expected] of cases) {
      test(name, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        if (stored) {
          await page.addInitScript((theme) => {
            localStorage.setItem(
              'django-cache-lab:v1',
              JSON.stringify({ state: { theme }, version: 1 }),
            );
          }, stored);
        }
        // The app's script never arrives: what is painted is the page's own.
        await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
        const address = name.startsWith('the address') ? './?theme=light' : './';
        // `commit`: the fixture would wait for an app that never starts.
        await page.goto(address, { waitUntil: 'commit' });
        await page.waitForLoadState('load');
        await expect(page.locator('html')).toHaveAttribute('data-theme', expected);
        const background = await page.evaluate(
          () => getComputedStyle(document.body).backgroundColor,
        );
        const isDark = (rgb: string): boolean =>
          (rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, n) => sum + Number(n), 0) < 300;
        expect(isDark(background)).toBe(expected !== 'light');
      });
    }
  });

  test.describe('a control used before the script runs keeps what the learner did', () => {
    /** Open `/` with the entry chunk held back; `release` lets it load, then waits for the app. */
    async function openBeforeScript(
      page: Page,
      address = './',
    ): Promise<{ release: () => Promise<void> }> {
      let letGo = (): void => {};
      const held = new Promise<void>((resolve) => (letGo = resolve));
      await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(address, { waitUntil: 'commit' });
      if (address === './') {
        await expect(page.getByRole('status').filter({ hasText: /^Step 0 of/ })).toBeVisible();
      } else {
        await expect(page.locator('#root')).toHaveAttribute('data-prerender-view');
      }
      await expect(page.locator('html')).not.toHaveAttribute('data-ready', 'true');
      return {
        release: async () => {
          letGo();
          await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
        },
      };
    }

    test('a quiz answer is the answer Check answer checks', async ({ page }) => {
      const { release } = await openBeforeScript(page);
      const question = page.getByRole('region', { name: 'Visual quiz' }).getByRole('group').first();
      await question.getByRole('radio').first().check();
      await release();
      await expect(question.getByRole('radio').first()).toBeChecked();
      const check = question.getByRole('button', { name: 'Check answer' });
      await expect(check).toBeEnabled();
      await check.click();
      await expect(question.getByRole('status')).not.toBeEmpty();
    });

    test('the step slider and the speed are applied', async ({ page }) => {
      const { release } = await openBeforeScript(page);
      await page.getByRole('slider', { name: 'Step' }).fill('2');
      await page.getByLabel('Speed').selectOption('0.5');
      await release();
      await expect(page.getByRole('status').filter({ hasText: /^Step 2 of/ })).toBeVisible();
      await expect(page).toHaveURL(/step=2/);
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem('django-cache-lab:v1')))
        .toContain('"speed":0.5');
    });

    test('Compare: a strategy ticked off and a TTL typed are what the verdicts use', async ({
      page,
    }) => {
      const errors = collectErrors(page);
      const { release } = await openBeforeScript(page, './?view=compare');
      await page.getByRole('checkbox', { name: 'Delete on update' }).uncheck();
      await page.getByRole('checkbox', { name: 'Update on write' }).check();
      await page.getByRole('spinbutton', { name: 'TTL (seconds)' }).fill('5000');
      await release();
      await expect(page.getByRole('checkbox', { name: 'Delete on update' })).not.toBeChecked();
      await expect(page.getByRole('columnheader', { name: /^Delete on update/ })).toHaveCount(0);
      await expect(page.getByRole('columnheader', { name: /^Update on write/ })).toHaveCount(1);
      // The typed TTL reached the app: it says what it did with a value past 3600.
      await expect(page.getByText('TTL is outside 0 to 3600: using 3600.')).toBeVisible();
      await expect(page.getByRole('spinbutton', { name: 'TTL (seconds)' })).toHaveValue('5000');
      // And the app still owns the boxes afterwards.
      await page.getByRole('checkbox', { name: 'Delete on update' }).check();
      await expect(page.getByRole('columnheader', { name: /^Delete on update/ })).toHaveCount(1);
      expect(errors).toEqual([]);
    });

    test('Practice: the answer chosen is the answer Check answer checks', async ({ page }) => {
      const errors = collectErrors(page);
      const { release } = await openBeforeScript(page, './?view=practice');
      const question = page.getByRole('region', { name: 'Question' });
      await question.getByRole('radio').nth(1).check();
      await release();
      await expect(question.getByRole('radio').nth(1)).toBeChecked();
      await question.getByRole('button', { name: 'Check answer' }).click();
      await expect(question.getByRole('status')).toHaveText(/^(Correct|Incorrect)/);
      expect(errors).toEqual([]);
    });

    test('Sandbox: what was typed in the empty editor is what Check and run checks', async ({
      page,
    }) => {
      const errors = collectErrors(page);
      const { release } = await openBeforeScript(page, './?view=sandbox');
      const editor = page.getByRole('textbox', { name: 'Scenario JSON' });
      await expect(editor).toHaveValue('');
      await editor.fill('{"title": "typed before the script"}');
      await page.getByRole('spinbutton', { name: 'Steps' }).fill('7');
      await release();
      await expect(editor).toHaveValue('{"title": "typed before the script"}');
      await page.getByRole('button', { name: 'Check and run' }).click();
      // Not the example (which checks fine): the typed text, which is not a whole scenario.
      await expect(page.locator('#sandbox-error')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Open in the player' })).toHaveCount(0);
      await page.getByRole('button', { name: 'Random scenario' }).click();
      await expect(page.getByRole('button', { name: 'Open in the player' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Loaded scenario' })).toContainText(
        /\b7 steps\b/,
      );
      expect(errors).toEqual([]);
    });

    test('Next step clicked and a clicker’s key pressed are played once the app is ready', async ({
      page,
    }) => {
      const errors = collectErrors(page);
      const { release } = await openBeforeScript(page);
      const next = page.getByRole('button', { name: 'Next step' });
      await next.click();
      await next.click();
      await page.keyboard.press('PageDown');
      // Nothing moved yet: the page is not wired.
      await expect(page.getByRole('status').filter({ hasText: /^Step 0 of/ })).toBeVisible();
      await release();
      await expect(page.getByRole('status').filter({ hasText: /^Step 3 of/ })).toBeVisible();
      await expect(page).toHaveURL(/step=3/);
      // Played once: the app goes on from there.
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('status').filter({ hasText: /^Step 4 of/ })).toBeVisible();
      expect(errors).toEqual([]);
    });

    test('the lesson picked in the menu opens', async ({ page }) => {
      const { release } = await openBeforeScript(page);
      const lesson = page.getByLabel('Lesson');
      await lesson.selectOption('ttl-expiry');
      const title = await lesson.locator('option:checked').textContent();
      await release();
      await expect(page).toHaveURL(/lesson=ttl-expiry/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
    });
  });
});
