/**
 * CONTRIBUTING.md's recipe, followed literally: its two lesson files are the fixture in
 * test/fixtures/touch-timeout/ (import paths aside), and that lesson builds, passes every
 * lesson check and plays, what-if included.
 */
import { describe, expect, it } from 'vitest';
import recipe from '../../../CONTRIBUTING.md?raw';
import metaSource from '../../fixtures/touch-timeout/meta.ts?raw';
import lessonSource from '../../fixtures/touch-timeout/index.ts?raw';
import { touchTimeout } from '../../fixtures/touch-timeout';
import { run, skippableSteps } from '../../../src/engine';
import { defineLesson, LessonKitError, type LessonSpec } from '../../../src/lessons/kit';
import { contradictions, shownStep } from '../../../src/lessons/vocabulary';
import { tableRows } from '../../../src/features/execution-table/execution-table-rows';
import { flowStagesAt } from '../../../src/features/concept-flow/view-model';
import { describeLessonBasics } from './lesson-kit';

/** The file as CONTRIBUTING.md shows it: imports relative to src/lessons/<id>/. */
const asInRecipe = (source: string): string => source.replaceAll("'../../../src/lessons/", "'../");

/** The ```ts blocks of the recipe, in order. */
const blocks = [...recipe.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('CONTRIBUTING.md: adding a lesson', () => {
  it('shows exactly the fixture lesson’s meta.ts and index.ts', () => {
    expect(blocks[0]).toBe(asInRecipe(metaSource));
    expect(blocks[1]).toBe(asInRecipe(lessonSource));
  });

  it('gives the error the kit really throws for a misspelt region', () => {
    const spec = lessonSource; // the step-2 region is `touch`
    expect(spec).toContain("code: ['touch']");
    const quoted = /`(lesson 'touch-timeout', step 2, code: [^`]+)`/.exec(recipe)?.[1];
    expect(quoted).toBeDefined();
    // Rebuild the fixture's spec with the typo the recipe quotes.
    const original = touchTimeout;
    expect(original.steps[1].lines).toEqual([15]);
    expect(() => defineLesson(brokenSpec())).toThrow(LessonKitError);
    expect(() => defineLesson(brokenSpec())).toThrow(quoted as string);
  });

  describeLessonBasics(touchTimeout, { flowLength: 4 });

  it('has no statement its own trace contradicts', () => {
    expect(contradictions(touchTimeout, (l) => run(l))).toEqual([]);
  });

  it('plays: every step shows its own words, stage and row', () => {
    const trace = run(touchTimeout);
    expect(trace.frames.map((f) => f.event)).toEqual(['start', 'miss', 'other', 'hit', 'miss']);
    const rows = tableRows(trace, touchTimeout, 4, false);
    const result = touchTimeout.columns.findIndex((c) => c.id === 'result');
    touchTimeout.steps.forEach((step, i) => {
      const shown = shownStep(touchTimeout, trace, i + 1);
      expect(shown.source).toBe('authored');
      expect(rows[i].cells[result].text).toBe(step.result);
      expect(flowStagesAt(touchTimeout, trace, i + 1)[step.stage].state).toBe('current');
    });
    expect(trace.frames[3].cache[0]).toMatchObject({ expiresAt: 110 });
  });

  it('follows the engine when an edit drops the touch: the read at t=100s misses, in the engine’s words', () => {
    const edited = {
      ...touchTimeout,
      steps: touchTimeout.steps.map((s, i) =>
        i === 1 ? { ...s, ops: s.ops.filter((o) => o.op !== 'cache.touch') } : s,
      ),
    };
    const trace = run(edited);
    expect(shownStep(edited, trace, 2).source).toBe('engine');
    expect(shownStep(edited, trace, 3).result).toBe(
      "Cache miss: read 'old_data' from the database and cached it",
    );
    expect(flowStagesAt(edited, trace, 3)[2].state).toBe('skipped');
    expect(skippableSteps(touchTimeout)).toEqual([]);
  });
});

/** The fixture's spec with step 2's region misspelt `tuoch`, as the recipe's example error says. */
function brokenSpec(): LessonSpec {
  const steps = touchTimeout.steps;
  return {
    meta: {
      id: touchTimeout.id,
      title: touchTimeout.title,
      summary: touchTimeout.summary,
      group: touchTimeout.group,
      difficulty: touchTimeout.difficulty,
    },
    flow: touchTimeout.flow,
    flowCaption: touchTimeout.flowCaption,
    code: {
      caption: '',
      source: ['x  # [lookup]', 'x  # [miss]', 'x  # [hit]', 'x  # [touch]'].join('\n'),
    },
    setup: touchTimeout.setup,
    steps: steps.map((s, i) => ({
      result: s.result,
      narration: s.narration,
      shows: s.shows ?? [],
      ops: s.ops,
      code: i === 1 ? ['tuoch'] : [],
      stage: null,
    })),
    columns: touchTimeout.columns,
    tracked: [],
    keyMoments: [],
    quiz: [],
    snapshot: touchTimeout.snapshot,
  };
}
