import { expect, test, type Page } from './fixtures';
import { catalog } from '../../src/lessons/catalog';

/** Pages in a PDF from Chromium: one `/Type /Page` object each (the tree is `/Pages`). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

async function cellsOverflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.handout td, .handout th'))
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => cell.textContent ?? ''),
  );
}

test.describe('Printable handout', () => {
  test('Print handout prints without moving the live step', async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.goto('./?step=2');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Print handout' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
      .toBe(1);
    await expect(page.getByRole('status').filter({ hasText: /^Step 2 of 5/ })).toBeVisible();
  });

  test('the handout is on the page only while it prints, rendered before the print layout', async ({
    page,
  }) => {
    await page.goto('./?step=2');
    await expect(page.getByRole('status').filter({ hasText: /^Step 2 of 5/ })).toBeVisible();
    // Not carried (nor hydrated) by the screen's page.
    await expect(page.locator('.handout')).toHaveCount(0);
    // The browser lays the page out for print right after `beforeprint` returns: the handout
    // must be in the DOM by then, every row of it.
    const rowsAtPrint = await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      return document.querySelector('.handout table')?.querySelectorAll('tbody tr').length ?? 0;
    });
    expect(rowsAtPrint).toBe(5);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(page.locator('.handout')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: /^Step 2 of 5/ })).toBeVisible();
  });

  test('the default lesson prints on at most two A4 or Letter pages, in light colours', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('./?step=1');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const handout = page.locator('.handout');
    await expect(handout).toBeVisible();
    await expect(page.getByRole('region', { name: 'Stage' })).toBeHidden();
    // Every row of the table, whatever the live step.
    await expect(handout.locator('table').first().locator('tbody tr')).toHaveCount(5);
    await expect(handout).toContainText("{'user_profile_42': 'fresh_data'}");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(255, 255, 255)');
    for (const format of ['A4', 'Letter'] as const) {
      expect(await cellsOverflowing(page), format).toEqual([]);
      const pdf = await page.pdf({ format });
      expect(pageCount(pdf), format).toBeLessThanOrEqual(2);
    }
    // The quiz is printed without its answers.
    await expect(handout).not.toContainText('Correct');
  });

  test('every lesson prints on at most three A4 pages with no cell broken', async ({ page }) => {
    for (const lesson of catalog) {
      await page.goto(`./?lesson=${lesson.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
      await page.emulateMedia({ media: 'print' });
      expect(await cellsOverflowing(page), lesson.id).toEqual([]);
      expect(pageCount(await page.pdf({ format: 'A4' })), lesson.id).toBeLessThanOrEqual(3);
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
