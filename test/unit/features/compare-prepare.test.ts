import { describe, expect, it, vi } from 'vitest';
import type * as engine from '../../../src/engine';
import type * as nextTaskModule from '../../../src/components/next-task';

// Record the engine's runs and the yields to the browser, in order; run the real engine.
const order = vi.hoisted((): string[] => []);
vi.mock('../../../src/engine', async (importOriginal) => {
  const actual = await importOriginal<typeof engine>();
  return {
    ...actual,
    run: (...args: Parameters<typeof actual.run>) => {
      order.push('run');
      return actual.run(...args);
    },
  };
});
vi.mock('../../../src/components/next-task', async (importOriginal) => {
  const actual = await importOriginal<typeof nextTaskModule>();
  return {
    ...actual,
    nextTask: () => {
      order.push('new task');
      return actual.nextTask();
    },
  };
});

const { compareMatrix, DEFAULT_SELECTION, prepareCompare } =
  await import('../../../src/features/compare/compare-view');
const { DEFAULT_TTL, DEFAULT_WAIT } = await import('../../../src/lessons/compare-stories');

describe('Preparing the compare view', () => {
  it('runs each story it opens with in a task of its own, and its first render runs none', async () => {
    const prepared = prepareCompare();
    // Nothing runs in the caller's task (the one that evaluated the chunk).
    expect(order).toEqual(['new task']);
    await prepared;
    expect(order).toEqual(DEFAULT_SELECTION.flatMap(() => ['new task', 'run']));
    const matrix = compareMatrix(DEFAULT_SELECTION, { ttl: DEFAULT_TTL, wait: DEFAULT_WAIT });
    expect(order.filter((o) => o === 'run')).toHaveLength(DEFAULT_SELECTION.length);
    expect(matrix.columns.map((c) => c.strategy.id)).toEqual(DEFAULT_SELECTION);
    // Other options are not prepared: they run when they are asked for.
    compareMatrix(DEFAULT_SELECTION, { ttl: DEFAULT_TTL + 1, wait: DEFAULT_WAIT });
    expect(order.filter((o) => o === 'run')).toHaveLength(2 * DEFAULT_SELECTION.length);
  });
});
