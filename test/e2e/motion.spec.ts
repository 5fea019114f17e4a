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

  test('a step animates only opacity and transform (no repaint of every frame)', async ({
    page,
  }) => {
    for (const address of ['./?step=0', './?lesson=thundering-herd&step=2']) {
      await page.goto(address);
      const status = page.getByRole('status').filter({ hasText: /^Step \d+ of/ });
      for (let i = 0; i < 3; i += 1) {
        // By key, as a clicker would: a hovered button's own colour change is not a step's.
        await page.keyboard.press('ArrowRight');
        await expect(status).toHaveText(
          new RegExp(`^Step ${i + (address.includes('step=2') ? 3 : 1)} of`),
        );
        const painted = await page.evaluate(() =>
          document.getAnimations().flatMap((animation) => {
            const effect = animation.effect as KeyframeEffect | null;
            const properties =
              animation instanceof CSSTransition
                ? [animation.transitionProperty]
                : (effect?.getKeyframes() ?? []).flatMap((frame) => Object.keys(frame));
            const target = effect?.target;
            return properties
              .filter((p) => !['offset', 'easing', 'composite', 'computedOffset'].includes(p))
              .filter((p) => p !== 'opacity' && p !== 'transform')
              .map((p) => `${target instanceof Element ? target.className : '?'}: ${p}`);
          }),
        );
        expect(painted, `${address}, step ${i + 1}`).toEqual([]);
      }
    }
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
