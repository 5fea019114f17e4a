import { expect, PRERENDERED_VIEWS, test, type Page } from './fixtures';
import { catalog } from '../../src/lessons/catalog';

/**
 * Issue 10 #7, WCAG 1.4.10: at 320 CSS px the page never scrolls sideways. Code listings and
 * wide tables may scroll inside their own boxes; the page itself may not.
 */
async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(
    scroll,
    `${label}: the page is ${scroll}px wide in a ${client}px window`,
  ).toBeLessThanOrEqual(client);
}

test.describe('320 px reflow (issue 10 #7)', () => {
  test.use({ viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' });

  test('every view, and the header menu open, fit 320 px', async ({ page }) => {
    for (const address of [...PRERENDERED_VIEWS, './?present=1', './?embed=1']) {
      await page.goto(address);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await noSidewaysScroll(page, address);
    }
    await page.goto('./');
    await page.getByRole('button', { name: 'Menu' }).click();
    await noSidewaysScroll(page, 'the open menu');
  });

  for (const lesson of catalog) {
    test(`${lesson.id} at its last step (quiz legends hold long code words), and its remedy`, async ({
      page,
    }) => {
      const last = lesson.steps.length;
      const addresses = [`./?lesson=${lesson.id}&step=${last}`];
      if (lesson.remedy) addresses.push(`./?lesson=${lesson.id}&step=${last}&remedy=1`);
      for (const address of addresses) {
        await page.goto(address);
        await expect(page.getByRole('status').filter({ hasText: /^Step / })).toContainText(
          `Step ${last} of ${last}`,
        );
        await noSidewaysScroll(page, address);
      }
    });
  }
});
