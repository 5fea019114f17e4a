import { expect, test, type Page } from './fixtures';
import {
  SEED_HEADERS,
  SEED_TABLE,
  SEED_TRACKER,
  SEED_TRACKER_HEADERS,
} from '../fixtures/seed-lesson';

const table = (page: Page) => page.getByRole('table', { name: 'Execution table' });
const tracker = (page: Page) => page.getByRole('table', { name: 'Variable tracker' });
const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Step \d+ of \d+/ });

async function bodyRows(page: Page): Promise<string[][]> {
  return table(page)
    .locator('tbody tr:not([data-reached="false"])')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent ?? '')),
    );
}

test.describe('The seed lesson', () => {
  test('steps through all five steps, table and tracker matching the seed cell for cell', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Cache invalidation strategies in Django',
    );
    await expect(status(page)).toHaveText(/^Step 0 of 5/);
    expect(await bodyRows(page)).toEqual([]);
    await expect(page.getByRole('button', { name: 'First step' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Previous step' })).toBeDisabled();

    const headers = await table(page).locator('thead th').allTextContents();
    expect(headers).toEqual(SEED_HEADERS);
    const trackerHeaders = await tracker(page).locator('thead th').allTextContents();
    expect(trackerHeaders).toEqual(['Variable', ...SEED_TRACKER_HEADERS]);

    for (let n = 1; n <= 5; n += 1) {
      await page.getByRole('button', { name: 'Next step' }).click();
      await expect(status(page)).toHaveText(new RegExp(`^Step ${n} of 5`));
      await expect(status(page)).toContainText(SEED_TABLE[n - 1][1]);
      expect(await bodyRows(page)).toEqual(SEED_TABLE.slice(0, n));
      await expect(table(page).locator('tbody tr[aria-current="step"]')).toHaveCount(1);
      await expect(page.getByRole('slider', { name: 'Step' })).toHaveValue(String(n));
      const cells = await tracker(page).locator('tbody tr').first().locator('td').allTextContents();
      expect(cells).toEqual(SEED_TRACKER.map((v, i) => (i <= n ? v : '')));
    }
    await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Last step' })).toBeDisabled();
  });

  test('flags stale data in the Cache panel only after the update and before the delete', async ({
    page,
  }) => {
    await page.goto('./?lesson=delete-on-update&step=2');
    const cache = page.getByRole('region', { name: 'Cache' });
    await expect(cache).toContainText('stale');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(cache).not.toContainText('stale');
  });

  test('deep link opens a step and survives a reload', async ({ page }) => {
    await page.goto('./?lesson=delete-on-update&step=3');
    await expect(status(page)).toHaveText(/^Step 3 of 5/);
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page).toHaveURL(/step=4/);
    await page.reload();
    await expect(status(page)).toHaveText(/^Step 4 of 5/);
    expect(await bodyRows(page)).toEqual(SEED_TABLE.slice(0, 4));
  });

  test('skip step 3: the user is served stale data', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Skip step 3' }).click();
    await expect(page).toHaveURL(/skip=3/);
    await page.getByRole('button', { name: 'Last step' }).click();
    const rows = await bodyRows(page);
    expect(rows[2][5]).toMatch(/skipped/i);
    expect(rows[3][4]).toBe("{'user_profile_42': 'old_data'}");
    expect(rows[4][5]).toMatch(/stale/);
    await expect(page.getByRole('region', { name: 'Cache' })).toContainText('stale');
    await page.getByRole('button', { name: 'Back to the normal path' }).click();
    await expect(page).not.toHaveURL(/skip=/);
    expect((await bodyRows(page))[4]).toEqual(SEED_TABLE[4]);
  });

  test('quiz: right and wrong answers, hint that jumps to a step, score', async ({ page }) => {
    await page.goto('./');
    const quiz = page.getByRole('region', { name: 'Visual quiz' });
    await expect(quiz).toContainText('Score: 0 / 3');
    const q1 = quiz.getByRole('group', { name: /what is the cache state after step 3/ });
    await q1.getByRole('radio', { name: 'A {}', exact: true }).check();
    await q1.getByRole('button', { name: 'Check answer' }).click();
    await expect(q1.getByRole('status')).toHaveText(/^Correct/);
    await expect(quiz).toContainText('Score: 1 / 3');

    const q2 = quiz.getByRole('group', { name: /At which step does the cache get updated/ });
    await q2.getByRole('radio', { name: 'B Step 3', exact: true }).check();
    await q2.getByRole('button', { name: 'Check answer' }).click();
    await expect(q2.getByRole('status')).toHaveText(/^Incorrect/);
    await expect(quiz).toContainText('Score: 1 / 3');
    await q2.getByText('Hint').click();
    await q2.getByRole('button', { name: 'Show me step 4' }).click();
    await expect(status(page)).toHaveText(/^Step 4 of 5/);

    const q3 = quiz.getByRole('group', { name: /If we skip cache deletion in step 3/ });
    await q3.getByRole('radio', { name: "B {'user_profile_42': 'old_data'}", exact: true }).check();
    await q3.getByRole('button', { name: 'Check answer' }).click();
    await expect(q3.getByRole('status')).toHaveText(/^Correct/);
    await expect(quiz).toContainText('Score: 2 / 3');
  });

  test('key moments open and jump to their step', async ({ page }) => {
    await page.goto('./');
    const moments = page.getByRole('region', { name: 'Key moments' });
    await moments
      .getByText("What happens if we don't delete or update the cache after data changes?")
      .click();
    await moments.getByRole('button', { name: 'Show step 3' }).click();
    await expect(status(page)).toHaveText(/^Step 3 of 5/);
  });

  test('the contract regions are all present', async ({ page }) => {
    await page.goto('./');
    for (const name of [
      'Concept flow',
      'Execution sample',
      'Database',
      'Cache',
      'Key moments',
      'Visual quiz',
      'Concept snapshot',
      'Full transcript',
    ]) {
      await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
    }
  });
});

test.describe('Bad URLs', () => {
  test('unknown lesson, out-of-range step and bad skip show notices and never render HTML', async ({
    page,
  }) => {
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    await page.goto('./?lesson=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&step=999&skip=9,zz');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Cache invalidation strategies in Django',
    );
    await expect(status(page)).toHaveText(/^Step 5 of 5/);
    const alerts = page.getByRole('alert');
    await expect(alerts.filter({ hasText: '<img src=x onerror=alert(1)>' })).toHaveCount(1);
    await expect(alerts.filter({ hasText: '"999"' })).toHaveCount(1);
    await expect(alerts.filter({ hasText: '"zz"' })).toHaveCount(1);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test('a step that is not a number starts at 0', async ({ page }) => {
    await page.goto('./?step=abc');
    await expect(status(page)).toHaveText(/^Step 0 of 5/);
    await expect(page.getByRole('alert').filter({ hasText: '"abc"' })).toBeVisible();
  });

  test('a negative step is clamped to 0', async ({ page }) => {
    await page.goto('./?step=-1');
    await expect(status(page)).toHaveText(/^Step 0 of 5/);
    await expect(page.getByRole('alert').filter({ hasText: '"-1"' })).toBeVisible();
  });
});
