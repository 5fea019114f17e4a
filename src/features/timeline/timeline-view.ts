import type { ActorOutcome, Frame, Lesson, Pk, Trace } from '../../engine';
import type { BadgeTone } from '../../components/Badge';
import { isLongTrace } from '../../components/long-trace';
import { clampStep } from '../../store/clamp-step';
import { timelineActors } from './timeline-actors';

/** One outcome of a step as a chip on its card: an icon and a word, never colour alone. */
export interface TimelineChip {
  tone: BadgeTone;
  /**
   * Decorative: the word carries the meaning for screen readers. Text symbols, not emoji, so
   * they render with the fonts of a bare Linux box or a classroom PC.
   */
  icon: string;
  word: string;
  /** The value, key or row it concerns, shown as code; `null` when the word says it all. */
  detail: string | null;
  /** Extra words after the detail, e.g. `no signal` for `QuerySet.update()`. */
  note: string | null;
  /** The actor that caused it, when that is not the lane's actor (a receiver, a callback). */
  actor: string | null;
}

/** A step's card in its actor's lane. Reached / current depend on the step, not stored here. */
export interface TimelineCard {
  /** 1-based step number: the card's column on the time axis. */
  step: number;
  action: string;
  isSkipped: boolean;
  /** The step left the lesson's normal path because of a what-if skip. */
  isDiverged: boolean;
  chips: TimelineChip[];
}

/** One row of the timeline: everything one request or worker did. */
export interface TimelineLane {
  actor: string;
  /** Colour slot 0..LANE_COLOURS-1; the lane header names the actor, so colour only helps. */
  colour: number;
  cards: TimelineCard[];
}

/** One bar of the DB-query meter. */
export interface QueryBar {
  step: number;
  queries: number;
  /** Height relative to the busiest step of the whole trace, 0..1, so bars never rescale. */
  ratio: number;
}

/** The simulated clock after a step. */
export interface ClockMark {
  step: number;
  seconds: number;
}

export interface TimelineView {
  /** M: the number of steps, i.e. columns. */
  stepCount: number;
  /** The current step, clamped to 0..M; cards with `step <= current` are reached. */
  current: number;
  lanes: TimelineLane[];
  /** One bar per step 1..M; the component shows those reached. */
  bars: QueryBar[];
  /** DB queries run so far (the current frame's `queries`). */
  totalQueries: number;
  /** Clock after each step 1..M, or `null` when the lesson never moves the clock. */
  clock: ClockMark[] | null;
}

/** How many lane colours the stylesheet defines; lanes beyond that reuse them in turn. */
export const LANE_COLOURS = 5;

const row = (model: string, pk: Pk): string =>
  `${model}(pk=${typeof pk === 'string' ? `'${pk}'` : pk})`;

type ChipBody = Omit<TimelineChip, 'actor' | 'note'> & { note?: string };

/**
 * A `set` whose value the cache still holds, stale, at the end of the step: this is where a
 * stale value enters the cache, which the learner otherwise only notices at the later read.
 */
function isStaleSet(frame: Frame, key: string, value: string): boolean {
  return frame.cache.some(
    (entry) => entry.rawKey === key && entry.value === value && entry.isStale,
  );
}

/** Who last put a value under a key: the step and actor of the `set` (or successful `add`). */
export interface CachedBy {
  step: number;
  actor: string;
}

