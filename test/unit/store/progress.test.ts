import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PRACTICE_SEED } from '../../../src/engine';
import { sanitizeProgress, sanitizeSandboxText } from '../../../src/store/progress';
import { THEMES } from '../../../src/store/preferences-slice';
import * as sandboxChecks from '../../../src/store/sandbox-scenario';
import { exampleScenarioText, SANDBOX_MAX_BYTES } from '../../../src/store/sandbox-slice';
import {
  initialState,
  SANDBOX_STORAGE_KEY,
  STORAGE_KEY,
  useAppStore,
} from '../../../src/store/store';

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
      'Saved progress was partly unreadable and was skipped: practice question; practice answers. The original: a copy is kept under "django-cache-lab:v1:unreadable-backup" (use Download below).',
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

describe('The saved sandbox scenario', () => {
  const scenarioText = exampleScenarioText();

  beforeEach(() => useAppStore.getState().setSandboxTools(sandboxChecks));
  afterEach(() => {
    localStorage.clear();
    useAppStore.setState(initialState, true);
  });

  it('is kept when it is non-empty text within 1 MB, and dropped and named otherwise', () => {
    expect(sanitizeSandboxText(null)).toEqual({ value: {}, problems: [] });
    expect(sanitizeSandboxText(scenarioText)).toEqual({
      value: { sandboxText: scenarioText },
      problems: [],
    });
    for (const bad of ['', '  ', 'x'.repeat(SANDBOX_MAX_BYTES + 1), 42]) {
      expect(sanitizeSandboxText(bad)).toEqual({ value: {}, problems: ['sandbox scenario'] });
    }
  });

  it('lives under its own key, written when the scenario changes and not on every step', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const sandboxWrites = () =>
      setItem.mock.calls.filter(([key]) => key === SANDBOX_STORAGE_KEY).length;
    useAppStore.getState().loadSandboxExample();
    expect(JSON.parse(localStorage.getItem(SANDBOX_STORAGE_KEY) ?? '')).toEqual({
      version: 2,
      text: scenarioText,
    });
    useAppStore.getState().openSandbox();
    for (let i = 0; i < 5; i += 1) useAppStore.getState().next();
    expect(sandboxWrites()).toBe(1);
    expect(localStorage.getItem(STORAGE_KEY)).not.toContain('sandbox');
  });

  it('on load, goes back in the editor, to be parsed when asked for', async () => {
    localStorage.setItem(SANDBOX_STORAGE_KEY, scenarioText);
    await useAppStore.persist.rehydrate();
    const s = useAppStore.getState();
    expect(s.sandboxText).toBe(scenarioText);
    expect(s.sandboxDraft).toBe(scenarioText);
    expect(s.sandboxLesson).toBeNull();
    expect(s.notices).toEqual([]);
    await s.restoreSandbox();
    expect(useAppStore.getState().sandboxLesson?.title).toBe(
      'Cache invalidation strategies in Django',
    );
  });

  it('on load, an empty one gives a notice and is set aside; nothing else is lost', async () => {
    const answers = { 'delete-on-update': { 0: { selected: 0, checked: 0 } } };
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ state: { theme: 'dark', answers }, version: 1 }),
    );
    localStorage.setItem(SANDBOX_STORAGE_KEY, '   ');
    await useAppStore.persist.rehydrate();
    const s = useAppStore.getState();
    expect(s.theme).toBe('dark');
    expect(s.answers).toEqual(answers);
    expect(s.sandboxText).toBeNull();
    expect(s.notices).toEqual([
      'The saved sandbox scenario is empty or too large and was skipped: a copy is kept under "django-cache-lab:v1:sandbox:unreadable-backup" (use Download below).',
    ]);
    s.next();
    expect(localStorage.getItem(SANDBOX_STORAGE_KEY)).toBeNull();
    expect(localStorage.getItem(`${SANDBOX_STORAGE_KEY}:unreadable-backup`)).toBe('   ');
  });

  it('survives unreadable progress beside it', async () => {
    localStorage.setItem(STORAGE_KEY, '{not json');
    localStorage.setItem(SANDBOX_STORAGE_KEY, scenarioText);
    await useAppStore.persist.rehydrate();
    expect(useAppStore.getState().sandboxText).toBe(scenarioText);
    expect(useAppStore.getState().notices).toHaveLength(1);
  });
});

describe('Writing progress', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
    useAppStore.setState(initialState, true);
  });

  /** The writes of the progress key while `act` runs. */
  function progressWrites(act: () => void): string[] {
    const spy = vi.spyOn(Storage.prototype, 'setItem');
    try {
      act();
      return spy.mock.calls.filter(([key]) => key === STORAGE_KEY).map(([, value]) => value);
    } finally {
      spy.mockRestore();
    }
  }

  it('a step writes nothing; a change of a stored field writes it', () => {
    useAppStore.getState().setSpeed(1.5);
    const s = useAppStore.getState();
    expect(progressWrites(() => [1, 2, 3].forEach(() => s.next()))).toEqual([]);
    const writes = progressWrites(() => s.setSpeed(2));
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0]).state.preferences.speed).toBe(2);
  });

  it('a key cleared elsewhere is written again at the next change, stored field or not', () => {
    useAppStore.getState().setSpeed(1.5);
    localStorage.removeItem(STORAGE_KEY);
    const writes = progressWrites(() => useAppStore.getState().next());
    expect(writes).toHaveLength(1);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.preferences.speed).toBe(1.5);
  });
});
