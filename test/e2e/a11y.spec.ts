import { expect, test } from './fixtures';
import { axeViolations as violations } from './axe';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    test('zero violations at the start', async ({ page }) => {
      await page.goto('./');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
    test('zero violations at the end, with show-all and hints open', async ({ page }) => {
      await page.goto('./?lesson=delete-on-update&step=5');
      await expect(page.getByRole('status').filter({ hasText: /^Step 5 of 5/ })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
    test('zero violations in the what-if view at the stale step', async ({ page }) => {
      await page.goto('./?lesson=delete-on-update&step=5&skip=3');
      expect(await violations(page)).toEqual([]);
    });
  });
}

test.describe('Phone width (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const step of [0, 3, 5]) {
    test(`no horizontal page scroll and zero violations at step ${step}`, async ({ page }) => {
      await page.goto(`./?lesson=delete-on-update&step=${step}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await violations(page)).toEqual([]);
    });
  }
});

test.describe('High contrast theme', () => {
  test('zero violations', async ({ page }) => {
    await page.goto('./?step=3');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByLabel('Theme').selectOption('contrast');
    await page.keyboard.press('Escape');
    expect(await violations(page)).toEqual([]);
  });
});
