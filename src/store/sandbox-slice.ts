import type { StateCreator } from 'zustand';
import type { Lesson } from '../engine';
import { deleteOnUpdate } from '../lessons/delete-on-update';
import type { CheckRequest, CheckResult, ScenarioResult } from './sandbox-scenario';
import { checkScenario } from './scenario-checker';
import { whereKept } from './progress';
import { setAsideSandbox } from './storage';
import type { AppState } from './store';
import { SANDBOX_LESSON_ID } from './trace-cache';

export { SANDBOX_MAX_BYTES, SANDBOX_MAX_STEPS } from './sandbox-limits';
export const SANDBOX_DEFAULT_STEPS = 20;
export const SANDBOX_FIRST_SEED = 1;

/**
 * The sandbox's checks (`sandbox-scenario.ts`, with valibot and the random generator). They
 * are too big for the first view, so they travel in the Sandbox view's chunk, which hands them
 * to the store at import (zustand's code-split pattern); an import loads them itself when a
 * file arrives before that view was ever opened.
 */
export type SandboxTools = typeof import('./sandbox-scenario');

/** The seed lesson as scenario JSON: the example the editor starts with. */
export function exampleScenarioText(): string {
  // The scenario schema has no remedy (a sandbox scenario is replayed as written).
  const { remedy: _remedy, ...example } = deleteOnUpdate;
  return JSON.stringify(example, null, 2);
}

const CHECKS_UNAVAILABLE =
  'The sandbox checks could not be loaded. Check your connection and try again.';

/** A refused scenario: where it came from and why, in one plain-text sentence. */
export interface SandboxError {
  source: 'editor' | 'random' | 'file';
  message: string;
}

export interface SandboxSlice {
  /** The text of the loaded scenario (the last one that passed the check). Persisted. */
  sandboxText: string | null;
  /**
   * The loaded scenario, parsed, under the id `sandbox`. Not persisted: it is parsed again
   * from `sandboxText` (`restoreSandbox`) when a visit asks for it.
   */
  sandboxLesson: Lesson | null;
  /** The editor's text, which may not be valid yet. */
  sandboxDraft: string;
  /**
   * Why the last check, generation or import failed, and which it was (so the message shows
   * beside the control that was used); `null` after a success.
   */
  sandboxError: SandboxError | null;
  /** Which check is running (in the worker), for a status line; `null` when none is. */
  sandboxChecking: SandboxError['source'] | 'saved' | null;
  /** The Steps and Seed fields as typed; checked when a random scenario is asked for. */
  sandboxSteps: string;
  sandboxSeed: string;
  setSandboxDraft: (text: string) => void;
  setSandboxSteps: (text: string) => void;
  setSandboxSeed: (text: string) => void;
  /**
   * Check the editor's text (in a worker, within a time limit); load it when it passes.
   * Resolves to whether it did; a check overtaken by a newer one changes nothing.
   */
  checkSandbox: () => Promise<boolean>;
  /** Put the example back in the editor and load it. */
  loadSandboxExample: () => void;
  /** Generate a scenario from the Seed and Steps fields, load it, and move to the next seed. */
  randomSandbox: () => Promise<void>;
  /**
   * Import a file: refused unread when over 1 MB; loaded when it passes the check. On any
   * failure the editor and the loaded scenario stay as they were.
   */
  importSandbox: (fileName: string, size: number, read: () => Promise<string>) => Promise<void>;
  /** Play the loaded scenario on the lesson page from step 0. */
  openSandbox: () => void;
  /** Parse the saved scenario text (after a reload); a corrupt one is dropped with a notice. */
  restoreSandbox: () => Promise<void>;
  /** The sandbox's checks once their chunk has loaded, else `null`. Not persisted. */
  sandboxTools: SandboxTools | null;
  /** Hand the store the checks (the Sandbox view does, when its chunk loads). */
  setSandboxTools: (tools: SandboxTools) => void;
}

