import { describe, expect, it } from 'vitest';
import {
  createRng,
  factsHold,
  randomLesson,
  run,
  skippableSteps,
  type Lesson,
  type Op,
  type Trace,
} from '../../../src/engine';
import { catalog } from '../../../src/lessons/catalog';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';
import { contradictions, describeOutcomes, shownStep } from '../../../src/lessons/vocabulary';
import { flowStagesAt } from '../../../src/features/concept-flow/view-model';
import { tableRows } from '../../../src/features/execution-table/execution-table-rows';

/** Every subset of `items`. */
const subsets = <T>(items: readonly T[]): T[][] =>
  items.reduce<T[][]>((all, item) => [...all, ...all.map((s) => [...s, item])], [[]]);

const withRemedy = (lesson: Lesson): Lesson => ({ ...lesson, ...lesson.remedy?.patch });

/**
 * The invariant: a step shows its author's Result, narration, stage and sentence only when the
 * step ran, was not taken off its path, and the engine did exactly the facts it declares;
 * otherwise it shows the engine's own Result and no lit stage or current sentence.
 */
function checkShown(lesson: Lesson, trace: Trace, label: string): void {
  const resultColumn = lesson.columns.findIndex((c) => c.id === 'result');
  const rows = tableRows(trace, lesson, trace.frames.length - 1, true);
  for (let index = 1; index < trace.frames.length; index += 1) {
    const frame = trace.frames[index];
    const step = lesson.steps[index - 1];
    const shown = shownStep(lesson, trace, index);
    const where = `${label}, step ${index}`;
    const honest =
      !frame.isSkipped &&
      !frame.isDiverged &&
      (step.shows ? factsHold(step.shows, frame.outcomes) : step.result !== '');
    if (honest) {
      expect(shown.source, where).toBe('authored');
      expect(shown.result, where).toBe(step.result);
      expect(shown.narration, where).toBe(step.narration);
      expect(shown.stage, where).toBe(step.stage);
    } else {
      expect(shown.source, where).not.toBe('authored');
      expect(shown.stage, where).toBe(-1);
      expect(shown.transcript, where).toBeNull();
      expect(shown.result, where).toBe(
        frame.isSkipped
          ? `Skipped (what-if): step ${index} did not run`
          : describeOutcomes(frame.outcomes),
      );
    }
    if (resultColumn >= 0)
      expect(rows[index - 1].cells[resultColumn].text, where).toBe(shown.result);
    const lit = flowStagesAt(lesson, trace, index).findIndex((s) => s.state === 'current');
    expect(lit, where).toBe(shown.stage >= 0 ? shown.stage : -1);
  }
}

describe('Text that follows the engine', () => {
  it.each(catalog.map((lesson) => [lesson.id, lesson] as const))(
    '%s: no step declares facts its own trace contradicts (normal path and remedy)',
    (_id, lesson) => {
      expect(contradictions(lesson, (l) => run(l))).toEqual([]);
    },
  );

  it('names the lesson, the step and the field of a contradicted statement', () => {
    const lying: Lesson = {
      ...deleteOnUpdate,
      steps: deleteOnUpdate.steps.map((s, i) => (i === 2 ? { ...s, shows: ['hit'] } : s)),
    };
    expect(contradictions(lying, (l) => run(l))).toEqual([
      "lesson 'delete-on-update', step 3, shows: declares [hit] but the engine did [deleted]",
    ]);
  });

  it(
    'every lesson × every skip combination × remedy off/on shows only what the trace says',
    { timeout: 60_000 },
    () => {
      let runs = 0;
      for (const lesson of catalog) {
        for (const version of lesson.remedy ? [lesson, withRemedy(lesson)] : [lesson]) {
          for (const skip of subsets(skippableSteps(version))) {
            checkShown(version, run(version, { skip }), `${version.id} skip [${skip}]`);
            runs += 1;
          }
        }
      }
      expect(runs).toBeGreaterThanOrEqual(catalog.length);
    },
  );

  it(
    '500 random sandbox edits never show a sentence the trace contradicts',
    { timeout: 60_000 },
    () => {
      const rng = createRng(20261201);
      const donors = randomLesson(7, { steps: 200 }).steps.flatMap((s) => s.ops);
      let contradicted = 0;
      for (let n = 0; n < 500; n += 1) {
        const base = rng.pick(catalog);
        const lesson = rng.next() < 0.5 && base.remedy ? withRemedy(base) : base;
        const at = rng.int(0, lesson.steps.length - 1);
        const ops = lesson.steps[at].ops;
        const roll = rng.int(0, 2);
        const edited: Op[] =
          roll === 0
            ? ops.filter((_, k) => k !== rng.int(0, ops.length - 1)) // remove one op
            : roll === 1
              ? [rng.pick(donors)] // replace the step's ops
              : [...ops, rng.pick(donors)]; // append one
        const sandbox: Lesson = {
          ...lesson,
          id: 'sandbox',
          steps: lesson.steps.map((s, i) => (i === at ? { ...s, ops: edited } : s)),
        };
        const trace = run(sandbox);
        checkShown(sandbox, trace, `edit ${n} of ${lesson.id} step ${at + 1}`);
        if (shownStep(sandbox, trace, at + 1).source !== 'authored') contradicted += 1;
      }
      // The edits really change outcomes, so the check is not vacuous.
      expect(contradicted).toBeGreaterThan(100);
    },
  );

  it('random scenarios with no authored text show the engine’s words', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const lesson = randomLesson(seed, { steps: 30 });
      const trace = run(lesson);
      checkShown(lesson, trace, `random ${seed}`);
      expect(shownStep(lesson, trace, 1).result).not.toBe('');
    }
  });

  describe('the issue’s examples', () => {
    it('seed, step 3 skipped: Delete cache is skipped, not current, and the headline row is stale', () => {
      const trace = run(deleteOnUpdate, { skip: [3] });
      const states = flowStagesAt(deleteOnUpdate, trace, 3).map((s) => s.state);
      expect(states[3]).toBe('skipped');
      expect(states).not.toContain('current');
      expect(shownStep(deleteOnUpdate, trace, 3).missedTranscript).toBe(
        deleteOnUpdate.steps[2].transcript,
      );
      expect(shownStep(deleteOnUpdate, trace, 5).result).toMatch(/^User sees stale data/);
      expect(flowStagesAt(deleteOnUpdate, trace, 5)[4].state).toBe('skipped');
    });

    it('sandbox: removing step 3’s cache.delete no longer says "Cache entry deleted"', () => {
      const edited: Lesson = {
        ...deleteOnUpdate,
        steps: deleteOnUpdate.steps.map((s, i) => (i === 2 ? { ...s, ops: [] } : s)),
      };
      const trace = run(edited);
      expect(trace.frames[3].cacheAfter).toBe("{'user_profile_42': 'old_data'}");
      expect(shownStep(edited, trace, 3).result).toBe('Nothing changed');
      expect(shownStep(edited, trace, 4).result).toMatch(/^User sees stale data/);
    });
  });
});
