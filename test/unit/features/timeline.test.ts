import { describe, expect, it } from 'vitest';
import { run, type Lesson, type LessonStep, type Op } from '../../../src/engine';
import { hasTimeline, timelineActors } from '../../../src/features/timeline/timeline-actors';
import {
  isInWindow,
  isSameWindow,
  timelineView,
  timelineWindow,
  WINDOW_BLOCK,
  type TimelineChip,
} from '../../../src/features/timeline/timeline-view';
import { LONG_TRACE_STEPS } from '../../../src/components/long-trace';
import { deleteOnUpdate as seed } from '../../../src/lessons/delete-on-update';

const KEY = 'user_profile_42';

const step = (actor: string, action: string, ops: Op[], extra: Partial<LessonStep> = {}) => ({
  ...seed.steps[0],
  display: undefined,
  actor,
  action,
  ops,
  ...extra,
});

const lessonOf = (id: string, steps: LessonStep[]): Lesson => ({ ...seed, id, steps });

/** The stale-set race, built from the seed: A reads, B saves and deletes, A caches what it read. */
const race = lessonOf('race-demo', [
  step('request A', 'A misses', [{ op: 'cache.get', key: KEY }]),
  step('request A', 'A reads the row', [
    { op: 'db.get', model: 'Profile', pk: 42, field: 'data', as: 'row' },
  ]),
  step('request B', 'B saves', [
    { op: 'db.save', model: 'Profile', pk: 42, fields: { data: { literal: 'fresh_data' } } },
  ]),
  step('request B', 'B deletes the key', [{ op: 'cache.delete', key: KEY }], { skippable: true }),
  step('request A', 'A caches what it read', [
    { op: 'cache.set', key: KEY, value: { var: 'row' } },
  ]),
  step('request C', 'C reads a minute later', [
    { op: 'clock.advance', seconds: 60 },
    { op: 'request', key: KEY, model: 'Profile', pk: 42, field: 'data' },
  ]),
]);

const words = (chips: readonly TimelineChip[]) => chips.map((chip) => chip.word);
const view = (lesson: Lesson, at = lesson.steps.length, skip: number[] = []) =>
  timelineView(run(lesson, { skip }), lesson, at);
const card = (lesson: Lesson, n: number) =>
  view(lesson)
    .lanes.flatMap((lane) => lane.cards)
    .find((c) => c.step === n);

describe('timelineActors', () => {
  it('lists actors in order of first appearance', () => {
    expect(timelineActors(race)).toEqual(['request A', 'request B', 'request C']);
  });

  it('calls a step without an actor "request"', () => {
    expect(timelineActors(seed)).toEqual(['request']);
  });

  it('shows the timeline only for two or more actors', () => {
    expect(hasTimeline(seed)).toBe(false);
    expect(hasTimeline(race)).toBe(true);
  });
});

describe('lanes', () => {
  it('puts each step in its actor lane, in step order', () => {
    const lanes = view(race).lanes;
    expect(lanes.map((lane) => lane.actor)).toEqual(['request A', 'request B', 'request C']);
    expect(lanes.map((lane) => lane.cards.map((c) => c.step))).toEqual([[1, 2, 5], [3, 4], [6]]);
  });

  it('carries the action text', () => {
    expect(card(race, 4)?.action).toBe('B deletes the key');
  });

  it('gives lanes colour slots in turn', () => {
    expect(view(race).lanes.map((lane) => lane.colour)).toEqual([0, 1, 2]);
  });

  it('counts steps and clamps the current step to 0..M', () => {
    expect(view(race, 3).current).toBe(3);
    expect(view(race, 99).current).toBe(6);
    expect(view(race, -2).current).toBe(0);
    expect(view(race, Number.NaN).current).toBe(0);
    expect(view(race).stepCount).toBe(6);
  });

  it('keeps the same lane objects from step to step, so cards need not re-render', () => {
    const trace = run(race);
    expect(timelineView(trace, race, 2).lanes).toBe(timelineView(trace, race, 5).lanes);
  });
});