export const createSandboxSlice: StateCreator<AppState, [], [], SandboxSlice> = (set, get) => {
  /** Only the latest check may change anything: an older one finishing later is ignored. */
  let latestCheck = 0;
  const loadSandboxTools = async (): Promise<SandboxTools> => {
    const loaded = get().sandboxTools;
    if (loaded) return loaded;
    const tools = await import('./sandbox-scenario');
    set({ sandboxTools: tools });
    return tools;
  };
  const requireTools = (): SandboxTools => {
    const tools = get().sandboxTools;
    if (!tools) throw new Error('The sandbox is not loaded yet');
    return tools;
  };
  const runCheck = async (
    request: CheckRequest,
    source: NonNullable<SandboxSlice['sandboxChecking']>,
  ): Promise<CheckResult | null> => {
    latestCheck += 1;
    const mine = latestCheck;
    set({ sandboxChecking: source });
    let result: CheckResult;
    try {
      result = await checkScenario(request);
    } catch {
      // The checks' code could not load (offline before it was ever fetched).
      result = { ok: false, error: CHECKS_UNAVAILABLE };
    }
    if (mine !== latestCheck) return null;
    set({ sandboxChecking: null });
    return result;
  };
  /**
   * Load a checked scenario, or show why it was refused and change nothing else. A new
   * scenario's quiz starts unanswered, and the player restarts if it is playing the sandbox.
   */
  const apply = (result: ScenarioResult, source: SandboxError['source']): boolean => {
    if (!result.ok) {
      set({ sandboxError: { source, message: result.error } });
      return false;
    }
    const { answers, revealed, lessonId } = get();
    const { [SANDBOX_LESSON_ID]: _answers, ...otherAnswers } = answers;
    const { [SANDBOX_LESSON_ID]: _revealed, ...otherRevealed } = revealed;
    set({
      sandboxText: result.text,
      sandboxLesson: result.lesson,
      sandboxDraft: result.text,
      sandboxError: null,
      answers: otherAnswers,
      revealed: otherRevealed,
      ...(lessonId === SANDBOX_LESSON_ID ? { step: 0, skip: [], isPlaying: false } : {}),
    });
    return true;
  };
  return {
    sandboxText: null,
    sandboxLesson: null,
    sandboxDraft: exampleScenarioText(),
    sandboxError: null,
    sandboxChecking: null,
    sandboxSteps: String(SANDBOX_DEFAULT_STEPS),
    sandboxSeed: String(SANDBOX_FIRST_SEED),
    sandboxTools: null,
    setSandboxTools: (tools) => {
      if (get().sandboxTools !== tools) set({ sandboxTools: tools });
    },
    setSandboxDraft: (text) => set({ sandboxDraft: text }),
    setSandboxSteps: (text) => set({ sandboxSteps: text }),
    setSandboxSeed: (text) => set({ sandboxSeed: text }),
    checkSandbox: async () => {
      const result = await runCheck({ kind: 'text', text: get().sandboxDraft }, 'editor');
      return result !== null && apply(result, 'editor');
    },
    loadSandboxExample: () => {
      // The built-in example is trusted and small: checked here, at once.
      latestCheck += 1;
      set({ sandboxChecking: null });
      apply(requireTools().parseScenarioText(exampleScenarioText()), 'editor');
    },
    randomSandbox: async () => {
      const request = {
        kind: 'random',
        steps: get().sandboxSteps,
        seed: get().sandboxSeed,
      } as const;
      const result = await runCheck(request, 'random');
      if (!result) return;
      const { nextSeed, ...scenario } = result;
      if (apply(scenario, 'random') && nextSeed !== undefined) set({ sandboxSeed: nextSeed });
    },
    importSandbox: async (fileName, size, read) => {
      const checks = await loadSandboxTools();
      // Size and reading are checked here, the text itself in the worker.
      const result = await checks.readScenarioFile(fileName, size, read, (text) =>
        runCheck({ kind: 'text', text }, 'file'),
      );
      if (result) apply(result, 'file');
    },
    openSandbox: () => {
      if (!get().sandboxLesson) return;
      set({
        view: 'lesson',
        lessonId: SANDBOX_LESSON_ID,
        step: 0,
        skip: [],
        isRemedy: false,
        isPlaying: false,
      });
    },
    restoreSandbox: async () => {
      const text = get().sandboxText;
      if (text === null || get().sandboxLesson) return;
      // Checked like any other scenario (in the worker): it may have been saved by an older
      // version with looser checks, or edited by hand.
      const result = await runCheck({ kind: 'text', text }, 'saved');
      // Something else was loaded meanwhile (a click in the Sandbox view): that one wins.
      if (!result || get().sandboxText !== text || get().sandboxLesson) return;
      // Not the scenario's fault: keep it, and let the URL fall back with a notice.
      if (!result.ok && result.error === CHECKS_UNAVAILABLE) throw new Error(CHECKS_UNAVAILABLE);
      if (result.ok) set({ sandboxLesson: result.lesson });
      else {
        // Backed up (or, if that fails, left alone) before the key can be written again.
        const copy = setAsideSandbox();
        set({ sandboxText: null });
        if (copy) get().addStoredCopy(copy);
        get().addNotice(
          `The saved sandbox scenario could not be read and was skipped${copy ? `: ${whereKept(copy)}` : ''}. ${result.error}`,
        );
      }
    },
  };
};
