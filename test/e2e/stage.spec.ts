import { expect, test, type Locator, type Page } from './fixtures';
import { catalog } from '../../src/lessons/catalog';

/**
 * The Stage: after every step of every lesson (normal, what-if and remedy), the narration, the
 * running code line, the Cache and Database panels and the current table row (or the
 * timeline) are on screen without scrolling, and the Stage's boxes never move.
 */

const status = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(Step \d+ of|Slide:)/ });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('no box: the element is not rendered');
  return box;
}

function expectInside(box: Box, view: { width: number; height: number }, what: string): void {
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(-1);
  expect(box.x, `${what}: left`).toBeGreaterThanOrEqual(-1);
  expect(box.y + box.height, `${what}: bottom`).toBeLessThanOrEqual(view.height + 1);
  expect(box.x + box.width, `${what}: right`).toBeLessThanOrEqual(view.width + 1);
}

/** Lesson variants: the normal path, the remedy where there is one, the first what-if skip. */
const variants: { id: string; query: string }[] = catalog.flatMap((lesson) => {
  const skippable = lesson.steps.findIndex((step) => step.skippable) + 1;
  return [
    { id: lesson.id, query: `lesson=${lesson.id}` },
    ...(lesson.remedy
      ? [{ id: `${lesson.id} (remedy)`, query: `lesson=${lesson.id}&remedy=1` }]
      : []),
    ...(skippable > 0
      ? [{ id: `${lesson.id} (skip ${skippable})`, query: `lesson=${lesson.id}&skip=${skippable}` }]
      : []),
  ];
});

async function stepCount(page: Page): Promise<number> {
  const text = (await status(page).textContent()) ?? '';
  const match = /of (\d+)/.exec(text);
  if (!match) throw new Error(`no step count in "${text}"`);
  return Number(match[1]);
}

/** Walk every step, checking what must be in view; returns the Stage boxes at each step. */
async function walk(page: Page, view: { width: number; height: number }, label: string) {
  const stage = page.getByRole('region', { name: 'Stage' });
  const regions = {
    narration: stage.getByRole('note', { name: 'Narration' }),
    code: stage.getByRole('region', { name: 'Execution sample' }),
    cache: stage.getByRole('region', { name: 'Cache', exact: true }),
    database: stage.getByRole('region', { name: 'Database', exact: true }),
  };
  const steps = await stepCount(page);
  const boxes: Record<string, Box>[] = [];
  for (let step = 0; step <= steps; step += 1) {
    if (step > 0) await page.keyboard.press('ArrowRight');
    await expect(status(page)).toHaveText(new RegExp(`^Step ${step} of`));
    // Let the boxes follow the current line and row (they scroll in the next frame).
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const at: Record<string, Box> = {};
    for (const [name, locator] of Object.entries(regions)) {
      at[name] = await boxOf(locator);
      expectInside(at[name], view, `${label} step ${step}: ${name}`);
    }
    const line = regions.code.locator('[aria-current]');
    if ((await line.count()) > 0)
      expectInside(await boxOf(line.first()), view, `${label} step ${step}: code line`);
    const dbRows = regions.database.locator('tbody tr');
    for (let i = 0; i < (await dbRows.count()); i += 1) {
      expectInside(await boxOf(dbRows.nth(i)), view, `${label} step ${step}: DB row ${i + 1}`);
    }
    const timeline = stage.getByRole('region', { name: 'Timeline', exact: true });
    if ((await timeline.count()) > 0) {
      at.timeline = await boxOf(timeline);
      expectInside(at.timeline, view, `${label} step ${step}: timeline`);
      const card = timeline.locator('[aria-current="step"]');
      if (step > 0 && (await card.count()) > 0)
        expectInside(await boxOf(card.first()), view, `${label} step ${step}: current lane card`);
    } else if (step > 0) {
      const row = stage.locator('table tbody tr[aria-current="step"]');
      expectInside(await boxOf(row), view, `${label} step ${step}: current table row`);
    }
    boxes.push(at);
  }
  // Nothing moves but the state: every Stage box keeps its place and size.
  for (const at of boxes.slice(1)) {
    for (const [name, box] of Object.entries(at)) {
      const first = boxes[0][name];
      if (!first) continue;
      for (const side of ['x', 'y', 'width', 'height'] as const) {
        expect(
          Math.abs(box[side] - first[side]),
          `${label}: ${name} ${side} moved`,
        ).toBeLessThanOrEqual(1);
      }
    }
  }
}

