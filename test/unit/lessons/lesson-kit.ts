/**
 * What every lesson's behaviour test shares: the table, tracker and stale flags of a run, the
 * lesson with its remedy applied, and the checks every lesson must pass (schema, parts, frozen
 * trace). The traces themselves are pinned as text snapshots by golden.test.ts.
 */
import { expect, it } from 'vitest';
import { parseLesson, run, type Lesson, type RunOptions, type Trace } from '../../../src/engine';
import { cellText } from '../../../src/features/execution-table/execution-table-rows';

/** The execution table's body rows (steps 1..M), cells as the table shows them, in `lesson.columns` order. */
export const tableOf = (lesson: Lesson, options?: RunOptions): string[][] =>
  run(lesson, options)
    .frames.slice(1)
    .map((frame) => lesson.columns.map((column) => cellText(frame, column.id)));

/** Each tracked variable's value per frame (the start, then steps 1..M); `null` where it has none. */
export function trackerOf(lesson: Lesson, options?: RunOptions): Record<string, (string | null)[]> {
  const { frames } = run(lesson, options);
  return Object.fromEntries(
    lesson.tracked.map((t) => [t.name, frames.map((f) => f.vars[t.name] ?? null)]),
  );
}

/** The event of each frame, the start included. */
export const eventsOf = (trace: Trace): string[] => trace.frames.map((f) => f.event);

/** Whether each frame's cache holds an entry that no longer matches the database. */
export const staleFrames = (trace: Trace): boolean[] =>
  trace.frames.map((f) => f.cache.some((e) => e.isStale));

/** The lesson as its remedy replays it: the patch applied, the remedy itself dropped. */
export function applyRemedy(lesson: Lesson): Lesson {
  const { remedy, ...plain } = lesson;
  if (!remedy) throw new Error(`Lesson ${lesson.id} has no remedy`);
  return { ...plain, ...remedy.patch };
}

export interface LessonBasicsOptions {
  /** An exact number of concept-flow stages, instead of the usual 4 to 6. */
  flowLength?: number;
}

const roundTrip = (lesson: Lesson): unknown => parseLesson(JSON.parse(JSON.stringify(lesson)));

/**
 * Registers the `it` blocks every lesson passes: the schema, the parts every lesson has, and a
 * frozen trace. A lesson with a remedy passes them with the remedy applied too, and keeps its
 * step count under the remedy so frames line up.
 */
export function describeLessonBasics(lesson: Lesson, options: LessonBasicsOptions = {}): void {
  const { remedy, ...plain } = lesson;
  const remedied = remedy ? applyRemedy(lesson) : undefined;
  const versions = remedied ? [lesson, remedied] : [lesson];

  it(`passes the lesson schema${remedied ? ', with and without the remedy' : ''}`, () => {
    expect(roundTrip(plain)).toEqual(plain);
    if (remedied) expect(roundTrip(remedied)).toEqual(remedied);
  });

  it('has the parts every lesson has', () => {
    if (options.flowLength === undefined) {
      expect(lesson.flow.length).toBeGreaterThanOrEqual(4);
      expect(lesson.flow.length).toBeLessThanOrEqual(6);
    } else {
      expect(lesson.flow).toHaveLength(options.flowLength);
    }
    expect(lesson.steps.length).toBeGreaterThanOrEqual(4);
    expect(lesson.steps.length).toBeLessThanOrEqual(10);
    expect(lesson.keyMoments).toHaveLength(3);
    expect(lesson.quiz).toHaveLength(3);
    expect(lesson.snapshot.lines.length).toBeGreaterThanOrEqual(4);
    expect(lesson.snapshot.lines.length).toBeLessThanOrEqual(6);
    // "In real Django, …" notes correct the seed's sentences; they are not sentences of their own.
    const sentences = lesson.transcript.filter((s) => !s.startsWith('In real Django, '));
    expect(sentences.length).toBeGreaterThanOrEqual(6);
    expect(sentences.length).toBeLessThanOrEqual(10);
    for (const { code } of versions) {
      const lines = code.source.split('\n').length;
      expect(lines).toBeGreaterThanOrEqual(15);
      expect(lines).toBeLessThanOrEqual(35);
    }
    for (const q of lesson.quiz) {
      expect(q.feedback?.[q.answer]).toBe('');
      expect(q.feedback?.filter((f) => f === '')).toHaveLength(1);
      expect(new Set(q.options).size).toBe(4);
    }
    for (const step of versions.flatMap((version) => version.steps)) {
      expect(step.transcript).toBeLessThan(lesson.transcript.length);
      expect(step.stage).toBeLessThan(lesson.flow.length);
    }
  });

  if (remedied) {
    it('keeps the step count with the remedy, so frames line up', () => {
      expect(remedied.steps).toHaveLength(lesson.steps.length);
      expect(run(remedied).frames).toHaveLength(run(lesson).frames.length);
    });
  }

  it('is frozen', () => {
    for (const version of versions) {
      const trace = run(version);
      expect(Object.isFrozen(trace)).toBe(true);
      expect(Object.isFrozen(trace.frames)).toBe(true);
      for (const frame of trace.frames) {
        expect(Object.isFrozen(frame)).toBe(true);
        expect(Object.isFrozen(frame.cache)).toBe(true);
      }
    }
  });
}
