import type { StateCreator } from 'zustand';
import type { Lesson } from '../engine';
import { deleteOnUpdate } from '../lessons/delete-on-update';
import type { ScenarioResult } from './sandbox-scenario';
import { whereKept } from './progress';
import { setAsideSandbox } from './storage';
import type { AppState } from './store';
import { SANDBOX_LESSON_ID } from './trace-cache';

/** Scenario text and imported files larger than this are refused before they are parsed. */
export const SANDBOX_MAX_BYTES = 1_000_000;
/** Random scenarios: 1..1000 steps, as the scenario schema allows. */
export const SANDBOX_MAX_STEPS = 1000;
export const SANDBOX_DEFAULT_STEPS = 20;
export const SANDBOX_FIRST_SEED = 1;

/**
 * The sandbox's checks (`sandbox-scenario.ts`, with valibot and the random generator). They
 * are too big for the first view, so they travel in the Sandbox view's chunk, which hands them
 * over at import; `restoreSandbox` loads them itself when a saved scenario is asked for before
 * that view was ever opened.
 */
export type SandboxTools = typeof import('./sandbox-scenario');

let tools: SandboxTools | null = null;

/** Give the store the sandbox's checks (the Sandbox view does, at import). */
export function provideSandboxTools(next: SandboxTools): void {
  tools = next;
}

function loadSandboxTools(): Promise<SandboxTools> {
  return tools ? Promise.resolve(tools) : import('./sandbox-scenario').then((m) => (tools = m));
}

function requireTools(): SandboxTools {
  if (!tools) throw new Error('The sandbox is not loaded yet');
  return tools;
}

/** The seed lesson as scenario JSON: the example the editor starts with. */
export function exampleScenarioText(): string {
  // The scenario schema has no remedy (a sandbox scenario is replayed as written).
  const { remedy: _remedy, ...example } = deleteOnUpdate;
  return JSON.stringify(example, null, 2);
}

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
  /** The Steps and Seed fields as typed; checked when a random scenario is asked for. */
  sandboxSteps: string;
  sandboxSeed: string;
  setSandboxDraft: (text: string) => void;
  setSandboxSteps: (text: string) => void;
  setSandboxSeed: (text: string) => void;
  /** Check the editor's text; load it when it passes. Returns whether it did. */
  checkSandbox: () => boolean;
  /** Put the example back in the editor and load it. */
  loadSandboxExample: () => void;
  /** Generate a scenario from the Seed and Steps fields, load it, and move to the next seed. */
  randomSandbox: () => void;
  /**
   * Import a file: refused unread when over 1 MB; loaded when it passes the check. On any
   * failure the editor and the loaded scenario stay as they were.
   */
  importSandbox: (fileName: string, size: number, read: () => Promise<string>) => Promise<void>;
  /** Play the loaded scenario on the lesson page from step 0. */
  openSandbox: () => void;
  /** Parse the saved scenario text (after a reload); a corrupt one is dropped with a notice. */
  restoreSandbox: () => Promise<void>;
}

export const createSandboxSlice: StateCreator<AppState, [], [], SandboxSlice> = (set, get) => {
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
    sandboxSteps: String(SANDBOX_DEFAULT_STEPS),
    sandboxSeed: String(SANDBOX_FIRST_SEED),
    setSandboxDraft: (text) => set({ sandboxDraft: text }),
    setSandboxSteps: (text) => set({ sandboxSteps: text }),
    setSandboxSeed: (text) => set({ sandboxSeed: text }),
    checkSandbox: () => apply(requireTools().parseScenarioText(get().sandboxDraft), 'editor'),
    loadSandboxExample: () => {
      apply(requireTools().parseScenarioText(exampleScenarioText()), 'editor');
    },
    randomSandbox: () => {
      const { nextSeed, ...result } = requireTools().randomScenario(
        get().sandboxSteps,
        get().sandboxSeed,
      );
      if (apply(result, 'random') && nextSeed !== undefined) set({ sandboxSeed: nextSeed });
    },
    importSandbox: async (fileName, size, read) => {
      apply(await requireTools().readScenarioFile(fileName, size, read), 'file');
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
      // If the checks cannot load (offline), this rejects and the URL falls back with a notice.
      const checks = await loadSandboxTools();
      // Something else was loaded meanwhile (a click in the Sandbox view): that one wins.
      if (get().sandboxText !== text || get().sandboxLesson) return;
      const result = checks.parseScenarioText(text);
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
