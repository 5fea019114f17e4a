import { expect, test, type Page } from './fixtures';
import { axeViolations } from './axe';

const executionTable = (page: Page) => page.getByRole('table', { name: 'Execution table' });
/** Rows of steps reached so far (a "show all steps" option may add dimmed later rows). */
const reachedRows = (page: Page) =>
  executionTable(page).locator('tbody tr:not([data-reached="false"])');

test.describe('Sandbox', () => {
  test('is reachable from the header and has zero axe violations', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('link', { name: 'Sandbox' }).click();
    await expect(page).toHaveURL(/view=sandbox/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sandbox');
    await expect(
      page.getByRole('heading', { name: 'Scenario', exact: true, level: 2 }),
    ).toBeVisible();
    await expect(page.getByLabel('Scenario JSON')).toHaveValue(/"id": "delete-on-update"/);
    expect(await axeViolations(page)).toEqual([]);

    // With a failed check on screen too.
    await page.getByLabel('Scenario JSON').fill('{ "id": ');
    await page.getByRole('button', { name: 'Check and run' }).click();
    await expect(page.getByRole('alert')).toContainText('Not valid JSON');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('fits a 390 px phone in dark mode with zero axe violations', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('./?view=sandbox');
    await page.getByRole('button', { name: 'Load example' }).click();
    await expect(page.getByRole('button', { name: 'Open in the player' })).toBeVisible();
    await page.getByLabel('Steps').fill('0');
    await page.getByRole('button', { name: 'Random scenario' }).click();
    await expect(page.getByRole('alert')).toHaveText(/Steps must be a whole number/);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('plays a 500-step random scenario in the player with every panel', async ({ page }) => {
    // 500 steps, two axe scans and a jump to the end: the longest journey in the suite.
    test.slow();
    await page.goto('./?view=sandbox');
    await page.getByLabel('Steps').fill('500');
    await page.getByLabel('Seed').fill('7');
    await page.getByRole('button', { name: 'Random scenario' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Loaded "Random scenario 7": 500 steps, 2 actors.',
    );
    await expect(page.getByLabel('Seed')).toHaveValue('8');
    await page.getByRole('button', { name: 'Open in the player' }).click();

    await expect(page).toHaveURL(/lesson=sandbox/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Random scenario 7');
    const status = page.getByRole('status').filter({ hasText: /^Step \d+ of 500/ });
    await expect(status).toHaveText(/^Step 0 of 500/);
    for (const name of ['Execution sample', 'Cache', 'Database', 'Key moments', 'Visual quiz']) {
      await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByText('This scenario has no quiz.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Variable tracker' })).toBeVisible();

    const next = page.getByRole('button', { name: 'Next step' });
    for (let i = 1; i <= 20; i += 1) await next.click();
    await expect(status).toHaveText(/^Step 20 of 500/);
    await expect(reachedRows(page)).toHaveCount(20);
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('End');
    await expect(status).toHaveText(/^Step 500 of 500/);
    await expect(reachedRows(page)).toHaveCount(500);
    // A long trace's table scrolls in a box of its own and the timeline renders a window of
    // columns; each box keeps the current step in its view.
    const isInBox = (box: string, current: string) =>
      page.evaluate(
        ([box, current]) => {
          const outer = document.querySelector(box)!.getBoundingClientRect();
          const inner = document.querySelector(box)!.querySelector(current)!;
          const rect = inner.getBoundingClientRect();
          return (
            rect.top >= outer.top - 1 &&
            rect.bottom <= outer.bottom + 1 &&
            rect.left >= outer.left - 1 &&
            rect.right <= outer.right + 1
          );
        },
        [box, current],
      );
    await page
      .getByRole('region', { name: 'Execution table, scrollable' })
      .scrollIntoViewIfNeeded();
    await expect.poll(() => isInBox('.xtable__scroll', 'tbody tr[aria-current="step"]')).toBe(true);
    const lanes = page.getByRole('region', { name: 'Timeline lanes, scrollable' });
    await lanes.scrollIntoViewIfNeeded();
    await expect(lanes.locator('[aria-current="step"]')).toHaveText(/^▶Step 500/);
    await expect.poll(() => isInBox('.timeline__scroll', '[aria-current="step"]')).toBe(true);

    // The address restores the sandbox scenario after a reload (its text is kept locally).
    await page.reload();
    await expect(status).toHaveText(/^Step 500 of 500/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Random scenario 7');
  });

  test('a malformed file gives an alert and keeps the loaded scenario', async ({ page }) => {
    await page.goto('./?view=sandbox');
    await page.getByRole('button', { name: 'Load example' }).click();
    const summary = page.getByRole('status');
    await expect(summary).toHaveText(
      'Loaded "Cache invalidation strategies in Django": 5 steps, 1 actor.',
    );
    const editor = page.getByLabel('Scenario JSON');
    const before = await editor.inputValue();

    await page.getByLabel('Import scenario file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "id": "x", "steps": [ <img src=x onerror=alert(1)> ] }'),
    });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not import "broken.json": Not valid JSON');
    await expect(alert).toContainText('line 1, column');
    await expect(page.locator('img')).toHaveCount(0);
    await expect(editor).toHaveValue(before);
    await expect(summary).toHaveText(
      'Loaded "Cache invalidation strategies in Django": 5 steps, 1 actor.',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  test('?lesson=sandbox with nothing loaded falls back to the default lesson', async ({ page }) => {
    await page.goto('./?lesson=sandbox');
    await expect(page.getByRole('alert')).toContainText('No sandbox scenario is loaded');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Cache invalidation strategies in Django',
    );
  });
});
