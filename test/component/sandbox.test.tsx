import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LessonView } from '../../src/app/LessonView';
import { randomLesson } from '../../src/engine';
import { ExecutionTable } from '../../src/features/execution-table/ExecutionTable';
import { SandboxView } from '../../src/features/sandbox/SandboxView';
import { Timeline } from '../../src/features/timeline/Timeline';
import { VariableTracker } from '../../src/features/variable-tracker/VariableTracker';
// LessonView loads the learn panels lazily; importing them here first makes that load a
// module-cache hit, so no test waits on a transform on a busy machine.
import '../../src/app/LearnPanels';
import * as sandboxChecks from '../../src/store/sandbox-scenario';
import { exampleScenarioText } from '../../src/store/sandbox-slice';
import { initialState, useAppStore } from '../../src/store/store';

// The Sandbox view's chunk hands the store its checks at import; a reset drops them.
beforeEach(() => {
  useAppStore.setState(initialState, true);
  useAppStore.getState().setSandboxTools(sandboxChecks);
});

const editor = () => screen.getByRole('textbox', { name: 'Scenario JSON' });
const summary = () => screen.getByRole('region', { name: 'Loaded scenario' });

/** Replace the editor's text as a paste would (typing `{` means something to user-event). */
const setEditor = (text: string) => fireEvent.change(editor(), { target: { value: text } });

function renderSandbox() {
  const user = userEvent.setup();
  render(<SandboxView />);
  const check = () => user.click(screen.getByRole('button', { name: 'Check and run' }));
  return { user, check };
}

const brokenExample = () => {
  const lesson = JSON.parse(exampleScenarioText()) as {
    steps: { ops: Record<string, unknown>[] }[];
  };
  lesson.steps[2].ops[0].key = 42;
  return JSON.stringify(lesson, null, 2);
};

