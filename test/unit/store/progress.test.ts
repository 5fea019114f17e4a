import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_PRACTICE_SEED } from '../../../src/engine';
import { sanitizeProgress } from '../../../src/store/progress';
import { THEMES } from '../../../src/store/preferences-slice';
import { initialState, STORAGE_KEY, useAppStore } from '../../../src/store/store';

describe('Stored progress', () => {
  it('keeps valid progress as it is', () => {
    const input = {
      theme: 'dark',
      speed: 1.5,
      isShowingAllSteps: true,
      answers: { 'delete-on-update': { 0: { selected: 0, checked: 0 } } },
    };
    expect(sanitizeProgress(input, THEMES)).toEqual({ value: input, problems: [] });
  });

  it('drops malformed fields, names them, and keeps the rest', () => {
    const { value, problems } = sanitizeProgress(
      {
        theme: '<script>',
        speed: 'fast',
        answers: {
          'delete-on-update': { 0: { selected: 9, checked: 0 }, 1: { selected: 2, checked: 2 } },
        },
      },
      THEMES,
    );
    expect(problems).toEqual(['theme', 'speed', 'some quiz answers']);
    expect(value).toEqual({ answers: { 'delete-on-update': { 1: { selected: 2, checked: 2 } } } });
  });

  it('rejects a non-object', () => {
    expect(sanitizeProgress('garbage', THEMES).problems).toEqual(['not an object']);
  });
});

describe('Stored practice progress', () => {
  const history = [
    { seed: 1, kind: 'queries', chosen: 2, isCorrect: true },
    { seed: 4021, kind: 'cache-state', chosen: 0, isCorrect: false },
  ];

  afterEach(() => {
    localStorage.clear();
    useAppStore.setState(initialState, true);
  });

  it('keeps a valid practice question, sequence and history', () => {
    const input = { practiceSeed: 4021, practiceCursor: 4021, practiceHistory: history };
    expect(sanitizeProgress(input, THEMES)).toEqual({ value: input, problems: [] });
  });

  it('drops malformed answers one by one, names them, and keeps the rest', () => {
    const { value, problems } = sanitizeProgress(
      {
        theme: 'dark',
        practiceSeed: -3,
        practiceCursor: 2 ** 32,
        practiceHistory: [
          history[0],
          { seed: 2, kind: 'guess', chosen: 0, isCorrect: true },
          { seed: 3, kind: 'queries', chosen: 4, isCorrect: false },
          { seed: 'x', kind: 'queries', chosen: 1, isCorrect: false },
          { seed: 5, kind: 'queries', chosen: 1, isCorrect: 'yes' },
          null,
          { ...history[1], extra: '<img src=x onerror=alert(1)>' },
        ],
      },
      THEMES,
    );
    expect(problems).toEqual(['practice question', 'practice sequence', 'some practice answers']);
    expect(value).toEqual({ theme: 'dark', practiceHistory: history });
  });

  it('rejects a practice history that is not a list', () => {
    const { value, problems } = sanitizeProgress({ practiceHistory: { 0: history[0] } }, THEMES);
    expect(problems).toEqual(['practice answers']);
    expect(value).toEqual({});
  });

  it('keeps only the last 200 stored answers', () => {
    const long = Array.from({ length: 250 }, (_, i) => ({ ...history[0], seed: i }));
    const { value } = sanitizeProgress({ practiceHistory: long }, THEMES);
    expect(value.practiceHistory).toHaveLength(200);
    expect(value.practiceHistory?.[0].seed).toBe(50);
  });

  it('on load, says which practice data was corrupt and keeps quiz answers and theme', async () => {
    const answers = { 'delete-on-update': { 0: { selected: 0, checked: 0 } } };
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        state: { theme: 'dark', answers, practiceSeed: 'soon', practiceHistory: 'lost' },
        version: 1,
      }),
    );
    await useAppStore.persist.rehydrate();
    const s = useAppStore.getState();
    expect(s.theme).toBe('dark');
    expect(s.answers).toEqual(answers);
    expect(s.practiceSeed).toBe(FIRST_PRACTICE_SEED);
    expect(s.practiceHistory).toEqual([]);
    expect(s.notices).toEqual([
      'Saved progress was partly unreadable and was skipped: practice question; practice answers.',
    ]);
  });

  it('on load, restores a valid practice history and score', async () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        state: { practiceSeed: 4021, practiceCursor: 77, practiceHistory: history },
        version: 1,
      }),
    );
    await useAppStore.persist.rehydrate();
    const s = useAppStore.getState();
    expect(s.practiceSeed).toBe(4021);
    expect(s.practiceCursor).toBe(77);
    expect(s.practiceHistory).toEqual(history);
    expect(s.notices).toEqual([]);
  });
});