for (const view of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test.describe(`Stage at ${view.width}×${view.height}`, () => {
    test.use({ viewport: view, reducedMotion: 'reduce' });
    for (const { id, query } of variants) {
      test(`${id}: every step is seen whole, and nothing moves`, async ({ page }) => {
        await page.goto(`./?${query}`);
        await walk(page, view, id);
      });
    }
  });
}

test.describe('Stage on a phone (390×844)', () => {
  const view = { width: 390, height: 844 };
  test.use({ viewport: view, reducedMotion: 'reduce' });
  for (const { id, query } of variants) {
    test(`${id}: the caption and the state panels are on screen after every tap`, async ({
      page,
    }) => {
      await page.goto(`./?${query}`);
      const stage = page.getByRole('region', { name: 'Stage' });
      const player = page.getByRole('region', { name: 'Player' });
      const steps = await stepCount(page);
      for (let step = 0; step <= steps; step += 1) {
        if (step > 0) await page.getByRole('button', { name: 'Next step' }).click();
        await expect(status(page)).toHaveText(new RegExp(`^Step ${step} of`));
        expectInside(
          await boxOf(stage.getByRole('note', { name: 'Narration' })),
          view,
          `step ${step}: narration`,
        );
        for (const name of ['Execution sample', 'Cache', 'Database']) {
          expectInside(
            await boxOf(stage.getByRole('region', { name, exact: true })),
            view,
            `step ${step}: ${name}`,
          );
        }
        // The database's first row shows its first line (pk and value) without scrolling.
        const firstRow = await stage
          .getByRole('region', { name: 'Database', exact: true })
          .locator('tbody tr')
          .first()
          .evaluate((row) => {
            const box = row.closest('.panel__body')!.getBoundingClientRect();
            const r = row.getBoundingClientRect();
            return { top: r.top, height: r.height, boxTop: box.top, boxBottom: box.bottom };
          });
        expect(firstRow.top, `step ${step}: DB row below the box top`).toBeGreaterThanOrEqual(
          firstRow.boxTop - 1,
        );
        expect(
          firstRow.top + Math.min(firstRow.height, 24),
          `step ${step}: DB row's first line in its box`,
        ).toBeLessThanOrEqual(firstRow.boxBottom + 1);
        // A running code line shows in the code box beside the step's badges (with two or
        // three badges the box used to be squeezed to nothing).
        const lines = stage
          .getByRole('region', { name: 'Execution sample' })
          .locator('[aria-current]');
        if ((await lines.count()) > 0) {
          const shown = await lines.evaluateAll((all) =>
            Math.max(
              ...all.map((el) => {
                const box = el.closest('.code__block')!.getBoundingClientRect();
                const r = el.getBoundingClientRect();
                return Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top);
              }),
            ),
          );
          expect(
            shown,
            `step ${step}: a running line's height in the code box`,
          ).toBeGreaterThanOrEqual(12);
        }
        // The table card starts below the band's caption: its step and action are readable.
        const card = stage.locator('.stage__bottom tbody tr[aria-current="step"]');
        if (step > 0 && (await card.count()) > 0) {
          const gap = await card.evaluate((row) => {
            const caption = row.closest('table')!.querySelector('caption')!.getBoundingClientRect();
            return row.getBoundingClientRect().top - caption.bottom;
          });
          expect(gap, `step ${step}: the card's top below the caption`).toBeGreaterThanOrEqual(-1);
        }
        const bar = await boxOf(player);
        expect(bar.height, 'player height').toBeLessThanOrEqual(72);
        expect(bar.y + bar.height, 'player at the bottom').toBeGreaterThanOrEqual(view.height - 1);
      }
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(sideways).toBeLessThanOrEqual(0);
    });
  }
  test('the header is one row with a menu that holds the views', async ({ page }) => {
    await page.goto('./');
    const header = await boxOf(page.locator('header.app-header'));
    expect(header.height).toBeLessThanOrEqual(56);
    await expect(page.getByRole('link', { name: 'All lessons' })).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'All lessons' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lessons');
  });
  test('table rows are cards: all six seed columns readable', async ({ page }) => {
    await page.goto('./?lesson=delete-on-update&step=3');
    const row = page.locator('tr[aria-current="step"]');
    const cells = row.locator('td');
    await expect(cells).toHaveCount(6);
    for (let i = 0; i < 6; i += 1) {
      const overflow = await cells.nth(i).evaluate((td) => td.scrollWidth - td.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    }
  });
});

