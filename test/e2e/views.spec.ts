import { expect, test } from './fixtures';
import { axeViolations as axe } from './axe';

test.describe('Lesson index', () => {
  test('lists the lessons by group and opens one', async ({ page }) => {
    await page.goto('./?view=lessons');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lessons');
    await expect(page.getByRole('heading', { name: 'Strategies', level: 2 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Failure modes', level: 2 })).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await page.getByRole('link', { name: /^Dogpile/ }).click();
    await expect(page).toHaveURL(/lesson=thundering-herd/);
    await expect(page.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible();
  });

  test('is reachable from the header and zero violations in dark at 390 px', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('./');
    // On a phone the views are in the header's menu.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'All lessons' }).click();
    await expect(page).toHaveURL(/view=lessons/);
    await expect(page.getByRole('heading', { name: 'Failure modes', level: 2 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
  });
});

test.describe('Compare', () => {
  test('shows a verdict per step and strategy, and reacts to the TTL', async ({ page }) => {
    await page.goto('./?view=compare');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare strategies');
    const table = page.getByRole('table', { name: 'Compare strategies' });
    await expect(table).toBeVisible();
    await expect(table).toContainText('stale');
    await expect(table).toContainText('fresh');
    expect(await axe(page)).toEqual([]);
    const before = await table.innerText();
    await page.getByLabel('TTL (seconds)').fill('120');
    await expect.poll(() => table.innerText()).not.toBe(before);
  });
});

test.describe('Timeline lanes', () => {
  test('a two-actor race shows one lane per actor and where the stale value came from', async ({
    page,
  }) => {
    await page.goto('./?lesson=stale-set-race&step=6');
    const timeline = page.getByRole('region', { name: 'Timeline', exact: true });
    await expect(timeline.getByRole('heading', { name: 'request A' })).toBeVisible();
    await expect(timeline.getByRole('heading', { name: 'request B' })).toBeVisible();
    await expect(timeline).toContainText('stale set');
    expect(await axe(page)).toEqual([]);
  });

  test('the default lesson has no timeline', async ({ page }) => {
    await page.goto('./?step=2');
    await expect(page.getByRole('region', { name: 'Cache' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Timeline', exact: true })).toHaveCount(0);
  });
});
