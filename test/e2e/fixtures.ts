import { test as base, type Page } from '@playwright/test';

export * from '@playwright/test';

/**
 * Waits until React owns the page (`<html data-ready>`, set by the first view). The first view
 * is prerendered, so its buttons are painted before they are wired; what is done in that gap is
 * kept and replayed (first-paint.spec.ts tests that), but most tests check what the wired app
 * does. Soft: a page that never gets ready (an error screen) is left to the test's own
 * assertions.
 */
export async function waitForApp(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.documentElement.dataset.ready === 'true', null, {
      timeout: 15_000,
    })
    .catch(() => undefined);
}

/**
 * Playwright's `test`, with `page.goto` and `page.reload` returning once the app is wired — except
 * a `goto` that asks only for `waitUntil: 'commit'`, which returns at once (to test the loading
 * screen itself).
 */
export const test = base.extend({
  page: async ({ page }, provide) => {
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args: Parameters<Page['goto']>) => {
      const response = await goto(...args);
      if (args[1]?.waitUntil !== 'commit') await waitForApp(page);
      return response;
    };
    page.reload = async (...args: Parameters<Page['reload']>) => {
      const response = await reload(...args);
      await waitForApp(page);
      return response;
    };
    await provide(page);
  },
});

/** The views index.html prerenders (the build writes each one's HTML). */
export const PRERENDERED_VIEWS = [
  './',
  './?view=lessons',
  './?view=compare',
  './?view=practice',
  './?view=sandbox',
] as const;