test.describe('Stage table band', () => {
  test.use({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
  test('with all steps shown, the band scrolls to the current row, not to the end', async ({
    page,
  }) => {
    await page.goto('./?lesson=ttl-expiry&step=1');
    await page.getByRole('button', { name: 'Show all steps' }).click();
    for (const step of [2, 3, 4]) {
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('status').filter({ hasText: /^Step \d+ of/ })).toHaveText(
        new RegExp(`^Step ${step} of`),
      );
      const place = await page.locator('.stage .xtable__scroll').evaluate(async (box) => {
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const row = box.querySelector('tbody tr[aria-current]')!.getBoundingClientRect();
        const header = box.querySelector('thead th')!.getBoundingClientRect();
        const band = box.getBoundingClientRect();
        return { isOverflowing: box.scrollHeight > box.clientHeight, row, header, band };
      });
      expect(place.isOverflowing, 'the band scrolls').toBe(true);
      // Below the sticky column headers, or at least its bottom part, and inside the band.
      expect(place.row.bottom, `step ${step}`).toBeGreaterThan(place.header.bottom);
      expect(place.row.bottom, `step ${step}`).toBeLessThanOrEqual(place.band.bottom + 1);
    }
  });
});

/*
 * The band is a strip of the table: at every step the current row is whole between the sticky
 * column headers and the band's bottom edge, and no column runs off its right edge. Before,
 * at 1024x768 rows of three lines slid under the headers and the Result column was cut off.
 */
for (const { label, query, viewport } of [
  { label: '1024×768', query: '', viewport: { width: 1024, height: 768 } },
  { label: '768×1024', query: '', viewport: { width: 768, height: 1024 } },
  { label: 'presenter 1024×768', query: '&present=1', viewport: { width: 1024, height: 768 } },
  { label: 'presenter 800×600', query: '&present=1', viewport: { width: 800, height: 600 } },
  { label: 'presenter 1366×768', query: '&present=1', viewport: { width: 1366, height: 768 } },
  { label: 'presenter 1920×1080', query: '&present=1', viewport: { width: 1920, height: 1080 } },
]) {
  test.describe(`Stage table band at ${label}`, () => {
    test.use({ viewport, reducedMotion: 'reduce' });
    // One test a lesson: a walk of every lesson in one test came close to the time limit on a
    // busy machine.
    for (const lesson of catalog) {
      test(`${lesson.id}: the current row is whole under the headers, no column cut off`, async ({
        page,
      }) => {
        await page.goto(`./?lesson=${lesson.id}${query}`);
        await expect(status(page)).toHaveText(/^Step 0 of/);
        if ((await page.locator('.stage__bottom table').count()) === 0) {
          // A lesson with actors shows its timeline lanes in the band instead of the table.
          await expect(page.locator('.stage--lanes')).toHaveCount(1);
          return;
        }
        const misses: string[] = [];
        for (let step = 1; step <= lesson.steps.length; step += 1) {
          await page.keyboard.press('ArrowRight');
          await expect(status(page)).toHaveText(new RegExp(`^Step ${step} of`));
          const fit = await page.locator('.stage__bottom .xtable__scroll').evaluate(async (box) => {
            await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
            const row = box.querySelector('tbody tr[aria-current]')!.getBoundingClientRect();
            const header = box.querySelector('thead th')!.getBoundingClientRect();
            const bottom = box.getBoundingClientRect().top + box.clientTop + box.clientHeight;
            return {
              top: row.top - header.bottom,
              bottom: bottom - row.bottom,
              cut: box.scrollWidth - box.clientWidth,
            };
          });
          if (fit.top < -1 || fit.bottom < -1 || fit.cut > 1)
            misses.push(`step ${step}: ${JSON.stringify(fit)}`);
        }
        expect(misses).toEqual([]);
      });
    }
  });
}

test.describe('Copy link to this step', () => {
  test('copies the full URL and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('./?lesson=delete-on-update&step=4&skip=3');
    await page.getByRole('button', { name: 'Copy link to this step' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(copied).toContain('step=4');
    expect(copied).toContain('skip=3');
  });
});

test.describe('History', () => {
  test('Back returns from a lesson to the index, and to the previous lesson at its step', async ({
    page,
  }) => {
    await page.goto('./?view=lessons');
    await page.getByRole('link', { name: 'Forgetting to invalidate' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forgetting to invalidate');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(status(page)).toHaveText(/^Step 2 of/);
    await page.getByLabel('Lesson').selectOption('delete-on-update');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Cache invalidation strategies in Django',
    );
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forgetting to invalidate');
    await expect(status(page)).toHaveText(/^Step 2 of/);
    // Steps replace the entry: one more Back leaves the lesson for the index.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lessons');
  });
});

/*
 * The cache panel: at every step that adds, changes or deletes an entry, that entry is whole
 * inside the panel's box. Before, at 768x1024 and on a phone the requests above it filled the
 * box and the entry the step was about sat below its bottom edge, unseen unless scrolled.
 */
for (const { label, query, viewport } of [
  { label: '768×1024', query: '', viewport: { width: 768, height: 1024 } },
  { label: '1024×768', query: '', viewport: { width: 1024, height: 768 } },
  { label: '390×844', query: '', viewport: { width: 390, height: 844 } },
  { label: 'presenter 1024×768', query: '&present=1', viewport: { width: 1024, height: 768 } },
]) {
  test.describe(`Stage cache panel at ${label}`, () => {
    test.use({ viewport, reducedMotion: 'reduce' });
    for (const lesson of catalog) {
      test(`${lesson.id}: the entry a step changed is in view`, async ({ page }) => {
        const misses: string[] = [];
        let entries = 0;
        await page.goto(`./?lesson=${lesson.id}${query}`);
        await expect(status(page)).toHaveText(/^Step 0 of/);
        for (let step = 1; step <= lesson.steps.length; step += 1) {
          await page.keyboard.press('ArrowRight');
          await expect(status(page)).toHaveText(new RegExp(`^Step ${step} of`));
          const fit = await page.locator('.stage__cache .panel__body').evaluate(async (box) => {
            await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
            const changed = box
              .querySelector(
                '.cachepanel__entry--new, .cachepanel__entry--ghost, .cachepanel__value--changed',
              )
              ?.closest('li');
            if (!changed) return null;
            const entry = changed.getBoundingClientRect();
            const area = box.getBoundingClientRect();
            const bottom = area.top + box.clientTop + box.clientHeight;
            // An entry taller than the box shows its top.
            const isTall = entry.height > box.clientHeight;
            return {
              top: entry.top - area.top,
              bottom: isTall ? 0 : bottom - entry.bottom,
            };
          });
          if (fit === null) continue;
          entries += 1;
          if (fit.top < -1 || fit.bottom < -1) misses.push(`step ${step}: ${JSON.stringify(fit)}`);
        }
        // Every lesson caches something.
        expect(entries, 'changed entries checked').toBeGreaterThan(0);
        expect(misses).toEqual([]);
      });
    }
  });
}
