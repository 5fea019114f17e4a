import type { PersistStorage, StorageValue } from 'zustand/middleware';

/**
 * What the app keeps in localStorage, versioned, and what it does with a value it cannot use.
 *
 * - Each key's value carries a format version. An older version is upgraded step by step
 *   (`0 → 1 → 2`), in memory; the upgraded form is written the next time the app saves.
 * - A value from a *newer* version is never touched: this tab reads what it understands and
 *   saves nothing over it.
 * - A value that cannot be read, in whole or in part, is first copied to a backup key. Only
 *   once the copy is written may the original be replaced; if the copy cannot be written (a
 *   full quota), the original is left alone and this tab saves nothing over it.
 * - Every such case leaves a report, which the store turns into a notice and a download.
 */

/** Progress and preferences (the key name predates the version inside it). */
export const STORAGE_KEY = 'django-cache-lab:v1';
/**
 * The sandbox scenario's text has its own key, written only when it changes: it can be
 * hundreds of kilobytes, and progress is written on every step change.
 */
export const SANDBOX_STORAGE_KEY = `${STORAGE_KEY}:sandbox`;

/** The format of the progress key's `state`: 2 groups preferences and practice. */
export const PROGRESS_VERSION = 2;
/** The sandbox key: 1 was the bare scenario text, 2 wraps it as `{ version, text }`. */
export const SANDBOX_VERSION = 2;

/** Where the unreadable original of `key` is copied (a numbered key if that one is taken). */
export const backupKeyOf = (key: string, n = 1): string =>
  `${key}:unreadable-backup${n > 1 ? `-${n}` : ''}`;
const BACKUP_SLOTS = 9;

/** A stored value the app could not use, kept for the learner to download. */
export interface StoredCopy {
  /** The key the value was read from. */
  key: string;
  /** What it is, for the button: `progress`, `sandbox scenario`. */
  what: string;
  fileName: string;
  text: string;
  /** Where the copy is kept in storage, or `null` when it could not be written. */
  backupKey: string | null;
}

/** One key's state for this tab: may it be written, and what was set aside on reading it. */
interface KeyGuard {
  isWritable: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isVersion = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function safeRemove(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Blocked storage: nothing to remove.
  }
}

/**
 * Copy `raw` to the first free backup key of `key` (or the one that already holds it).
 * Returns the backup key, or `null` when no copy could be written.
 */
