import { describe, expect, it, vi } from 'vitest';
import * as engine from '../../../src/engine';

// Count the engine's runs, and run the real engine.
const runs = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/engine', async (importOriginal) => {
  const actual = await importOriginal<typeof engine>();
  return {
    ...actual,
    run: (...args: Parameters<typeof actual.run>) => {
      runs.count += 1;
      return actual.run(...args);
    },
  };
});

const { compareMatrix, DEFAULT_SELECTION, prepareCompare } =
  await import('../../../src/features/compare/compare-view');
const { DEFAULT_TTL, DEFAULT_WAIT } = await import('../../../src/lessons/compare-stories');

describe('Preparing the compare view', () => {
  it('runs the stories it opens with one a task, and its first render runs none', async () => {
    const prepared = prepareCompare();
    // The first story ran at once; the others wait for tasks of their own.
    expect(runs.count).toBe(1);
    await prepared;
    expect(runs.count).toBe(DEFAULT_SELECTION.length);
    const matrix = compareMatrix(DEFAULT_SELECTION, { ttl: DEFAULT_TTL, wait: DEFAULT_WAIT });
    expect(runs.count).toBe(DEFAULT_SELECTION.length);
    expect(matrix.columns.map((c) => c.strategy.id)).toEqual(DEFAULT_SELECTION);
    // Other options are not prepared: they run when they are asked for.
    compareMatrix(DEFAULT_SELECTION, { ttl: DEFAULT_TTL + 1, wait: DEFAULT_WAIT });
    expect(runs.count).toBe(2 * DEFAULT_SELECTION.length);
  });
});