function chipBody(
  outcome: ActorOutcome,
  frame: Frame,
  cachedBy: ReadonlyMap<string, CachedBy>,
): ChipBody {
  switch (outcome.kind) {
    case 'get': {
      if (!outcome.hit) return { tone: 'miss', icon: '○', word: 'miss', detail: outcome.key };
      if (!outcome.stale) return { tone: 'hit', icon: '✓', word: 'hit', detail: outcome.value };
      // Provenance: a value can be fine when cached and turn stale later (a commit, a save).
      const source = cachedBy.get(outcome.key);
      return {
        tone: 'stale',
        icon: '⚠',
        word: 'stale read',
        detail: outcome.value,
        note: source ? `cached in step ${source.step} by ${source.actor}` : undefined,
      };
    }
    case 'set':
      return isStaleSet(frame, outcome.key, outcome.value)
        ? { tone: 'stale', icon: '⚠', word: 'stale set', detail: outcome.value }
        : { tone: 'neutral', icon: '+', word: 'set', detail: outcome.value };
    case 'add': {
      // add() is how the lessons take a lock; say so when the key is one.
      const prefix = /lock/i.test(outcome.key) ? 'lock: ' : '';
      return {
        tone: 'neutral',
        icon: outcome.stored ? '☑' : '⊘',
        word: `${prefix}add ${outcome.stored ? 'True' : 'False'}`,
        detail: outcome.key,
      };
    }
    case 'delete':
      return outcome.deleted
        ? { tone: 'invalidate', icon: '✕', word: 'delete', detail: outcome.key }
        : { tone: 'neutral', icon: '✕', word: 'nothing to delete', detail: outcome.key };
    case 'touch':
      return {
        tone: 'neutral',
        icon: '◷',
        word: outcome.live ? 'touch' : 'nothing to touch',
        detail: outcome.key,
      };
    case 'incr':
      return {
        tone: 'invalidate',
        icon: '⇡',
        word: `incr → ${outcome.value}`,
        detail: outcome.key,
      };
    case 'incrVersion':
      return {
        tone: 'invalidate',
        icon: '⇡',
        word: `version → ${outcome.version}`,
        detail: outcome.key,
      };
    case 'db.read':
      return { tone: 'neutral', icon: '⛁', word: 'DB read', detail: outcome.value };
    case 'db.write':
      return {
        tone: 'write',
        icon: '✎',
        word: `write (${outcome.how})`,
        detail: row(outcome.model, outcome.pk),
        // QuerySet.update() is the write receivers never hear about: worth saying on the card.
        note: outcome.signal ? undefined : 'no signal',
      };
    case 'atomic':
      if (outcome.how === 'begin') {
        return { tone: 'neutral', icon: '⟦', word: 'atomic begin', detail: null };
      }
      return outcome.how === 'commit'
        ? {
            tone: 'neutral',
            icon: '⟲',
            word: 'commit',
            detail: null,
            note: outcome.callbacks > 0 ? 'on_commit ran' : undefined,
          }
        : { tone: 'neutral', icon: '↶', word: 'rollback', detail: null };
    case 'clock':
      return { tone: 'neutral', icon: '◷', word: `clock +${outcome.seconds}s`, detail: null };
    case 'error':
      return { tone: 'neutral', icon: '✗', word: 'error', detail: outcome.message };
  }
}

/**
 * A frame's outcomes as chips; the actor is named only when it is not the lane's own.
 * `cachedBy` is where each key's value came from so far: it is read by stale reads and updated
 * here as the frame's sets and deletes are read, in order (pass one map through the frames).
 */
export function timelineChips(
  frame: Frame,
  cachedBy: Map<string, CachedBy> = new Map(),
): TimelineChip[] {
  if (frame.isSkipped) {
    return [
      {
        tone: 'neutral',
        icon: '⤼',
        word: 'skipped (what-if)',
        detail: null,
        note: null,
        actor: null,
      },
    ];
  }
  return frame.outcomes.map((outcome) => {
    const { note, ...body } = chipBody(outcome, frame, cachedBy);
    if (outcome.kind === 'set' || (outcome.kind === 'add' && outcome.stored)) {
      cachedBy.set(outcome.key, { step: frame.index, actor: outcome.actor });
    } else if (outcome.kind === 'delete') {
      cachedBy.delete(outcome.key);
    }
    return {
      ...body,
      note: note ?? null,
      actor: outcome.actor === frame.actor ? null : outcome.actor,
    };
  });
}

interface StaticView {
  lanes: TimelineLane[];
  bars: QueryBar[];
  clock: ClockMark[] | null;
}

function staticView(trace: Trace, lesson: Pick<Lesson, 'steps'>): StaticView {
  const steps = trace.frames.slice(1);
  const actors = timelineActors(lesson);
  // A frame's actor is its step's, defaulted the same way; keep any the lesson did not name.
  for (const frame of steps) if (!actors.includes(frame.actor)) actors.push(frame.actor);
  const lanes: TimelineLane[] = actors.map((actor, i) => ({
    actor,
    colour: i % LANE_COLOURS,
    cards: [],
  }));
  const cachedBy = new Map<string, CachedBy>();
  for (const frame of steps) {
    const lane = lanes[actors.indexOf(frame.actor)];
    lane.cards.push({
      step: frame.index,
      action: frame.action,
      isSkipped: frame.isSkipped,
      isDiverged: frame.isDiverged,
      chips: timelineChips(frame, cachedBy),
    });
  }
  const busiest = Math.max(0, ...steps.map((frame) => frame.stepQueries));
  const bars = steps.map((frame) => ({
    step: frame.index,
    queries: frame.stepQueries,
    ratio: busiest > 0 ? frame.stepQueries / busiest : 0,
  }));
  const hasClock = trace.frames.some((frame) => frame.clock > 0);
  const clock = hasClock
    ? steps.map((frame) => ({ step: frame.index, seconds: frame.clock }))
    : null;
  return { lanes, bars, clock };
}

