import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lesson, LessonStep, Op } from '../../src/engine';
import { Timeline } from '../../src/features/timeline/Timeline';
import { initialState, useAppStore } from '../../src/store/store';

// Two multi-actor lessons built from the seed (the race lessons are written elsewhere): the
// stale-set race with a clock, and a herd of workers with no clock.
vi.mock('../../src/lessons', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/lessons')>();
  const seed = original.findLesson(original.DEFAULT_LESSON_ID);
  if (!seed) throw new Error('the default lesson is missing');
  const key = 'user_profile_42';
  const step = (actor: string, action: string, ops: Op[], skippable = false): LessonStep => ({
    ...seed.steps[0],
    display: undefined,
    actor,
    action,
    ops,
    skippable,
  });
  const race: Lesson = {
    ...seed,
    id: 'race-demo',
    steps: [
      step('request A', 'A misses', [{ op: 'cache.get', key }]),
      step('request A', 'A reads the row', [
        { op: 'db.get', model: 'Profile', pk: 42, field: 'data', as: 'row' },
      ]),
      step('request B', 'B saves', [
        { op: 'db.save', model: 'Profile', pk: 42, fields: { data: { literal: 'fresh_data' } } },
      ]),
      step('request B', 'B deletes the key', [{ op: 'cache.delete', key }], true),
      step('request A', 'A caches what it read', [{ op: 'cache.set', key, value: { var: 'row' } }]),
      step('request C', 'C reads a minute later', [
        { op: 'clock.advance', seconds: 60 },
        { op: 'request', key, model: 'Profile', pk: 42, field: 'data' },
      ]),
    ],
  };
  const herd: Lesson = {
    ...seed,
    id: 'herd-demo',
    steps: [
      step('writer', 'Writer deletes the key', [{ op: 'cache.delete', key }]),
      step('workers', 'Four workers query at once', [
        ...[1, 2, 3, 4].map((): Op => ({ op: 'db.get', model: 'Profile', pk: 42, field: 'data' })),
      ]),
    ],
  };
  const lessons = [seed, race, herd];
  return {
    ...original,
    findLesson: (id: string) => lessons.find((lesson) => lesson.id === id),
  };
});

const store = () => useAppStore.getState();
const open = (id: string, step = 0) => {
  act(() => store().openLesson(id));
  act(() => store().goTo(step));
};
const region = () => screen.getByRole('region', { name: 'Timeline' });
const lane = (actor: string) => within(region()).getByRole('list', { name: actor });
const cardOf = (n: number) =>
  within(region())
    .getAllByRole('listitem')
    .find((item) => item.querySelector('.timeline__step')?.textContent?.includes(`Step ${n}`));

beforeEach(() => useAppStore.setState(initialState, true));

