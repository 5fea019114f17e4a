import { expect, test, waitForApp, type Page } from './fixtures';
import { catalog } from '../../src/lessons/catalog';
import { axeViolations } from './axe';

const status = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(Step \d+ of|Slide:)/ });

async function fitsScreen(page: Page, label: string): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollHeight,
    inner: window.innerHeight,
  }));
  expect(scroll, `${label}: the page scrolls`).toBeLessThanOrEqual(inner);
}

for (const view of [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`Presenter slides at ${view.width}×${view.height}`, () => {
    test.use({ viewport: view, reducedMotion: 'reduce' });
    for (const lesson of catalog) {
      test(`${lesson.id}: no slide scrolls, through the key moments and every question`, async ({
        page,
      }) => {
        await page.goto(`./?lesson=${lesson.id}&present=1`);
        const steps = lesson.steps.length;
        for (let step = 0; step <= steps; step += 1) {
          if (step > 0) await page.keyboard.press('PageDown');
          await expect(status(page)).toHaveText(new RegExp(`^Step ${step} of ${steps}`));
          await fitsScreen(page, `step ${step}`);
        }
        // After the last step: the key moments, then each question, answers hidden.
        await page.keyboard.press('PageDown');
        await expect(status(page)).toHaveText(/^Slide: Key moments/);
        await expect(page.getByRole('region', { name: 'Key moments' })).toBeVisible();
        await fitsScreen(page, 'key moments');
        for (let q = 1; q <= lesson.quiz.length; q += 1) {
          await page.keyboard.press('PageDown');
          await expect(status(page)).toHaveText(new RegExp(`^Slide: Question ${q}`));
          await expect(page.getByRole('button', { name: 'Reveal answer' })).toBeVisible();
          await fitsScreen(page, `question ${q}`);
        }
        await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
        await page.keyboard.press('PageUp');
        await expect(status(page)).toHaveText(
          lesson.quiz.length > 1 ? /^Slide: Question/ : /^Slide: Key moments/,
        );
      });
    }
  });
}

