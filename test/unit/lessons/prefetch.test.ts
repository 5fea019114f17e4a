import { describe, expect, it, vi } from 'vitest';
import { findLesson, lessonIndex, loadAllLessons, prefetchLessons } from '../../../src/lessons';

// The lessons other than the default, in the order their bodies load.
const others = lessonIndex.slice(1).map((lesson) => lesson.id);
const found = () => others.filter((id) => findLesson(id));

describe('The background prefetch of lessons', () => {
  it('loads one body each time the pace allows, and a load asked for now does not wait', async () => {
    let paces = 0;
    let isFree = false;
    let release: () => void = () => undefined;
    const pace = () =>
      new Promise<void>((resolve) => {
        paces += 1;
        release = resolve;
        if (isFree) resolve();
      });
    const prefetch = prefetchLessons(pace);
    expect(paces).toBe(1);
    expect(found()).toEqual([]);
    release();
    await vi.waitFor(() => expect(paces).toBe(2));
    // One body per pace: the first has loaded, the second waits for the pace.
    expect(found()).toEqual([others[0]]);
    // The lesson menu needs them all now: it does not wait for the prefetch's pace.
    await loadAllLessons();
    expect(found()).toEqual(others);
    isFree = true;
    release();
    await prefetch;
    expect(paces).toBe(others.length);
  });
});
