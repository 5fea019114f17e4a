import { nextTask } from '../../components/next-task';
import { run, type Frame, type Trace } from '../../engine';
import {
  compareStory,
  compareStrategies,
  DEFAULT_TTL,
  DEFAULT_WAIT,
  MAX_SECONDS,
  type CompareStrategy,
  type CompareStrategyId,
} from '../../lessons/compare-stories';

/** What a step's read gave the user, as a cell of the matrix. */
export type Verdict = 'fresh' | 'stale' | 'miss' | 'none';

/** The strategies ticked when the view opens. */
export const DEFAULT_SELECTION: readonly CompareStrategyId[] = [
  'no-invalidation',
  'delete-on-update',
  'ttl',
];

export interface CompareOptions {
  ttl: number;
  wait: number;
}

export interface CompareCell {
  verdict: Verdict;
  /** A miss that read the database: the user still got fresh data ("miss → fresh"). */
  isRefetch: boolean;
  /** The word shown beside the icon: `fresh`, `miss → fresh`, `stale`, `miss` or `—`. */
  label: string;
  /** Icon that goes with the verdict, so meaning never rests on colour alone. */
  icon: string;
  tone: 'hit' | 'miss' | 'stale' | 'neutral';
  /** For steps without a read: what the step did to the cache. */
  note: string;
  /** DB queries this step ran. */
  queries: number;
}

export interface CompareColumn {
  strategy: CompareStrategy;
  /** DB queries of the whole story. */
  queries: number;
  staleReads: number;
}

export interface CompareRow {
  /** 1-based step number. */
  step: number;
  /** Row header: `1. Read`. */
  label: string;
  /** One cell per column, in column order. */
  cells: CompareCell[];
}

export interface CompareMatrix {
  columns: CompareColumn[];
  rows: CompareRow[];
  /** One line: `Stale reads: No invalidation 2, TTL 1, Delete on update 0`. */
  summary: string;
}

/**
 * Running a story is the only expensive part, so each (strategy, ttl, wait) runs once. Typing
 * numbers could make many keys, so the memo is dropped when it grows past a bound.
 */
const traces = new Map<string, Trace>();
const MEMO_LIMIT = 200;

/** The memoised trace of one strategy's compare story. */
export function compareTrace(id: CompareStrategyId, options: CompareOptions): Trace {
  const memoKey = `${id}|${options.ttl}|${options.wait}`;
  const memo = traces.get(memoKey);
  if (memo) return memo;
  if (traces.size >= MEMO_LIMIT) traces.clear();
  const trace = run(compareStory(id, options));
  traces.set(memoKey, trace);
  return trace;
}

/**
 * Run the stories the view first shows (the default strategies, TTL and wait) ahead of its first
 * render, each in a task of its own (not the one that evaluated the chunk): the render then
 * reads them from the memo.
 */
export async function prepareCompare(): Promise<void> {
  for (const id of DEFAULT_SELECTION) {
    await nextTask();
    compareTrace(id, { ttl: DEFAULT_TTL, wait: DEFAULT_WAIT });
  }
}

type CellLook = Pick<CompareCell, 'verdict' | 'isRefetch' | 'label' | 'icon' | 'tone'>;

const LOOKS = {
  fresh: { verdict: 'fresh', isRefetch: false, label: 'fresh', icon: '✓', tone: 'hit' },
  refetch: { verdict: 'fresh', isRefetch: true, label: 'miss → fresh', icon: '○', tone: 'miss' },
  stale: { verdict: 'stale', isRefetch: false, label: 'stale', icon: '⚠', tone: 'stale' },
  miss: { verdict: 'miss', isRefetch: false, label: 'miss', icon: '○', tone: 'miss' },
  none: { verdict: 'none', isRefetch: false, label: '—', icon: '', tone: 'neutral' },
} as const satisfies Record<string, CellLook>;

/** The verdict of one frame: its last cache read decides (a story step reads at most once). */
export function cellOf(frame: Frame): CompareCell {
  const outcomes = frame.outcomes;
  const readAt = outcomes.findLastIndex((o) => o.kind === 'get');
  const read = outcomes[readAt];
  const base = { note: '', queries: frame.stepQueries };
  if (read?.kind !== 'get') return { ...LOOKS.none, ...base, note: noteOf(frame) };
  if (read.hit) return { ...(read.stale ? LOOKS.stale : LOOKS.fresh), ...base };
  // A miss followed by a database read served what the database holds right now.
  const isRefetch = outcomes.findLastIndex((o) => o.kind === 'db.read') > readAt;
  return { ...(isRefetch ? LOOKS.refetch : LOOKS.miss), ...base };
}

/** What a step without a read did to the cache, in a few words. */
function noteOf(frame: Frame): string {
  const outcomes = frame.outcomes;
  if (outcomes.some((o) => o.kind === 'error')) return 'error';
  if (outcomes.some((o) => o.kind === 'delete' && o.deleted)) return 'key deleted';
  const set = outcomes.find((o) => o.kind === 'set');
  if (set?.kind === 'set') return `cache set to ${set.value}`;
  return 'cache untouched';
}

/**
 * The comparison matrix for the chosen strategies (shown in the catalogue's order, unknown ids
 * dropped): one row per story step, one column per strategy, plus query totals and a
 * one-line summary of stale reads, most first.
 */
export function compareMatrix(selected: readonly string[], options: CompareOptions): CompareMatrix {
  const strategies = compareStrategies.filter((s) => selected.includes(s.id));
  const traces = strategies.map((s) => compareTrace(s.id, options));
  const frames = traces.map((trace) => trace.frames.slice(1));
  const cells = frames.map((column) => column.map(cellOf));
  const columns = strategies.map((strategy, i) => ({
    strategy,
    queries: traces[i].frames[traces[i].frames.length - 1].queries,
    staleReads: cells[i].filter((cell) => cell.verdict === 'stale').length,
  }));
  const steps = frames[0] ?? [];
  const rows = steps.map((frame, step) => ({
    step: step + 1,
    label: `${step + 1}. ${frame.action}`,
    cells: cells.map((column) => column[step]),
  }));
  const ranked = [...columns].sort((a, b) => b.staleReads - a.staleReads);
  const summary = ranked.length
    ? `Stale reads: ${ranked.map((c) => `${c.strategy.label} ${c.staleReads}`).join(', ')}`
    : '';
  return { columns, rows, summary };
}

export interface ParsedSeconds {
  /** The value the story uses: the input clamped to 0..3600, or the default. */
  value: number;
  /** A sentence naming the bad input and what is used instead; `null` when the input is fine. */
  message: string | null;
}

/**
 * Read a seconds field. Empty or non-numeric text uses `fallback`; numbers outside 0..3600 are
 * clamped and fractions rounded. Each correction comes with a message saying so.
 */
export function parseSeconds(text: string, name: string, fallback: number): ParsedSeconds {
  const trimmed = text.trim();
  const n = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(n)) {
    return {
      value: fallback,
      message: `${name} must be a number of seconds from 0 to ${MAX_SECONDS}: using ${fallback}.`,
    };
  }
  const value = Math.min(MAX_SECONDS, Math.max(0, Math.round(n)));
  if (value === n) return { value, message: null };
  const why = n < 0 || n > MAX_SECONDS ? `is outside 0 to ${MAX_SECONDS}` : 'is not a whole number';
  return { value, message: `${name} ${why}: using ${value}.` };
}