export function backUp(key: string, raw: string): string | null {
  for (let n = 1; n <= BACKUP_SLOTS; n += 1) {
    const backupKey = backupKeyOf(key, n);
    const existing = safeGet(backupKey);
    if (existing === raw) return backupKey;
    if (existing !== null) continue;
    return safeSet(backupKey, raw) ? backupKey : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Progress

/** The store's persisted fields, flat, as `partialize` gives them and `merge` takes them. */
export type FlatProgress = Record<string, unknown>;

const PREFERENCE_FIELDS = ['theme', 'speed', 'isShowingAllSteps'] as const;
const PRACTICE_FIELDS = {
  practiceSeed: 'seed',
  practiceCursor: 'cursor',
  practiceHistory: 'history',
};

/** Upgrades of the progress `state`, each from version n to n + 1; they throw on a bad shape. */
const PROGRESS_MIGRATIONS: Record<number, (state: unknown) => unknown> = {
  // 0 is persist's version when none is given: the same flat shape as 1.
  0: (state) => state,
  // 1 → 2: preferences and practice get their own groups; other fields stay where they are.
  1: (state) => {
    if (!isRecord(state)) throw new Error('not an object');
    const next: Record<string, unknown> = {};
    const preferences: Record<string, unknown> = {};
    const practice: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(state)) {
      if ((PREFERENCE_FIELDS as readonly string[]).includes(name)) preferences[name] = value;
      else if (Object.hasOwn(PRACTICE_FIELDS, name))
        practice[PRACTICE_FIELDS[name as keyof typeof PRACTICE_FIELDS]] = value;
      else next[name] = value;
    }
    if (Object.keys(preferences).length) next.preferences = preferences;
    if (Object.keys(practice).length) next.practice = practice;
    return next;
  },
};

/** The store's flat fields in the current (version 2) layout. */
export function toStoredProgress(flat: FlatProgress): Record<string, unknown> {
  return PROGRESS_MIGRATIONS[1](flat) as Record<string, unknown>;
}

/** A version-2 `state` back to the store's flat fields; a bad group is named, not fatal. */
export function fromStoredProgress(state: unknown): { flat: FlatProgress; problems: string[] } {
  if (!isRecord(state)) return { flat: {}, problems: ['not an object'] };
  const { preferences, practice, ...flat } = state;
  const problems: string[] = [];
  if (preferences !== undefined) {
    if (isRecord(preferences)) {
      for (const name of PREFERENCE_FIELDS) if (name in preferences) flat[name] = preferences[name];
    } else problems.push('preferences');
  }
  if (practice !== undefined) {
    if (isRecord(practice)) {
      for (const [name, stored] of Object.entries(PRACTICE_FIELDS))
        if (stored in practice) flat[name] = practice[stored];
    } else problems.push('practice progress');
  }
  return { flat, problems };
}

/** What reading the progress key found, for the notice. */
export type ProgressReport =
  | { kind: 'unreadable'; reason: string; copy: StoredCopy }
  | { kind: 'newer'; version: number }
  | { kind: 'upgraded'; from: number };

let progressGuard: KeyGuard = { isWritable: true };
let progressReport: ProgressReport | null = null;
/** The raw value of a readable key: backed up by `merge` if some of its fields are bad. */
let progressRaw: string | null = null;
/** Groups of the stored layout that were not objects (named like bad fields). */
let groupProblems: string[] = [];

const progressCopyOf = (raw: string, backupKey: string | null): StoredCopy => ({
  key: STORAGE_KEY,
  what: 'progress',
  fileName: 'django-cache-lab-progress.json',
  text: raw,
  backupKey,
});

/** Keep the whole unreadable original before anything is written; else never write over it. */
function setAsideProgress(raw: string): StoredCopy {
  const backupKey = backUp(STORAGE_KEY, raw);
  if (backupKey === null) progressGuard.isWritable = false;
  return progressCopyOf(raw, backupKey);
}

/** The last read's report (and forget it): `merge` turns it into notices. */
export function takeProgressReport(): {
  report: ProgressReport | null;
  groupProblems: string[];
  /** Back up the original because some of its fields are dropped (before any write). */
  setAside: () => StoredCopy | null;
} {
  const report = progressReport;
  const raw = progressRaw;
  const problems = groupProblems;
  progressReport = null;
  progressRaw = null;
  groupProblems = [];
  return {
    report,
    groupProblems: problems,
    setAside: () => (raw === null ? null : setAsideProgress(raw)),
  };
}

/**
 * Read the progress key: parse it, upgrade it to the current version, or set it aside. Returns
 * the store's flat fields (still unchecked: `sanitizeProgress` checks them field by field).
 */
export function readProgress(): FlatProgress | null {
  progressGuard = { isWritable: true };
  progressReport = null;
  progressRaw = null;
  groupProblems = [];
  const raw = safeGet(STORAGE_KEY);
  if (raw === null) return null;
  let envelope: unknown;
  try {
    envelope = JSON.parse(raw);
  } catch {
    progressReport = {
      kind: 'unreadable',
      reason: 'it is not valid JSON',
      copy: setAsideProgress(raw),
    };
    return null;
  }
  if (!isRecord(envelope) || !('state' in envelope) || !isVersion(envelope.version)) {
    progressReport = {
      kind: 'unreadable',
      reason: 'it has no state and version',
      copy: setAsideProgress(raw),
    };
    return null;
  }
  const version = envelope.version;
  if (version > PROGRESS_VERSION) {
    // Untouched: shown as far as this version understands it, never written over.
    progressGuard.isWritable = false;
    progressReport = { kind: 'newer', version };
    return fromStoredProgress(envelope.state).flat;
  }
  let state = envelope.state;
  try {
    for (let v = version; v < PROGRESS_VERSION; v += 1) state = PROGRESS_MIGRATIONS[v](state);
  } catch {
    progressReport = {
      kind: 'unreadable',
      reason: `it could not be upgraded from version ${version}`,
      copy: setAsideProgress(raw),
    };
    return null;
  }
  if (version < PROGRESS_VERSION) progressReport = { kind: 'upgraded', from: version };
  const { flat, problems } = fromStoredProgress(state);
  progressRaw = raw;
  groupProblems = problems;
  return flat;
}

/**
 * What this tab last wrote. Persist writes after every change of the store, and most (a step, a
 * panel toggle) change no stored field: those write nothing. Checked against the key itself, so
 * a key cleared or rewritten elsewhere is written again.
 */
let lastWrite: { fields: FlatProgress; raw: string } | null = null;

const sameFields = (a: FlatProgress, b: FlatProgress): boolean => {
  const names = Object.keys(a);
  return (
    names.length === Object.keys(b).length && names.every((name) => Object.is(a[name], b[name]))
  );
};

/** The store's persist storage: versioned reads and writes that never overwrite what must stay. */
export const progressStorage: PersistStorage<FlatProgress> = {
  getItem: () => {
    const flat = readProgress();
    // Always the current version: upgrades happened above, so persist never migrates.
    return { state: flat ?? {}, version: PROGRESS_VERSION } satisfies StorageValue<FlatProgress>;
  },
  setItem: (name, value) => {
    if (name !== STORAGE_KEY || !progressGuard.isWritable) return;
    const fields = value.state;
    if (lastWrite && sameFields(lastWrite.fields, fields) && safeGet(name) === lastWrite.raw)
      return;
    const raw = JSON.stringify({ state: toStoredProgress(fields), version: PROGRESS_VERSION });
    // Private mode or a full quota: progress just is not kept this visit.
    lastWrite = safeSet(name, raw) ? { fields, raw } : null;
  },
  removeItem: (name) => {
    if (progressGuard.isWritable) safeRemove(name);
  },
};

// ---------------------------------------------------------------------------------------------
// The sandbox scenario

/** What reading the sandbox key found. */
export interface SandboxRead {
  text: string | null;
  /** A newer version wrote it: loaded if it can be, never written over. */
  newerVersion: number | null;
}

let sandboxGuard: KeyGuard = { isWritable: true };
/** What the sandbox key holds as this tab last read or wrote it (the scenario text). */
let storedSandboxText: string | null = null;
/** The raw value as read, for a backup if the text turns out to be unreadable. */
let sandboxRaw: string | null = null;

/** Read the sandbox key: a version-2 wrapper, a newer one, or version 1's bare text. */
export function readSandbox(): SandboxRead {
  sandboxGuard = { isWritable: true };
  sandboxRaw = safeGet(SANDBOX_STORAGE_KEY);
  storedSandboxText = null;
  if (sandboxRaw === null) return { text: null, newerVersion: null };
  let wrapper: unknown = null;
  if (sandboxRaw.startsWith('{"version":')) {
    try {
      wrapper = JSON.parse(sandboxRaw);
    } catch {
      wrapper = null;
    }
  }
  if (
    isRecord(wrapper) &&
    isVersion(wrapper.version) &&
    wrapper.version >= 2 &&
    typeof wrapper.text === 'string'
  ) {
    storedSandboxText = wrapper.text;
    if (wrapper.version > SANDBOX_VERSION) {
      sandboxGuard.isWritable = false;
      return { text: wrapper.text, newerVersion: wrapper.version };
    }
    return { text: wrapper.text, newerVersion: null };
  }
  // Version 1: the bare scenario text (upgraded to the wrapper on the next write).
  storedSandboxText = sandboxRaw;
  return { text: sandboxRaw, newerVersion: null };
}

/**
 * The stored scenario cannot be used: copy it to a backup key and remove it, or, when the copy
 * cannot be written, leave it alone and stop writing the key in this tab. A value a newer
 * version wrote is never touched.
 */
export function setAsideSandbox(): StoredCopy | null {
  const raw = sandboxRaw ?? safeGet(SANDBOX_STORAGE_KEY);
  if (raw === null) return null;
  const copy: StoredCopy = {
    key: SANDBOX_STORAGE_KEY,
    what: 'sandbox scenario',
    fileName: 'django-cache-lab-sandbox-scenario.txt',
    text: storedSandboxText ?? raw,
    backupKey: null,
  };
  if (!sandboxGuard.isWritable) return copy;
  copy.backupKey = backUp(SANDBOX_STORAGE_KEY, raw);
  if (copy.backupKey === null) sandboxGuard.isWritable = false;
  else {
    safeRemove(SANDBOX_STORAGE_KEY);
    storedSandboxText = null;
  }
  sandboxRaw = null;
  return copy;
}

/** Write the scenario text when it differs from the key (a cheap check: usually one string). */
export function writeSandbox(text: string | null): void {
  if (text === storedSandboxText || !sandboxGuard.isWritable) return;
  storedSandboxText = text;
  sandboxRaw = null;
  if (text === null) safeRemove(SANDBOX_STORAGE_KEY);
  // A full quota or blocked storage: the scenario is just not kept this visit.
  else safeSet(SANDBOX_STORAGE_KEY, JSON.stringify({ version: SANDBOX_VERSION, text }));
}