describe('chips', () => {
  it('shows a miss, a DB read, a save and a failed delete with icon and word', () => {
    expect(card(race, 1)?.chips[0]).toMatchObject({ tone: 'miss', icon: '○', word: 'miss' });
    expect(card(race, 2)?.chips[0]).toMatchObject({ word: 'DB read', detail: "'old_data'" });
    expect(card(race, 3)?.chips[0]).toMatchObject({
      tone: 'write',
      icon: '✎',
      word: 'write (save)',
      detail: 'Profile(pk=42)',
      note: null,
    });
    expect(card(race, 4)?.chips[0]).toMatchObject({ word: 'nothing to delete', detail: KEY });
  });

  it('marks a set of a value that is stale at that step as a "stale set"', () => {
    expect(card(race, 5)?.chips).toEqual([
      {
        tone: 'stale',
        icon: '⚠',
        word: 'stale set',
        detail: "'old_data'",
        note: null,
        actor: null,
      },
    ]);
  });

  it('names where a stale read came from', () => {
    const chips = card(race, 6)?.chips ?? [];
    expect(words(chips)).toEqual(['clock +60s', 'stale read']);
    expect(chips[1]).toMatchObject({
      tone: 'stale',
      icon: '⚠',
      detail: "'old_data'",
      note: 'cached in step 5 by request A',
    });
  });

  it('shows a fresh set and a fresh hit on the normal path of the seed', () => {
    const trace = run(seed);
    const lanes = timelineView(trace, seed, 5).lanes;
    const cards = lanes[0].cards;
    expect(cards[0].chips.map((c) => `${c.icon} ${c.word}`)).toEqual([
      '○ miss',
      '⛁ DB read',
      '+ set',
    ]);
    expect(cards[2].chips[0]).toMatchObject({ tone: 'invalidate', icon: '✕', word: 'delete' });
    expect(cards[4].chips[0]).toMatchObject({ tone: 'hit', icon: '✓', word: 'hit' });
  });

  it('shows lock adds, update without signal, transactions, incr and errors', () => {
    const lesson = lessonOf('lock-demo', [
      step('worker 1', 'Worker 1 takes the lock', [
        { op: 'cache.add', key: 'lock:profile', value: { literal: 1 } },
      ]),
      step('worker 2', 'Worker 2 tries the lock', [
        { op: 'cache.add', key: 'lock:profile', value: { literal: 1 } },
        { op: 'cache.add', key: 'other', value: { literal: 1 } },
      ]),
      step('writer', 'Writer updates in a transaction', [
        { op: 'atomic.begin' },
        { op: 'db.update', model: 'Profile', pk: 42, fields: { data: { literal: 'x' } } },
        { op: 'atomic.rollback' },
        { op: 'atomic.begin' },
        { op: 'db.delete', model: 'Profile', pk: 42 },
        { op: 'atomic.commit' },
      ]),
      step('writer', 'Writer bumps counters', [
        { op: 'cache.set', key: 'gen', value: { literal: 1 } },
        { op: 'cache.incr', key: 'gen' },
        { op: 'cache.incr', key: 'missing' },
      ]),
    ]);
    const cards = view(lesson).lanes.flatMap((lane) => lane.cards);
    expect(cards[0].chips[0]).toMatchObject({ icon: '☑', word: 'lock: add True' });
    expect(words(cards[1].chips)).toEqual(['lock: add False', 'add True']);
    expect(cards[1].chips[0].icon).toBe('⊘');
    expect(cards[2].chips.map((c) => [c.icon, c.word, c.note])).toEqual([
      ['⟦', 'atomic begin', null],
      ['✎', 'write (update)', 'no signal'],
      ['↶', 'rollback', null],
      ['⟦', 'atomic begin', null],
      ['✎', 'write (delete)', null],
      ['⟲', 'commit', null],
    ]);
    expect(cards[3].chips.map((c) => [c.icon, c.word])).toEqual([
      ['+', 'set'],
      ['⇡', 'incr → 2'],
      ['✗', 'error'],
    ]);
    expect(cards[3].chips[2].detail).toMatch(/ValueError/);
  });

  it('names the actor of an outcome caused on another actor’s behalf', () => {
    const lesson = lessonOf('callback-demo', [
      step('reader', 'Reader caches', [
        { op: 'request', key: KEY, model: 'Profile', pk: 42, field: 'data' },
      ]),
      step('writer', 'Writer saves', [
        { op: 'db.save', model: 'Profile', pk: 42, fields: { data: { literal: 'new' } } },
      ]),
    ]);
    const trace = run(lesson);
    // A frame whose outcomes came from someone else (as a signal receiver's can).
    const frame = {
      ...trace.frames[2],
      outcomes: [{ ...trace.frames[2].outcomes[0], actor: 'x' }],
    };
    const patched = { ...trace, frames: [trace.frames[0], trace.frames[1], frame] };
    const lanes = timelineView(patched, lesson, 2).lanes;
    expect(lanes[1].cards[0].chips[0].actor).toBe('x');
    expect(lanes[0].cards[0].chips.every((chip) => chip.actor === null)).toBe(true);
  });

  it('shows a skipped step as skipped, and flags steps the skip changed', () => {
    const cards = view(race, 6, [4]).lanes.flatMap((lane) => lane.cards);
    const skipped = cards.find((c) => c.step === 4);
    expect(skipped?.isSkipped).toBe(true);
    expect(words(skipped?.chips ?? [])).toEqual(['skipped (what-if)']);
    expect(cards.find((c) => c.step === 3)?.isDiverged).toBe(false);
  });
});