describe('Sandbox', () => {
  it('starts with the example scenario in a labelled editor under "Scenario"', () => {
    renderSandbox();
    const region = screen.getByRole('region', { name: 'Scenario' });
    expect(within(region).getByRole('heading', { level: 2, name: 'Scenario' })).toBeVisible();
    expect(within(region).getByRole('textbox', { name: 'Scenario JSON' })).toHaveValue(
      exampleScenarioText(),
    );
    expect(within(summary()).getByRole('status')).toHaveTextContent('No scenario is loaded yet');
    expect(screen.queryByRole('button', { name: 'Open in the player' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says where JSON is broken, in an alert', async () => {
    const { check } = renderSandbox();
    setEditor('{\n  "id": "x",\n  oops\n}');
    await check();
    expect(screen.getByRole('alert')).toHaveTextContent(
      /^⚠Not valid JSON: .+ \(line 3, column 3\)\.$/,
    );
    expect(editor()).toHaveAttribute('aria-invalid', 'true');
    expect(editor()).toHaveAccessibleDescription(/Not valid JSON/);
  });

  it('names the step and field of a schema error', async () => {
    const { check } = renderSandbox();
    setEditor(brokenExample());
    await check();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Step 3, field "ops[0].key": expected string, received 42',
    );
  });

  it('loads a valid scenario, summarises it and opens it in the player', async () => {
    const { user, check } = renderSandbox();
    await check();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(summary()).getByRole('status')).toHaveTextContent(
      'Loaded "Cache invalidation strategies in Django": 5 steps, 1 actor.',
    );
    expect(within(summary()).getByText('request').tagName).toBe('CODE');
    await user.click(screen.getByRole('button', { name: 'Open in the player' }));
    expect(useAppStore.getState()).toMatchObject({ lessonId: 'sandbox', step: 0, view: 'lesson' });
  });

  it('keeps the previous good scenario when a check fails', async () => {
    const { user, check } = renderSandbox();
    await user.click(screen.getByRole('button', { name: 'Load example' }));
    const loaded = useAppStore.getState().sandboxLesson;
    setEditor('not json at all');
    await check();
    expect(screen.getByRole('alert')).toHaveTextContent('Not valid JSON');
    expect(useAppStore.getState().sandboxLesson).toBe(loaded);
    expect(within(summary()).getByRole('status')).toHaveTextContent(
      'Loaded "Cache invalidation strategies in Django"',
    );
    expect(screen.getByRole('button', { name: 'Open in the player' })).toBeEnabled();
  });

  it('generates a random scenario from Steps and Seed, then moves the seed on', async () => {
    const { user } = renderSandbox();
    const steps = screen.getByRole('spinbutton', { name: 'Steps' });
    const seed = screen.getByRole('spinbutton', { name: 'Seed' });
    expect(steps).toHaveValue(20);
    await user.clear(steps);
    await user.type(steps, '40');
    await user.clear(seed);
    await user.type(seed, '5{Enter}');
    expect(within(summary()).getByRole('status')).toHaveTextContent(
      'Loaded "Random scenario 5": 40 steps, 2 actors.',
    );
    expect(seed).toHaveValue(6);
    expect(editor()).toHaveValue(JSON.stringify(randomLesson(5, { steps: 40 }), null, 2));
    await user.clear(steps);
    await user.type(steps, '0');
    await user.click(screen.getByRole('button', { name: 'Random scenario' }));
    // Said beside the fields that were used, not under the editor.
    expect(
      within(screen.getByRole('group', { name: 'Generate' })).getByRole('alert'),
    ).toHaveTextContent('Steps must be a whole number from 1 to 1000.');
    expect(editor()).not.toHaveAttribute('aria-invalid');
  });

  it('imports a file, and refuses a malformed or too large one with an alert', async () => {
    const { user } = renderSandbox();
    const input = screen.getByLabelText('Import scenario file');
    expect(input).toHaveAttribute('accept', 'application/json,.json');
    const good = JSON.stringify(randomLesson(2, { steps: 6 }));
    await user.upload(input, new File([good], 'six.json', { type: 'application/json' }));
    expect(
      await within(summary()).findByText('Loaded "Random scenario 2": 6 steps, 2 actors.'),
    ).toBeVisible();
    expect(editor()).toHaveValue(good);

    await user.upload(
      input,
      new File(['{"title": <b>bold</b>}'], 'bad.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Could not import "bad\.json": Not valid JSON/,
    );
    expect(screen.getByRole('alert').querySelector('b')).toBeNull();
    expect(editor()).toHaveValue(good);

    const big = new File(['{}'], 'big.json', { type: 'application/json' });
    Object.defineProperty(big, 'size', { value: 3_000_000 });
    await user.upload(input, big);
    expect(await screen.findByText(/the file is too large \(3\.0 MB\)/)).toBeVisible();
    expect(useAppStore.getState().sandboxLesson?.steps).toHaveLength(6);
  });

  it('exports the editor text as a JSON file', async () => {
    const { user } = renderSandbox();
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:scenario';
      }),
      revokeObjectURL: vi.fn(),
    });
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this);
    });
    setEditor('{ "draft": true }');
    await user.click(screen.getByRole('button', { name: 'Export scenario' }));
    expect(clicks[0].download).toBe('sandbox-scenario.json');
    expect(await blobs[0].text()).toBe('{ "draft": true }');
  });

  it('renders scenario text as text, never as HTML', async () => {
    const { check } = renderSandbox();
    const lesson = JSON.parse(exampleScenarioText()) as { title: string };
    lesson.title = '<img src=x onerror="alert(1)">';
    setEditor(JSON.stringify(lesson));
    await check();
    expect(within(summary()).getByText('<img src=x onerror="alert(1)">')).toBeVisible();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('The lesson page playing a sandbox scenario', () => {
  // The whole page is a big DOM for jsdom: it renders inside one async act (the lazy learn
  // panels included), then each region is looked up once by role and name and checked visible,
  // instead of polling (each role query over the page costs about a second on a busy machine).
  it('shows every panel, with empty lists said in words', async () => {
    await act(async () => {
      useAppStore.getState().setSandboxSteps('12');
      await useAppStore.getState().randomSandbox();
      useAppStore.getState().openSandbox();
      useAppStore.getState().goTo(12);
    });
    await act(async () => {
      render(
        <Suspense fallback={null}>
          <LessonView />
        </Suspense>,
      );
    });
    const region = (name: string) => {
      const found = screen.getByRole('region', { name, hidden: true });
      expect(found).toBeVisible();
      return found;
    };
    expect(region('Visual quiz')).toHaveTextContent('Score: 0 / 0This scenario has no quiz.');
    region('Key moments');
    const snapshot = region('Concept snapshot');
    expect(within(snapshot).getByText('This scenario has no snapshot.')).toBeVisible();
    expect(within(snapshot).queryByRole('heading', { level: 3 })).toBeNull();
    expect(
      within(region('Full transcript')).getByText('This scenario has no transcript.'),
    ).toBeVisible();
    for (const name of ['Concept flow', 'Execution sample', 'Cache', 'Database']) region(name);
    const table = screen.getByRole('table', { name: 'Execution table', hidden: true });
    expect(within(table).getAllByRole('row', { hidden: true }).length).toBeGreaterThanOrEqual(13);
    expect(screen.getByRole('table', { name: 'Variable tracker', hidden: true })).toBeVisible();
    // No panel fell back to its error message.
    expect(screen.queryByText(/could not be shown/)).toBeNull();
  });
});

describe('A long sandbox scenario (more than LONG_TRACE_STEPS steps)', () => {
  // Kept cheap so it is not flaky on a busy machine: 90 steps are long (over 60) and leave
  // timeline blocks out on both sides of the window; only the three panels under test render
  // (no lazy chunk to wait for); role queries run once, not in a polling loop, and skip jsdom's
  // costly visibility check (`hidden: true`): nothing in these panels is hidden.
  it('keeps the table and tracker complete, and renders a window of timeline columns', async () => {
    await act(async () => {
      useAppStore.getState().setSandboxSteps('90');
      await useAppStore.getState().randomSandbox();
      useAppStore.getState().openSandbox();
      useAppStore.getState().goTo(50);
    });
    render(
      <>
        <Timeline />
        <ExecutionTable />
        <VariableTracker />
      </>,
    );
    const timeline = screen.getByRole('region', { name: 'Timeline', hidden: true });

    // Execution table: rows for steps 1..50 only, the current one marked alone.
    const table = screen.getByRole('table', { name: 'Execution table', hidden: true });
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(50);
    const current = table.querySelectorAll('[aria-current]');
    expect(current).toHaveLength(1);
    expect(current[0]).toHaveAttribute('aria-current', 'step');
    expect(
      within(current[0] as HTMLElement).getAllByRole('cell', { hidden: true })[0],
    ).toHaveTextContent(/^50$/);
    expect(
      screen.getByRole('region', { name: 'Execution table, scrollable', hidden: true }),
    ).toHaveAttribute('tabindex', '0');

    // Variable tracker: a header per frame, values up to step 50 and no text after it.
    const tracker = screen.getByRole('table', { name: 'Variable tracker', hidden: true });
    const headers = within(tracker)
      .getAllByRole('columnheader', { hidden: true })
      .map((th) => th.textContent);
    expect(headers).toEqual([
      'Variable',
      'Start',
      ...Array.from({ length: 89 }, (_, i) => `After Step ${i + 1}`),
      'Final',
    ]);
    const queries = within(tracker)
      .getByRole('rowheader', { name: 'queries', hidden: true })
      .closest('tr')!;
    const cells = within(queries).getAllByRole('cell', { hidden: true });
    expect(cells).toHaveLength(91);
    expect(cells.slice(0, 51).every((cell) => cell.textContent !== '')).toBe(true);
    expect(cells.slice(51).every((cell) => cell.textContent === '')).toBe(true);

    // Timeline: the current step's block of 20 columns and one either side (21..80).
    expect(
      within(timeline).getByRole('listitem', { current: 'step', hidden: true }),
    ).toHaveTextContent(/^▶Step 50/);
    const steps = [...timeline.querySelectorAll('.timeline__card, .timeline__placeholder')].map(
      (item) => Number(/Step (\d+)/.exec(item.textContent ?? '')?.[1]),
    );
    expect(steps.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => 21 + i));
    const meter = within(timeline).getByRole('list', { name: 'DB queries per step', hidden: true });
    expect(within(meter).getAllByRole('listitem', { hidden: true })).toHaveLength(30);

    // The table scrolls in its own box with fixed column widths.
    expect(table.closest('.xtable')).toHaveClass('xtable--long');

    // Moving on keeps the table and tracker whole; only the row just reached slides in.
    act(() => useAppStore.getState().goTo(90));
    const all = table.querySelectorAll('tbody tr');
    expect(all).toHaveLength(90);
    const sliding = table.querySelectorAll('tbody tr:not(.xtable__row--still)');
    expect(sliding).toHaveLength(1);
    expect(sliding[0]).toBe(all[89]);
    expect(all[89]).toHaveAttribute('aria-current', 'step');
    act(() => useAppStore.getState().goTo(89));
    expect(table.querySelectorAll('tbody tr:not(.xtable__row--still)')).toHaveLength(0);
    act(() => useAppStore.getState().goTo(90));
    expect(
      within(queries)
        .getAllByRole('cell', { hidden: true })
        .every((cell) => cell.textContent !== ''),
    ).toBe(true);
    expect(screen.queryByText(/could not be shown/)).toBeNull();
  });
});
