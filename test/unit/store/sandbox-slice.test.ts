import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomLesson } from '../../../src/engine';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';
import * as sandboxChecks from '../../../src/store/sandbox-scenario';
import {
  describeJsonError,
  jsonErrorOffset,
  parseScenarioText,
  randomScenario,
  readScenarioFile,
} from '../../../src/store/sandbox-scenario';
import { exampleScenarioText, SANDBOX_MAX_BYTES } from '../../../src/store/sandbox-slice';
import { selectLesson, selectStepCount, selectTrace } from '../../../src/store/selectors';
import { initialState, useAppStore } from '../../../src/store/store';
import { SANDBOX_LESSON_ID, traceFor } from '../../../src/store/trace-cache';
import { formatUrlState, parseUrlState } from '../../../src/store/url-state';

/** The seed lesson as scenario JSON, to be broken in one place per test. */
const scenario = () =>
  JSON.parse(exampleScenarioText()) as Record<string, unknown> & {
    steps: (Record<string, unknown> & { ops: Record<string, unknown>[] })[];
  };
const text = (value: unknown) => JSON.stringify(value, null, 2);
const state = () => useAppStore.getState();

function errorOf(input: string): string {
  const result = parseScenarioText(input);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.error;
}

beforeEach(() => {
  useAppStore.setState(initialState, true);
  useAppStore.getState().setSandboxTools(sandboxChecks);
});
afterEach(() => localStorage.clear());

describe('Checking scenario text', () => {
  it('accepts the example (the seed lesson without a remedy) under the id "sandbox"', () => {
    const result = parseScenarioText(exampleScenarioText());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lesson.id).toBe(SANDBOX_LESSON_ID);
    expect(result.lesson.title).toBe(deleteOnUpdate.title);
    expect(result.lesson.steps).toHaveLength(5);
    expect(result.text).toBe(exampleScenarioText());
  });

  it('says where JSON is broken, by line and column', () => {
    expect(errorOf('{\n  "id": "x",\n}')).toMatch(/^Not valid JSON: .+ \(line 3, column 1\)\.$/);
    expect(errorOf('{ "id": ')).toMatch(/^Not valid JSON: .* \(line 1, column 9\)\.$/);
  });

  it('names the step and field of a schema error', () => {
    const bad = scenario();
    bad.steps[2].ops[0].key = 42;
    expect(errorOf(text(bad))).toBe('Step 3, field "ops[0].key": expected string, received 42');
  });

  it('refuses what is not data: unknown operations and extra fields', () => {
    const bad = scenario();
    bad.steps[0].ops = [{ op: 'os.system', key: 'rm -rf /' }];
    expect(errorOf(text(bad))).toMatch(/^Step 1, field "ops\[0\]\.op"/);
    const extra = scenario();
    extra.steps[1].onClick = 'alert(1)';
    expect(errorOf(text(extra))).toMatch(/^Step 2, field "onClick"/);
  });

  it('refuses empty text and text over 1 MB', () => {
    expect(errorOf('   ')).toBe('The scenario is empty: paste or write JSON.');
    expect(errorOf(' '.repeat(SANDBOX_MAX_BYTES + 1))).toBe(
      'The scenario is too large (1.0 MB); the limit is 1 MB.',
    );
    // Counted in UTF-8 bytes, as a file would be.
    expect(errorOf(`"${'é'.repeat(SANDBOX_MAX_BYTES / 2)}"`)).toMatch(/too large \(1\.0 MB\)/);
  });
});

describe('JSON error messages', () => {
  it('takes the position from the message when it gives one', () => {
    expect(
      describeJsonError(
        '{"a": 1,\n }',
        'Expected double-quoted property name in JSON at position 10',
      ),
    ).toBe('Not valid JSON: Expected double-quoted property name (line 2, column 2).');
    expect(
      describeJsonError(
        '{"a": 1,\n }',
        'Expected double-quoted property name in JSON at position 10 (line 2 column 2)',
      ),
    ).toBe('Not valid JSON: Expected double-quoted property name (line 2, column 2).');
  });

  it('finds the position itself when the message has none, and drops the quoted input', () => {
    const input = '{\n  "steps": [ <img src=x onerror=alert(1)> ]\n}';
    expect(
      describeJsonError(
        input,
        `Unexpected token '<', ..."steps": [ <img src=x"... is not valid JSON`,
      ),
    ).toBe("Not valid JSON: Unexpected token '<' (line 2, column 14).");
  });

  it('passes other engines’ messages through', () => {
    expect(
      describeJsonError('{', 'JSON.parse: end of data at line 1 column 2 of the JSON data'),
    ).toBe(
      'Not valid JSON: JSON.parse: end of data at line 1 column 2 of the JSON data (line 1, column 2).',
    );
  });

  it.each([
    ['{"a":1}', null],
    ['[1, [true, false, null], {"b": "\\u00e9\\n"}, -1.5e3]', null],
    ['[1, 2, x]', 7],
    ['[1,]', 3],
    ['{"a" 1}', 5],
    ['{"a": tru}', 6],
    ['"\\q"', 1],
    ['"a\nb"', 2],
    ['1 2', 2],
    ['', 0],
  ])('scans %j: first error at %s', (input, offset) => {
    expect(jsonErrorOffset(input)).toBe(offset);
  });

  it('gives up quietly on nesting too deep to scan', () => {
    expect(jsonErrorOffset('['.repeat(200_000))).toBeNull();
  });
});

