import { act, render } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useUrlSync } from '../../src/app/use-url-sync';
import { findLesson, loadAllLessons } from '../../src/lessons';
import { initialState, useAppStore } from '../../src/store/store';
import { parseUrlState } from '../../src/store/url-state';

function Sync() {
  useUrlSync();
  return null;
}

const state = () => useAppStore.getState();
const search = () => window.location.search;

/** Back or Forward, as the browser does it: the address changes, then `popstate`. */
async function go(delta: number): Promise<void> {
  await act(async () => {
    const popped = new Promise((resolve) =>
      window.addEventListener('popstate', resolve, { once: true }),
    );
    window.history.go(delta);
    await popped;
  });
  // Lesson chunks and the sandbox load asynchronously: let them settle.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

beforeAll(async () => {
  await loadAllLessons();
});
beforeEach(() => {
  window.history.replaceState(null, '', '/');
  useAppStore.setState(initialState, true);
});
afterEach(() => localStorage.clear());

describe('Browser history (issue 10 #6)', () => {
  it('pushes an entry per view and lesson, replaces it per step, and follows Back and Forward', async () => {
    render(<Sync />);
    const entries = window.history.length;
    act(() => state().goTo(3));
    expect(search()).toBe('?lesson=delete-on-update&step=3');
    expect(window.history.length).toBe(entries);

    act(() => state().setView('lessons'));
    expect(search()).toBe('?view=lessons');
    act(() => state().openLesson('no-invalidation'));
    act(() => state().goTo(2));
    expect(search()).toBe('?lesson=no-invalidation&step=2');
    expect(window.history.length).toBe(entries + 2);

    // Back: the index, then the first lesson at the step it was left at.
    await go(-1);
    expect(state().view).toBe('lessons');
    expect(search()).toBe('?view=lessons');
    await go(-1);
    expect(state()).toMatchObject({ view: 'lesson', lessonId: 'delete-on-update', step: 3 });
    expect(search()).toBe('?lesson=delete-on-update&step=3');
    // Forward twice: the second lesson at its step.
    await go(1);
    await go(1);
    expect(state()).toMatchObject({ lessonId: 'no-invalidation', step: 2 });
    expect(search()).toBe('?lesson=no-invalidation&step=2');
  });

  it('follows an address edited by hand (hashchange), correcting bad values', async () => {
    render(<Sync />);
    await act(async () => {
      window.history.pushState(null, '', '/?lesson=delete-on-update&step=999#main');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(state().step).toBe(5);
    expect(search()).toBe('?lesson=delete-on-update&step=5');
  });

  it('leaves the screen alone when only the hash changes (the skip link)', () => {
    render(<Sync />);
    act(() => state().goTo(2));
    act(() => {
      window.location.hash = '#main';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(state().step).toBe(2);
  });
});

describe('Skips with the remedy on (issue 10 #10)', () => {
  it('are checked against the remedy’s skippable steps', () => {
    const lesson = findLesson('on-commit');
    const remedySkippable = (lesson?.remedy?.patch.steps ?? []).flatMap((s, i) =>
      s.skippable ? [i + 1] : [],
    );
    expect(remedySkippable).not.toContain(3);
    const url = parseUrlState('?lesson=on-commit&remedy=1&skip=3');
    expect(url).toMatchObject({ lessonId: 'on-commit', isRemedy: true, skip: [] });
    expect(url.notices).toEqual(['Ignored skip "3": only steps that can be skipped are.']);
    expect(parseUrlState('?lesson=on-commit&skip=3').skip).toEqual([3]);
  });
});
