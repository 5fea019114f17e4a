import { expect, test } from '@playwright/test';

test.describe('Printable handout', () => {
  test('Print handout goes to the last step, prints, and the print view drops the controls', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.goto('./?step=2');
    await page.getByRole('button', { name: 'Print handout' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Step 5 of 5/ })).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
      .toBe(1);

    const moments = page.getByRole('region', { name: 'Key moments' });
    await expect(moments).toBeVisible();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(moments.getByRole('button', { name: 'Show step 3' })).toBeAttached();
    expect(await moments.locator('details:not([open])').count()).toBe(0);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Next step' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'All lessons' })).toBeHidden();
    await expect(page.getByRole('table', { name: 'Execution table' })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('region', { name: 'Full transcript' })).toBeVisible();

    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await moments.locator('details[open]').count()).toBe(0);
  });
});