describe('Timeline', () => {
  it('renders nothing for a lesson with one actor', () => {
    const { container } = render(<Timeline />);
    expect(container).toBeEmptyDOMElement();
  });

  describe('lanes', () => {
    it('is a region named Timeline with one lane per actor, in order of first appearance', () => {
      open('race-demo');
      render(<Timeline />);
      const headers = within(region()).getAllByRole('heading', { level: 3 });
      expect(headers.slice(0, 3).map((h) => h.textContent)).toEqual([
        'request A',
        'request B',
        'request C',
      ]);
      expect(lane('request A')).toBeInTheDocument();
      expect(lane('request C')).toBeInTheDocument();
    });

    it('uses lists, not a table (the contract keeps table captions for itself)', () => {
      open('race-demo', 3);
      render(<Timeline />);
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
    });

    it('shows faint placeholders at step 0, and says nothing has run', () => {
      open('race-demo');
      render(<Timeline />);
      expect(within(lane('request A')).getAllByText('not reached yet')).toHaveLength(3);
      expect(within(lane('request B')).getAllByText('not reached yet')).toHaveLength(2);
      expect(screen.getByText(/Nothing has run yet/)).toBeInTheDocument();
      expect(region().querySelector('[aria-current]')).toBeNull();
    });

    it('puts each reached step in its own actor lane only', () => {
      open('race-demo', 3);
      render(<Timeline />);
      const a = lane('request A');
      expect(within(a).getByText('A misses')).toBeInTheDocument();
      expect(within(a).getByText('A reads the row')).toBeInTheDocument();
      expect(within(a).queryByText('B saves')).not.toBeInTheDocument();
      expect(within(lane('request B')).getByText('B saves')).toBeInTheDocument();
      // Lane A has steps 1, 2 and 5; lane C has only step 6, not reached yet.
      expect(a.children).toHaveLength(3);
      expect(within(lane('request C')).getByText('not reached yet')).toBeInTheDocument();
      expect(within(lane('request C')).queryByText(/reads a minute later/)).toBeNull();
    });

    it('marks the current step card with aria-current="step"', () => {
      open('race-demo', 3);
      render(<Timeline />);
      const current = within(region()).getByRole('listitem', { current: 'step' });
      expect(current).toHaveTextContent('Step 3');
      expect(current).toHaveTextContent('B saves');
      expect(lane('request B')).toContainElement(current);
    });

    it('follows the player', () => {
      open('race-demo', 3);
      render(<Timeline />);
      act(() => store().next());
      expect(within(region()).getByRole('listitem', { current: 'step' })).toHaveTextContent(
        'B deletes the key',
      );
      act(() => store().previous());
      act(() => store().previous());
      expect(within(lane('request B')).getAllByText('not reached yet')).toHaveLength(2);
    });

    it('scrolls sideways inside its own focusable box', () => {
      open('race-demo', 1);
      render(<Timeline />);
      const box = screen.getByRole('region', { name: 'Timeline lanes, scrollable' });
      expect(box).toHaveAttribute('tabindex', '0');
      expect(region()).toContainElement(box);
    });
  });

  describe('outcome chips', () => {
    it('shows icon and word for a miss, a DB read and a write', () => {
      open('race-demo', 3);
      render(<Timeline />);
      expect(cardOf(1)).toHaveTextContent('○miss user_profile_42');
      expect(cardOf(2)).toHaveTextContent("⛁DB read 'old_data'");
      expect(cardOf(3)).toHaveTextContent('✎write (save) Profile(pk=42)');
    });

    it('shows where the stale value came from: a "stale set", then a stale read naming it', () => {
      open('race-demo', 6);
      render(<Timeline />);
      expect(cardOf(5)).toHaveTextContent("⚠stale set 'old_data'");
      expect(cardOf(6)).toHaveTextContent("⚠stale read 'old_data' cached in step 5 by request A");
      expect(within(cardOf(6) as HTMLElement).getByText("'old_data'").tagName).toBe('CODE');
    });

    it('shows a step skipped by the what-if as skipped', () => {
      open('race-demo', 4);
      act(() => store().toggleSkip(4));
      act(() => store().goTo(4));
      render(<Timeline />);
      expect(cardOf(4)).toHaveTextContent('skipped (what-if)');
    });
  });

  describe('DB-query meter', () => {
    it('has one bar per reached step with the number as text, and the total', () => {
      open('race-demo', 3);
      render(<Timeline />);
      const meter = within(region()).getByRole('list', { name: 'DB queries per step' });
      const bars = within(meter).getAllByRole('listitem');
      expect(bars.map((bar) => bar.textContent)).toEqual([
        'Step 1: 0 queries',
        'Step 2: 1 query',
        'Step 3: 1 query',
      ]);
      expect(screen.getByText(/Total DB queries so far:/)).toHaveTextContent(
        'Total DB queries so far: 2',
      );
    });

    it('shows a spike when four workers query in one step', () => {
      open('herd-demo', 2);
      render(<Timeline />);
      const meter = within(region()).getByRole('list', { name: 'DB queries per step' });
      expect(within(meter).getByText('Step 2:').parentElement).toHaveTextContent(
        'Step 2: 4 queries',
      );
      expect(screen.getByText(/Total DB queries so far:/)).toHaveTextContent(': 4');
    });
  });

  describe('clock strip', () => {
    it('shows t = Ns under each reached step when the lesson moves the clock', () => {
      open('race-demo', 6);
      render(<Timeline />);
      const clock = within(region()).getByRole('list', { name: 'Clock' });
      const marks = within(clock).getAllByRole('listitem');
      expect(marks).toHaveLength(6);
      expect(marks[5]).toHaveTextContent('After step 6: t = 60s');
      expect(marks[0]).toHaveTextContent('t = 0s');
    });

    it('is absent when the clock never moves', () => {
      open('herd-demo', 2);
      render(<Timeline />);
      expect(within(region()).queryByRole('list', { name: 'Clock' })).not.toBeInTheDocument();
    });
  });
});
