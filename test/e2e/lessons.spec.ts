import { expect, test, type Page } from './fixtures';
import { catalog } from '../../src/lessons/catalog';
import { axeViolations } from './axe';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Step \d+ of \d+/ });
const LETTERS = ['A', 'B', 'C', 'D'];

async function tableText(page: Page): Promise<string[]> {
  return page
    .getByRole('table', { name: 'Execution table' })
    .locator('tbody tr:not([data-reached="false"])')
    .allInnerTexts();
}

for (const lesson of catalog) {
  const m = lesson.steps.length;
  test.describe(`Lesson ${lesson.id}`, () => {
    test('opens by URL and steps to its end', async ({ page }) => {
      await page.goto(`./?lesson=${lesson.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
      await expect(status(page)).toHaveText(new RegExp(`^Step 0 of ${m}`));
      for (let n = 1; n <= m; n += 1) {
        await page.getByRole('button', { name: 'Next step' }).click();
        await expect(status(page)).toHaveText(new RegExp(`^Step ${n} of ${m}`));
      }
      expect(await tableText(page)).toHaveLength(m);
      await expect(page).toHaveURL(new RegExp(`lesson=${lesson.id}&step=${m}`));
    });

    test('at its last step, answers its quiz and is axe-clean', async ({ page }) => {
      await page.goto(`./?lesson=${lesson.id}&step=${m}`);
      await expect(status(page)).toHaveText(new RegExp(`^Step ${m} of ${m}`));
      const quiz = page.getByRole('region', { name: 'Visual quiz' });
      for (const [i, q] of lesson.quiz.entries()) {
        const group = quiz.getByRole('group', { name: q.question, exact: true });
        const right = `${LETTERS[q.answer]} ${q.options[q.answer]}`;
        await group.getByRole('radio', { name: right, exact: true }).check();
        await group.getByRole('button', { name: 'Check answer' }).click();
        await expect(group.getByRole('status')).toHaveText(/^Correct/);
        await expect(quiz).toContainText(`Score: ${i + 1} / 3`);
      }
      expect(await axeViolations(page)).toEqual([]);
    });

    if (lesson.remedy) {
      const remedy = lesson.remedy;
      test(`the remedy "${remedy.label}" changes the outcome`, async ({ page }) => {
        await page.goto(`./?lesson=${lesson.id}&step=${m}`);
        await expect(status(page)).toHaveText(new RegExp(`^Step ${m} of ${m}`));
        const without = await tableText(page);
        await page.getByRole('button', { name: remedy.label }).click();
        await expect(page.getByRole('button', { name: remedy.label })).toHaveAttribute(
          'aria-pressed',
          'true',
        );
        await expect(page).toHaveURL(/remedy=1/);
        const withRemedy = await tableText(page);
        expect(withRemedy).toHaveLength(m);
        expect(withRemedy).not.toEqual(without);
        await page.reload();
        await expect(page.getByRole('button', { name: remedy.label })).toHaveAttribute(
          'aria-pressed',
          'true',
        );
        expect(await tableText(page)).toEqual(withRemedy);
      });
    }
  });
}

test('the lesson picker switches lessons', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Lesson').selectOption('ttl-expiry');
  await expect(page).toHaveURL(/lesson=ttl-expiry/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    catalog.find((l) => l.id === 'ttl-expiry')?.title ?? '',
  );
});
