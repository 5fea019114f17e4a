import { beforeEach, describe, expect, it } from 'vitest';
import { initialState, useAppStore } from '../../../src/store/store';
import { selectFrame, selectScore, selectTrace } from '../../../src/store/selectors';

const store = useAppStore;
beforeEach(() => store.setState(initialState, true));

describe('Player', () => {
  it('steps forward and back within 0..M', () => {
    const s = store.getState();
    s.previous();
    expect(store.getState().step).toBe(0);
    s.last();
    expect(store.getState().step).toBe(5);
    s.next();
    expect(store.getState().step).toBe(5);
    s.goTo(2);
    expect(store.getState().step).toBe(2);
  });

  it('clamps goTo and treats NaN as 0', () => {
    store.getState().goTo(99);
    expect(store.getState().step).toBe(5);
    store.getState().goTo(Number.NaN);
    expect(store.getState().step).toBe(0);
  });

  it('pauses when the user acts', () => {
    store.getState().play();
    expect(store.getState().isPlaying).toBe(true);
    store.getState().next();
    expect(store.getState().isPlaying).toBe(false);
  });

  it('autoplay ticks stop at the last step', () => {
    store.getState().goTo(4);
    store.getState().play();
    store.getState().tick();
    expect(store.getState()).toMatchObject({ step: 5, isPlaying: false });
  });

  it('play at the end starts over', () => {
    store.getState().last();
    store.getState().play();
    expect(store.getState()).toMatchObject({ step: 0, isPlaying: true });
  });
});

describe('What-if', () => {
  it('toggles only skippable steps and re-derives the trace', () => {
    store.getState().toggleSkip(2);
    expect(store.getState().skip).toEqual([]);
    store.getState().toggleSkip(3);
    expect(store.getState().skip).toEqual([3]);
    expect(selectTrace(store.getState()).frames[4].cacheAfter).toBe(
      "{'user_profile_42': 'old_data'}",
    );
    store.getState().clearSkip();
    expect(selectTrace(store.getState()).frames[4].cacheAfter).toBe(
      "{'user_profile_42': 'fresh_data'}",
    );
  });

  it('memoises the trace: stepping does not recompute it', () => {
    const a = selectTrace(store.getState());
    store.getState().goTo(3);
    expect(selectTrace(store.getState())).toBe(a);
    expect(selectFrame(store.getState()).index).toBe(3);
  });
});

describe('Quiz', () => {
  it('scores the questions whose last checked answer was right', () => {
    const s = store.getState();
    s.selectOption(0, 0);
    s.checkAnswer(0);
    s.selectOption(1, 0);
    s.checkAnswer(1);
    expect(selectScore(store.getState())).toBe(1);
    s.selectOption(1, 2);
    s.checkAnswer(1);
    expect(selectScore(store.getState())).toBe(2);
    s.retry(1);
    expect(selectScore(store.getState())).toBe(1);
  });

  it('ignores questions and options that do not exist', () => {
    store.getState().selectOption(7, 0);
    store.getState().selectOption(0, 9);
    expect(store.getState().answers).toEqual({});
  });
});