test.describe('Presenter mode at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test('a thin player bar and type readable from the back of the room', async ({ page }) => {
    await page.goto('./?lesson=delete-on-update&step=2&present=1');
    const bar = await page.getByRole('region', { name: 'Player' }).boundingBox();
    expect(bar?.height ?? 999).toBeLessThanOrEqual(56);
    const size = await page
      .getByRole('note', { name: 'Narration' })
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
  });
  test('the current table row shows its step number below the sticky column headers', async ({
    page,
  }) => {
    /** From the bottom of the column headers (sticky cells) to the top of the current row. */
    const gap = () =>
      page.locator('.stage .xtable__scroll').evaluate(async (box) => {
        // The box scrolls in the frame after the step, and the row slides in: let both settle.
        await new Promise((resolve) => setTimeout(resolve, 700));
        const row = box.querySelector('tbody tr[aria-current]')!.getBoundingClientRect();
        const header = box.querySelector('thead th')!.getBoundingClientRect();
        return row.top - header.bottom;
      });
    // Opened at a step (a deep link), and reached with the clicker.
    for (let step = 1; step <= 5; step += 1) {
      await page.goto(`./?lesson=delete-on-update&step=${step}&present=1`);
      expect(await gap(), `opened at step ${step}`).toBeGreaterThanOrEqual(-1);
    }
    await page.goto('./?lesson=delete-on-update&step=1&present=1');
    for (let step = 2; step <= 5; step += 1) {
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('status').filter({ hasText: /^Step \d+ of/ })).toHaveText(
        new RegExp(`^Step ${step} of`),
      );
      expect(await gap(), `stepped to step ${step}`).toBeGreaterThanOrEqual(-1);
    }
  });
  test('clicker keys: Space and → go on, ← goes back, B and . blank the screen', async ({
    page,
  }) => {
    await page.goto('./?present=1');
    await expect(status(page)).toHaveText(/^Step 0 of 5/);
    await page.keyboard.press(' ');
    await expect(status(page)).toHaveText(/^Step 1 of 5/);
    await page.keyboard.press('ArrowRight');
    await expect(status(page)).toHaveText(/^Step 2 of 5/);
    await page.keyboard.press('ArrowLeft');
    await expect(status(page)).toHaveText(/^Step 1 of 5/);
    await page.keyboard.press('b');
    await expect(page.getByTestId('blank-screen')).toBeVisible();
    await page.keyboard.press('b');
    await expect(page.getByTestId('blank-screen')).toBeHidden();
    await page.keyboard.press('.');
    await expect(page.getByTestId('blank-screen')).toBeVisible();
    await page.keyboard.press('.');
    await expect(page.getByTestId('blank-screen')).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Presenter mode' })).toBeVisible();
    expect(page.url()).not.toContain('present=1');
  });
  test('the audience window shows only the slide and follows five presenter steps', async ({
    page,
    context,
  }) => {
    await page.goto('./?present=1');
    await expect(status(page)).toHaveText(/^Step 0 of 5/);
    const [audience] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open audience window' }).click(),
    ]);
    await audience.waitForLoadState();
    await expect(audience.getByRole('region', { name: 'Stage' })).toBeVisible();
    await expect(audience.getByRole('button', { name: 'Next step' })).toHaveCount(0);
    // The presenter's own window now shows speaker notes and a clock.
    await expect(page.getByRole('complementary', { name: 'Speaker notes' })).toBeVisible();
    for (let step = 1; step <= 5; step += 1) {
      await page.keyboard.press('PageDown');
      await expect(status(page)).toHaveText(new RegExp(`^Step ${step} of 5`));
      await expect(audience.getByRole('note', { name: 'Narration' })).toContainText(
        `Step ${step}.`,
      );
    }
    await page.keyboard.press('PageDown');
    await expect(audience.getByRole('region', { name: 'Key moments' })).toBeVisible();
    await page.keyboard.press('b');
    await expect(audience.getByTestId('blank-screen')).toBeVisible();
  });
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: presenter and audience views, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('./?lesson=delete-on-update&step=3&present=1');
      await expect(status(page)).toHaveText(/^Step 3/);
      expect(await axeViolations(page)).toEqual([]);
      const audience = await page.context().newPage();
      await audience.emulateMedia({ colorScheme: scheme });
      await audience.goto(page.url().replace('present=1', 'present=1&audience=1'));
      await waitForApp(audience);
      await expect(audience.getByRole('region', { name: 'Stage' })).toBeVisible();
      expect(await axeViolations(audience)).toEqual([]);
      await audience.close();
    });
  }
});

test.describe('Embed', () => {
  for (const frame of [
    { width: 860, height: 640 },
    { width: 560, height: 420 },
  ]) {
    test(`fits a ${frame.width}×${frame.height} iframe without inner scrolling`, async ({
      page,
      baseURL,
    }) => {
      await page.setViewportSize({ width: frame.width + 40, height: frame.height + 40 });
      await page.goto('./');
      const src = `${baseURL}?lesson=delete-on-update&step=3&embed=1&theme=dark`;
      await page.setContent(
        `<iframe title="Django Cache Lab" src="${src}" width="${frame.width}" height="${frame.height}" style="border:0"></iframe>`,
      );
      const inner = page.frameLocator('iframe');
      await expect(inner.getByRole('region', { name: 'Stage' })).toBeVisible();
      await expect(inner.getByRole('link', { name: /Open in Django Cache Lab/ })).toHaveAttribute(
        'href',
        /lesson=delete-on-update&step=3/,
      );
      const handle = await page.locator('iframe').elementHandle();
      const child = await handle?.contentFrame();
      if (!child) throw new Error('no iframe document');
      await expect(inner.getByRole('status').filter({ hasText: /^Step 3/ })).toBeVisible();
      const sizes = await child.evaluate(() => ({
        scroll: document.documentElement.scrollHeight,
        inner: window.innerHeight,
        wide: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        theme: document.documentElement.dataset.theme,
      }));
      expect(sizes.scroll).toBeLessThanOrEqual(sizes.inner);
      expect(sizes.wide).toBeLessThanOrEqual(sizes.innerWidth);
      expect(sizes.theme).toBe('dark');
    });
  }
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: the embed, ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width: 860, height: 640 });
      await page.goto(`./?lesson=delete-on-update&step=3&embed=1&theme=${scheme}`);
      await expect(page.getByRole('region', { name: 'Stage' })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: the Stage at 1366×768, ${scheme}`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('./?lesson=thundering-herd&step=5');
    await expect(page.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
