import { expect, test } from './fixtures';

async function durations(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const seen = new Set<string>();
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const style = getComputedStyle(el);
      for (const value of [style.animationDuration, style.transitionDuration]) {
        for (const part of value.split(',')) seen.add(part.trim());
      }
    }
    return [...seen];
  });
}

test.describe('Motion', () => {
  test('rows and values animate by default', async ({ page }) => {
    await page.goto('./?step=2');
    await page.getByRole('button', { name: 'Next step' }).click();
    const seen = await durations(page);
    expect(seen.some((d) => d !== '0s')).toBe(true);
  });

  test.describe('with prefers-reduced-motion: reduce', () => {
    test.use({ reducedMotion: 'reduce' });
    test('every animation and transition duration computes to 0 s', async ({ page }) => {
      await page.goto('./?step=2');
      await page.getByRole('button', { name: 'Next step' }).click();
      expect(await durations(page)).toEqual(['0s']);
    });
  });
});
