import { expect, PRERENDERED_VIEWS, test, type Page } from './fixtures';

async function durations(page: Page) {
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

/**
 * Animations a hundred times slower, so a busy machine still finds them running when it looks
 * (their end times are their own, whatever the rate). Returns a function that slows them again:
 * a navigation starts a new document at the normal rate.
 */
async function slowAnimations(page: Page): Promise<() => Promise<unknown>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Animation.enable');
  const slow = () => cdp.send('Animation.setPlaybackRate', { playbackRate: 0.01 });
  await slow();
  return slow;
}

/** What is animating now: each animation's element (tag, class, text) and pseudo-element. */
function runningAnimations(page: Page) {
  return page.evaluate(() =>
    document.getAnimations().map((animation) => {
      const effect = animation.effect as KeyframeEffect | null;
      const target = effect?.target;
      return {
        tag: target instanceof Element ? target.tagName : '?',
        className: target instanceof Element ? target.className : '?',
        text: target instanceof Element ? (target.textContent?.trim() ?? '') : '',
        pseudo: effect?.pseudoElement ?? '',
      };
    }),
  );
}

/**
 * Three steps forward by key (as a clicker would: a hovered button's own colour change is not a
 * step's) on the default lesson and on thundering-herd; `check` runs after each, named for its
 * messages. `before` runs before each key press.
 */
async function eachStep(
  page: Page,
  check: (where: string) => Promise<void>,
  before: () => Promise<void> = async () => {},
): Promise<void> {
  for (const [address, from] of [
    ['./?step=0', 0],
    ['./?lesson=thundering-herd&step=2', 2],
  ] as const) {
    await page.goto(address);
    const status = page.getByRole('status').filter({ hasText: /^Step \d+ of/ });
    for (let i = 1; i <= 3; i += 1) {
      await before();
      await page.keyboard.press('ArrowRight');
      await expect(status).toHaveText(new RegExp(`^Step ${from + i} of`));
      await check(`${address}, step ${i}`);
    }
  }
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
    await eachStep(page, async (where) => {
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
      expect(painted, where).toEqual([]);
    });
  });

  test('a step’s animations last 200–300 ms and end together (one frame finishes them all)', async ({
    page,
  }) => {
    await slowAnimations(page);
    await eachStep(
      page,
      async (where) => {
        const ends = await page.evaluate(() =>
          document.getAnimations().map((animation) => {
            const effect = animation.effect as KeyframeEffect | null;
            const target = effect?.target;
            const name =
              animation instanceof CSSAnimation
                ? animation.animationName
                : animation instanceof CSSTransition
                  ? animation.transitionProperty
                  : '?';
            return {
              what: `${target instanceof Element ? target.className : '?'}${effect?.pseudoElement ?? ''} ${name}`,
              end: Number(effect?.getComputedTiming().endTime ?? 0),
            };
          }),
        );
        expect(ends.length, `${where}: the step animates something`).toBeGreaterThan(0);
        for (const { what, end } of ends) {
          expect(end, `${where}: ${what}`).toBeGreaterThanOrEqual(200);
          expect(end, `${where}: ${what}`).toBeLessThanOrEqual(300);
        }
        expect(new Set(ends.map((e) => e.end)).size, `${where}: ${JSON.stringify(ends)}`).toBe(1);
      },
      // The previous step's animations, still running at this rate, are not this step's.
      () => page.evaluate(() => document.getAnimations().forEach((a) => a.finish())),
    );
  });

  test('a prerendered view is just there on load: nothing in it animates in', async ({ page }) => {
    const slow = await slowAnimations(page);
    for (const address of PRERENDERED_VIEWS) {
      await slow();
      await page.goto(address);
      const running = await runningAnimations(page);
      expect(
        running.map((a) => a.className),
        address,
      ).toEqual([]);
    }
  });

  test('compare: a verdict that changes flashes once, the ones that stay do not', async ({
    page,
  }) => {
    await slowAnimations(page);
    await page.goto('./?view=compare');
    // A 120 s TTL outlives the 90 s wait: the TTL strategy's last read turns stale.
    await page.getByLabel('TTL (seconds)').fill('120');
    const table = page.getByRole('table', { name: 'Compare strategies' });
    await expect(table.getByRole('row', { name: /^4/ })).toContainText('stale');
    const flashing = await runningAnimations(page);
    expect(flashing).toHaveLength(1);
    expect(flashing[0].text).toMatch(/stale/);
    expect(flashing[0].pseudo).toBe('::after');
  });

  test('practice: a new question’s steps enter together', async ({ page }) => {
    await slowAnimations(page);
    await page.goto('./?view=practice');
    const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    const before = await steps.allInnerTexts();
    await page.getByRole('button', { name: 'New question' }).click();
    await expect.poll(() => steps.allInnerTexts()).not.toEqual(before);
    const entering = (await runningAnimations(page)).filter((a) => a.tag === 'LI');
    expect(entering).toHaveLength(await steps.count());
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
