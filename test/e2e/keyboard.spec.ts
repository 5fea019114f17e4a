import { expect, test } from './fixtures';

const status = (page: import('@playwright/test').Page) =>
  page.getByRole('status').filter({ hasText: /^Step \d+ of \d+/ });

test.describe('Keyboard only', () => {
  test('runs the lesson with the arrow keys, Home, End and PageUp/PageDown', async ({ page }) => {
    await page.goto('./');
    await page.locator('body').press('ArrowRight');
    await expect(status(page)).toHaveText(/^Step 1 of 5/);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(status(page)).toHaveText(/^Step 3 of 5/);
    await page.keyboard.press('ArrowLeft');
    await expect(status(page)).toHaveText(/^Step 2 of 5/);
    await page.keyboard.press('End');
    await expect(status(page)).toHaveText(/^Step 5 of 5/);
    await page.keyboard.press('Home');
    await expect(status(page)).toHaveText(/^Step 0 of 5/);
    await page.keyboard.press('PageUp');
    await expect(status(page)).toHaveText(/^Step 0 of 5/);
  });

  test('tabs to the player buttons and presses them with Enter and Space', async ({ page }) => {
    await page.goto('./');
    const next = page.getByRole('button', { name: 'Next step' });
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      if (await next.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(next).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText(/^Step 1 of 5/);
    // Space on a focused button presses that button, not play/pause.
    await page.keyboard.press('Space');
    await expect(status(page)).toHaveText(/^Step 2 of 5/);
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('the slider keeps its own arrow keys', async ({ page }) => {
    await page.goto('./');
    const slider = page.getByRole('slider', { name: 'Step' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(status(page)).toHaveText(/^Step 1 of 5/);
    await expect(slider).toHaveValue('1');
  });

  test('Space plays and pauses; ? opens the shortcut list; Esc closes it', async ({ page }) => {
    await page.goto('./');
    await page.locator('body').press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row', { name: /Next step/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('autoplay walks the lesson at no more than 2 s a step', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(status(page)).toHaveText(/^Step 1 of 5/, { timeout: 2_500 });
    await expect(status(page)).toHaveText(/^Step 2 of 5/, { timeout: 2_500 });
  });

  test('presenter mode: P enters, Esc leaves, the URL follows', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('./');
    await page.locator('body').press('p');
    await expect(page.getByRole('button', { name: 'Exit presenter mode' })).toBeVisible();
    await expect(page).toHaveURL(/present=1/);
    const size = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.documentElement).fontSize),
    );
    expect(size).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Presenter mode' })).toBeVisible();
    await expect(page).not.toHaveURL(/present=1/);
  });

  test('presenter mode hides quiz answers until revealed', async ({ page }) => {
    // The questions are the slides after the last step and its key moments.
    await page.goto('./?present=1&step=5');
    // Keys pressed before the app has read the address would be lost: wait for the step.
    await expect(status(page)).toHaveText(/^Step 5 of 5/);
    await page.keyboard.press('PageDown');
    const slide = page.getByRole('status').filter({ hasText: /^Slide:/ });
    await expect(slide).toHaveText(/^Slide: Key moments/);
    await page.keyboard.press('PageDown');
    await expect(slide).toHaveText(/^Slide: Question 1/);
    const q1 = page.getByRole('group', { name: /what is the cache state after step 3/ });
    await expect(q1.getByRole('button', { name: 'Reveal answer' })).toBeVisible();
    await q1.getByRole('button', { name: 'Reveal answer' }).click();
    await expect(q1).toContainText(/right answer|correct answer/i);
  });
  test('a step key pressed while a linked lesson is still loading is ignored', async ({ page }) => {
    // Hold the lesson's chunk back until a key has been pressed on the loading screen.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/thundering-herd-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('./?lesson=thundering-herd&step=2', { waitUntil: 'commit' });
    await expect(page.getByText('Loading the lesson…')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBeUndefined();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    release();
    await expect(status(page)).toHaveText(/^Step 2 of 10/);
    await expect(page).toHaveURL(/lesson=thundering-herd&step=2(&|$)/);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await page.keyboard.press('ArrowRight');
    await expect(status(page)).toHaveText(/^Step 3 of 10/);
  });
});