describe('DB-query meter', () => {
  it('has one bar per step, scaled to the busiest step', () => {
    const herd = lessonOf('herd-demo', [
      step('writer', 'Writer saves', [
        { op: 'db.save', model: 'Profile', pk: 42, fields: { data: { literal: 'new' } } },
      ]),
      step('workers', 'Four workers query', [
        ...[1, 2, 3, 4].map((): Op => ({ op: 'db.get', model: 'Profile', pk: 42, field: 'data' })),
      ]),
      step('writer', 'Nothing', []),
    ]);
    const meter = view(herd);
    expect(meter.bars).toEqual([
      { step: 1, queries: 1, ratio: 0.25 },
      { step: 2, queries: 4, ratio: 1 },
      { step: 3, queries: 0, ratio: 0 },
    ]);
    expect(meter.totalQueries).toBe(5);
    expect(view(herd, 1).totalQueries).toBe(1);
    expect(view(herd, 0).totalQueries).toBe(0);
  });

  it('has flat bars when no step queries the database', () => {
    const lesson = lessonOf('no-db', [
      step('a', 'A sets', [{ op: 'cache.set', key: 'k', value: { literal: 1 } }]),
      step('b', 'B deletes', [{ op: 'cache.delete', key: 'k' }]),
    ]);
    expect(view(lesson).bars.map((bar) => bar.ratio)).toEqual([0, 0]);
  });
});

describe('clock strip', () => {
  it('is absent when the clock never moves', () => {
    expect(view(seed).clock).toBeNull();
  });

  it('gives the clock after every step when it does', () => {
    expect(view(race, 2).clock).toEqual(
      [0, 0, 0, 0, 0, 60].map((seconds, i) => ({
        step: i + 1,
        seconds,
      })),
    );
  });
});

describe('column window (long traces)', () => {
  it('renders every column of a short timeline', () => {
    expect(timelineWindow(LONG_TRACE_STEPS, 30, null)).toBeNull();
    expect(isInWindow(null, LONG_TRACE_STEPS)).toBe(true);
  });

  it("renders the current step's block and one block either side", () => {
    expect(WINDOW_BLOCK).toBe(20);
    expect(timelineWindow(500, 250, null)).toEqual([{ first: 221, last: 280 }]);
    expect(timelineWindow(500, 241, null)).toEqual([{ first: 221, last: 280 }]);
    expect(timelineWindow(500, 240, null)).toEqual([{ first: 201, last: 260 }]);
  });

  it('stops at both ends of the axis, and treats step 0 as step 1', () => {
    expect(timelineWindow(500, 0, null)).toEqual([{ first: 1, last: 40 }]);
    expect(timelineWindow(500, 500, null)).toEqual([{ first: 461, last: 500 }]);
    expect(timelineWindow(95, 95, null)).toEqual([{ first: 61, last: 95 }]);
  });

  it('adds the blocks scrolled into view, and merges blocks that touch', () => {
    expect(timelineWindow(500, 490, { first: 1, last: 20 })).toEqual([
      { first: 1, last: 40 },
      { first: 461, last: 500 },
    ]);
    expect(timelineWindow(500, 490, { first: 421, last: 440 })).toEqual([
      { first: 401, last: 500 },
    ]);
  });

  it('says which columns are in the window, and compares windows by value', () => {
    const ranges = timelineWindow(500, 490, { first: 1, last: 20 });
    expect([1, 40, 41, 460, 461, 500].map((n) => isInWindow(ranges, n))).toEqual([
      true,
      true,
      false,
      false,
      true,
      true,
    ]);
    expect(isSameWindow(ranges, timelineWindow(500, 489, { first: 5, last: 15 }))).toBe(true);
    expect(isSameWindow(ranges, timelineWindow(500, 490, null))).toBe(false);
    expect(isSameWindow(null, null)).toBe(true);
    expect(isSameWindow(null, ranges)).toBe(false);
  });
});
