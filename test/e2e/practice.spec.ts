import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './fixtures';
import { FIRST_PRACTICE_SEED, generatePractice, nextPracticeSeed } from '../../src/engine';
import { axeViolations } from './axe';

const LETTERS = ['A', 'B', 'C', 'D'];

/** Pick option `i` of the seed's question (computed by the engine here) and check it. */
async function answer(page: Page, seed: number, isRight: boolean): Promise<void> {
  const q = generatePractice(seed);
  const i = isRight ? q.answer : (q.answer + 1) % 4;
  const form = page.getByRole('group', { name: q.question });
  await form.getByRole('radio', { name: `${LETTERS[i]} ${q.options[i]}`, exact: true }).check();
  await form.getByRole('button', { name: 'Check answer' }).click();
}

test.describe('Practice', () => {
  test('answers generated questions, keeps a redo list and the score across a reload', async ({
    page,
  }) => {
    const first = FIRST_PRACTICE_SEED;
    const second = nextPracticeSeed(first);
    await page.goto('./?view=practice');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practice');
    await expect(page.getByRole('link', { name: 'Practice' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const scenario = page.getByRole('region', { name: 'Scenario' });
    await expect(scenario.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(
      generatePractice(first).scenario.steps.length,
    );

    await answer(page, first, true);
    const status = page
      .getByRole('group', { name: generatePractice(first).question })
      .getByRole('status');
    await expect(status).toHaveText(/^Correct/);
    await expect(page.getByText('Practice score: 1 right of 1')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    const scenarioBefore = await scenario.innerText();
    const redo = page.getByRole('button', { name: 'Redo wrong answers' });
    await expect(redo).toBeDisabled();
    await page.getByRole('button', { name: 'New question' }).click();
    await expect(
      page.getByRole('group', { name: generatePractice(second).question }),
    ).toBeVisible();
    await expect.poll(() => scenario.innerText()).not.toBe(scenarioBefore);

    await answer(page, second, false);
    await expect(
      page.getByRole('group', { name: generatePractice(second).question }).getByRole('status'),
    ).toHaveText(/^Incorrect/);
    await expect(redo).toBeEnabled();
    await expect(redo).toHaveAccessibleDescription('1 wrong answer to redo.');
    await expect(page.getByText('Practice score: 1 right of 2')).toBeVisible();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export results' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('django-cache-lab-results.json');
    const data = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      practice: { right: number; total: number; answers: { seed: number }[] };
    };
    expect(data.practice).toMatchObject({ right: 1, total: 2 });
    expect(data.practice.answers.map((a) => a.seed)).toEqual([first, second]);

    await page.reload();
    await expect(page.getByText('Practice score: 1 right of 2')).toBeVisible();
    await expect(redo).toBeEnabled();
    await redo.click();
    await expect(
      page.getByRole('group', { name: generatePractice(second).question }),
    ).toBeVisible();
    await answer(page, second, true);
    await expect(page.getByText('Practice score: 2 right of 3')).toBeVisible();
    await expect(redo).toBeDisabled();
  });

  test('asks before resetting, and is axe-clean in dark at 390 px', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('./?view=practice');
    await answer(page, FIRST_PRACTICE_SEED, false);
    await page.getByRole('button', { name: 'Reset progress' }).click();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Confirm reset' }).click();
    await expect(page.getByText('Practice score: 0 right of 0')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Redo wrong answers' })).toBeDisabled();
  });
});