describe('Random scenarios', () => {
  it('generate from the Steps and Seed fields and name the next seed', () => {
    const result = randomScenario('500', '7');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lesson.steps).toHaveLength(500);
    expect(result.lesson.title).toBe('Random scenario 7');
    expect(result.text).toBe(text(randomLesson(7, { steps: 500 })));
    expect(result.nextSeed).toBe('8');
    expect(randomScenario('500', '7')).toEqual(result);
  });

  it.each([['0'], ['1001'], ['2.5'], [''], ['many']])('refuse %j steps', (steps) => {
    expect(randomScenario(steps, '1')).toEqual({
      ok: false,
      error: 'Steps must be a whole number from 1 to 1000.',
    });
  });

  it('refuse a seed outside 0..2^32-1', () => {
    expect(randomScenario('5', '-1')).toMatchObject({ ok: false, error: /^Seed must be/ });
    expect(randomScenario('5', String(2 ** 32))).toMatchObject({ ok: false });
  });
});

describe('Imported files', () => {
  it('over 1 MB are refused unread', async () => {
    const read = vi.fn(async () => exampleScenarioText());
    expect(await readScenarioFile('big.json', 2_500_000, read)).toEqual({
      ok: false,
      error: 'Could not import "big.json": the file is too large (2.5 MB); the limit is 1 MB.',
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('name the file in every message', async () => {
    const bad = await readScenarioFile('bad.json', 3, async () => '{]');
    expect(bad).toMatchObject({
      ok: false,
      error: /^Could not import "bad\.json": Not valid JSON/,
    });
    const unreadable = await readScenarioFile('gone.json', 3, () =>
      Promise.reject(new Error('The file was moved.')),
    );
    expect(unreadable).toEqual({
      ok: false,
      error: 'Could not read "gone.json": the browser could not open the file.',
    });
  });
});

describe('The sandbox slice', () => {
  it('starts with the example in the editor and nothing loaded', () => {
    expect(state().sandboxDraft).toBe(exampleScenarioText());
    expect(state().sandboxLesson).toBeNull();
    expect(state().sandboxText).toBeNull();
  });

  it('loads a scenario that passes the check', async () => {
    state().setSandboxDraft(text(randomLesson(3, { steps: 12 })));
    expect(await state().checkSandbox()).toBe(true);
    expect(state().sandboxLesson?.steps).toHaveLength(12);
    expect(state().sandboxText).toBe(state().sandboxDraft);
    expect(state().sandboxError).toBeNull();
  });

  it('keeps the loaded scenario and the editor when a check fails', async () => {
    state().loadSandboxExample();
    const loaded = state().sandboxLesson;
    state().setSandboxDraft('{ nope');
    expect(await state().checkSandbox()).toBe(false);
    expect(state().sandboxError).toMatchObject({ source: 'editor', message: /^Not valid JSON/ });
    expect(state().sandboxLesson).toBe(loaded);
    expect(state().sandboxText).toBe(exampleScenarioText());
    expect(state().sandboxDraft).toBe('{ nope');
  });

  it('moves the seed on after a random scenario, and not after a refused one', async () => {
    state().setSandboxSteps('5');
    state().setSandboxSeed('41');
    await state().randomSandbox();
    expect(state().sandboxLesson?.title).toBe('Random scenario 41');
    expect(state().sandboxSeed).toBe('42');
    state().setSandboxSteps('5000');
    await state().randomSandbox();
    expect(state().sandboxError).toEqual({
      source: 'random',
      message: 'Steps must be a whole number from 1 to 1000.',
    });
    expect(state().sandboxSeed).toBe('42');
    expect(state().sandboxLesson?.title).toBe('Random scenario 41');
  });

  it('imports a file, or says why not and changes nothing else', async () => {
    await state().importSandbox('ok.json', 10, async () => text(randomLesson(5, { steps: 3 })));
    const loaded = state().sandboxLesson;
    expect(loaded?.steps).toHaveLength(3);
    const draft = state().sandboxDraft;
    await state().importSandbox('bad.json', 10, async () => '<script>alert(1)</script>');
    expect(state().sandboxError).toMatchObject({
      source: 'file',
      message: /^Could not import "bad\.json": Not valid JSON/,
    });
    expect(state().sandboxLesson).toBe(loaded);
    expect(state().sandboxDraft).toBe(draft);
  });

  it('opens the loaded scenario in the player, and does nothing when none is loaded', () => {
    useAppStore.setState({ view: 'sandbox' });
    state().openSandbox();
    expect(state().view).toBe('sandbox');
    state().loadSandboxExample();
    useAppStore.setState({ step: 3, skip: [3] });
    state().openSandbox();
    expect(state()).toMatchObject({ view: 'lesson', lessonId: 'sandbox', step: 0, skip: [] });
  });

  it('plays the sandbox scenario through the selectors and clamps steps to it', async () => {
    state().setSandboxSteps('30');
    await state().randomSandbox();
    state().openSandbox();
    expect(selectLesson(state())).toBe(state().sandboxLesson);
    expect(selectStepCount(state())).toBe(30);
    expect(selectTrace(state()).frames).toHaveLength(31);
    state().goTo(999);
    expect(state().step).toBe(30);
  });

  it('restarts the player and forgets quiz answers when a new scenario replaces the one playing', async () => {
    state().loadSandboxExample();
    state().openSandbox();
    state().goTo(5);
    state().selectOption(0, 1);
    state().checkAnswer(0);
    expect(state().answers.sandbox?.[0]).toEqual({ selected: 1, checked: 1 });
    state().setSandboxSteps('3');
    await state().randomSandbox();
    expect(state().step).toBe(0);
    expect(state().answers.sandbox).toBeUndefined();
    expect(selectStepCount(state())).toBe(3);
  });

  it('memoises traces by the scenario object', () => {
    state().loadSandboxExample();
    const sandbox = () => ({ ...state(), lessonId: SANDBOX_LESSON_ID, isRemedy: false, skip: [] });
    const first = traceFor(sandbox());
    expect(traceFor(sandbox())).toBe(first);
    state().loadSandboxExample();
    expect(traceFor(sandbox())).not.toBe(first);
  });

  it('is offered by the lesson picker only once loaded', () => {
    state().openLesson('sandbox');
    expect(state().lessonId).toBe('delete-on-update');
    expect(state().notices).toEqual(['Unknown lesson "sandbox".']);
    state().loadSandboxExample();
    state().openLesson('sandbox');
    expect(state().lessonId).toBe('sandbox');
  });
});

describe('Restoring a saved scenario', () => {
  it('parses the saved text when asked', async () => {
    useAppStore.setState({ sandboxText: text(randomLesson(9, { steps: 4 })) });
    await state().restoreSandbox();
    expect(state().sandboxLesson?.steps).toHaveLength(4);
    expect(state().notices).toEqual([]);
  });

  it('drops a corrupt one with a notice and keeps everything else', async () => {
    const answers = { 'delete-on-update': { 0: { selected: 0, checked: 0 } } };
    const bad = scenario();
    bad.steps[2].ops[0].key = 42;
    useAppStore.setState({ sandboxText: text(bad), answers, theme: 'dark' });
    await state().restoreSandbox();
    expect(state().sandboxText).toBeNull();
    expect(state().sandboxLesson).toBeNull();
    expect(state().notices).toEqual([
      'The saved sandbox scenario could not be read and was skipped: a copy is kept under "django-cache-lab:v1:sandbox:unreadable-backup" (use Download below). Step 3, field "ops[0].key": expected string, received 42',
    ]);
    // Nothing lost: the original is under the backup key and offered for download.
    expect(localStorage.getItem('django-cache-lab:v1:sandbox:unreadable-backup')).toContain(
      '"key\\": 42',
    );
    expect(state().storedCopies).toMatchObject([{ what: 'sandbox scenario', text: text(bad) }]);
    expect(state().answers).toEqual(answers);
    expect(state().theme).toBe('dark');
  });
});

describe('The sandbox in the URL', () => {
  it('?lesson=sandbox opens the loaded scenario, with the step clamped to it', async () => {
    state().setSandboxSteps('8');
    await state().randomSandbox();
    expect(parseUrlState('?lesson=sandbox&step=3', state().sandboxLesson)).toMatchObject({
      lessonId: 'sandbox',
      step: 3,
      notices: [],
    });
    expect(parseUrlState('?lesson=sandbox&step=99', state().sandboxLesson)).toMatchObject({
      lessonId: 'sandbox',
      step: 8,
    });
    expect(
      formatUrlState({
        view: 'lesson',
        lessonId: 'sandbox',
        step: 2,
        skip: [],
        isRemedy: false,
        isPresenting: false,
        isEmbedded: false,
      }),
    ).toBe('?lesson=sandbox&step=2');
  });

  it('falls back to the default lesson with a notice when nothing is loaded', () => {
    expect(parseUrlState('?lesson=sandbox&step=2', state().sandboxLesson)).toMatchObject({
      lessonId: 'delete-on-update',
      step: 2,
      notices: ['No sandbox scenario is loaded: opened the default lesson instead.'],
    });
  });

  it('?view=sandbox is a view', () => {
    expect(parseUrlState('?view=sandbox')).toMatchObject({ view: 'sandbox', notices: [] });
    expect(formatUrlState({ ...parseUrlState('?view=sandbox') })).toBe('?view=sandbox');
  });
});