/*
 * Lanes, bars and clock marks depend only on the trace, which the store memoises: caching them
 * per trace keeps the same objects across steps, so memoised cards skip re-rendering and a
 * step change stays cheap even in a long sandbox trace.
 */
const staticViews = new WeakMap<Trace, WeakMap<object, StaticView>>();

/**
 * The timeline at a step: one lane per actor (first appearance first), each holding the cards
 * of the steps that actor ran, plus the DB-query meter and the clock strip. Cards whose step
 * is at most `current` are reached; the one equal to it is the current step.
 */
export function timelineView(
  trace: Trace,
  lesson: Pick<Lesson, 'steps'>,
  step: number,
): TimelineView {
  let byLesson = staticViews.get(trace);
  if (!byLesson) {
    byLesson = new WeakMap();
    staticViews.set(trace, byLesson);
  }
  let view = byLesson.get(lesson);
  if (!view) {
    view = staticView(trace, lesson);
    byLesson.set(lesson, view);
  }
  const stepCount = trace.frames.length - 1;
  const current = clampStep(step, stepCount);
  return {
    stepCount,
    current,
    lanes: view.lanes,
    bars: view.bars,
    totalQueries: trace.frames[current].queries,
    clock: view.clock,
  };
}

/** A run of steps (columns), first..last inclusive, 1-based. */
export interface ColumnRange {
  first: number;
  last: number;
}

/** A long timeline renders whole blocks of this many columns. */
export const WINDOW_BLOCK = 20;

const blockOf = (step: number): number => Math.floor((Math.max(1, step) - 1) / WINDOW_BLOCK);

/**
 * The columns a long timeline renders (`null` for a short one: every column). Whole blocks of
 * `WINDOW_BLOCK` steps: the current step's block and one either side, plus the blocks the
 * learner has scrolled into view (`visible`) and one either side of those. Other columns stay
 * empty but keep their width, so the axis is as long as the trace and nothing moves. Blocks
 * change only every `WINDOW_BLOCK` steps, so stepping mounts one card at a time and the lanes
 * do not change height at every step.
 */
export function timelineWindow(
  stepCount: number,
  current: number,
  visible: ColumnRange | null,
): ColumnRange[] | null {
  if (!isLongTrace(stepCount)) return null;
  const lastBlock = blockOf(stepCount);
  const blocks = new Set<number>();
  const addBlocks = (from: number, to: number) => {
    for (let b = Math.max(0, from); b <= Math.min(lastBlock, to); b += 1) blocks.add(b);
  };
  const here = blockOf(current);
  addBlocks(here - 1, here + 1);
  if (visible) addBlocks(blockOf(visible.first) - 1, blockOf(visible.last) + 1);
  const ranges: ColumnRange[] = [];
  for (const b of [...blocks].sort((x, y) => x - y)) {
    const first = b * WINDOW_BLOCK + 1;
    const last = Math.min(stepCount, first + WINDOW_BLOCK - 1);
    const previous = ranges[ranges.length - 1];
    if (previous && previous.last + 1 === first) previous.last = last;
    else ranges.push({ first, last });
  }
  return ranges;
}

/** Whether column `step` is rendered: always when there is no window. */
export function isInWindow(ranges: readonly ColumnRange[] | null, step: number): boolean {
  return ranges === null || ranges.some((range) => range.first <= step && step <= range.last);
}

/** Whether two windows render the same columns. */
export function isSameWindow(
  a: readonly ColumnRange[] | null,
  b: readonly ColumnRange[] | null,
): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.length === b.length &&
    a.every((range, i) => range.first === b[i].first && range.last === b[i].last)
  );
}
