import type { BadgeTone } from '../../components/Badge';
import type { EventKind, Frame } from '../../engine';

/** What a step stands for on the slider: the engine's event, or `skipped` for a what-if step. */
export type StepKind = EventKind | 'skipped';

export interface StepKindStyle {
  tone: BadgeTone;
  /** The word that goes with the colour, so meaning never rests on colour alone. */
  word: string;
}

/** Tone and word of each kind; the icon comes from the tone (`TONE_ICON`). */
export const STEP_KIND_STYLE: Record<StepKind, StepKindStyle> = {
  start: { tone: 'neutral', word: 'start' },
  write: { tone: 'write', word: 'write' },
  invalidate: { tone: 'invalidate', word: 'invalidate' },
  miss: { tone: 'miss', word: 'miss' },
  hit: { tone: 'hit', word: 'hit' },
  'stale-read': { tone: 'stale', word: 'stale read' },
  skipped: { tone: 'neutral', word: 'skipped' },
  other: { tone: 'neutral', word: 'other' },
};

/** Legend order: the story of a cache-aside lesson, with the warning last but one. */
const LEGEND_ORDER: readonly StepKind[] = [
  'write',
  'invalidate',
  'miss',
  'hit',
  'stale-read',
  'skipped',
  'other',
];

export interface Tick {
  /** The step (frame index) the mark stands for, 1..M. */
  step: number;
  kind: StepKind;
  /** 0..1 along the slider track. */
  position: number;
}

/** The kind of one frame: a skipped step reads `skipped` rather than the engine's `other`. */
export function stepKindOf(frame: Frame): StepKind {
  return frame.isSkipped ? 'skipped' : frame.event;
}

/** One tick mark per step 1..M, placed where the slider thumb sits at that step. */
export function ticksOf(frames: readonly Frame[]): Tick[] {
  const stepCount = frames.length - 1;
  return frames.slice(1).map((frame) => ({
    step: frame.index,
    kind: stepKindOf(frame),
    position: stepCount > 0 ? frame.index / stepCount : 0,
  }));
}

/** The kinds the ticks use, in legend order, so the legend explains only what is drawn. */
export function legendOf(ticks: readonly Tick[]): StepKind[] {
  const used = new Set(ticks.map((tick) => tick.kind));
  return LEGEND_ORDER.filter((kind) => used.has(kind));
}

/**
 * The live-region text: short, so a screen reader reads it whole at every change.
 * `Step 3 of 5: Cache invalidation triggered`; step 0 reads `Step 0 of 5: Start`.
 */
export function stepStatus(frame: Frame, stepCount: number): string {
  return `Step ${frame.index} of ${stepCount}: ${frame.action}`;
}

/** Past this many steps the ticks become thin bars without icons (a 500-step sandbox). */
export const DENSE_TICKS = 16;
