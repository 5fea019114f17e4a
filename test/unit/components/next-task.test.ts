import { describe, expect, it } from 'vitest';
import { nextTask } from '../../../src/components/next-task';

describe('nextTask', () => {
  it('resolves in a later task: after this task and every microtask it queued', async () => {
    const order: string[] = [];
    const done = nextTask().then(() => order.push('next task'));
    queueMicrotask(() => {
      order.push('microtask');
      queueMicrotask(() => order.push('microtask it queued'));
    });
    order.push('this task');
    await done;
    expect(order).toEqual(['this task', 'microtask', 'microtask it queued', 'next task']);
  });
});
