// @vitest-environment node
/// <reference types="node" />
/**
 * Byte-identical traces: every frame of every lesson (normal path, remedy, each what-if skip and
 * all skips at once), every compare story, 100 practice scenarios and 1,000 random seeds is
 * serialised (one JSON line a frame) and hashed, and the hashes must equal the ones recorded in
 * test/unit/engine/trace-golden.json. A change in any frame of any trace — a value, a key order,
 * a line — changes its hash. The work budget is pinned too: for 100 random seeds under a
 * `maxWork`, the step where `RunBudgetError` stops the run (or `ok`) and the steps `onStep` saw.
 *
 * The hashes were recorded from the engine before its structural-sharing rewrite, so the rewrite
 * must show exactly what the straightforward engine showed. To record new hashes on purpose
 * (a lesson changed, or an intended change of what the engine shows):
 *
 *   WRITE_TRACE_GOLDEN=1 npx vitest run test/unit/engine/trace-identity.test.ts
 *
 * then review and commit trace-golden.json with the change that caused it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  practiceLesson,
  randomLesson,
  run,
  RunBudgetError,
  skippableSteps,
  type Lesson,
} from '../../../src/engine';
import { catalog } from '../../../src/lessons/catalog';
import { COMPARE_STRATEGY_IDS, compareStory } from '../../../src/lessons/compare-stories';

const GOLDEN = fileURLToPath(new URL('./trace-golden.json', import.meta.url));

type Hashes = Record<string, string>;

/** Every frame, serialised on its own line, then hashed. */
function hashTrace(lesson: Lesson, skip: readonly number[] = []): string {
  const trace = run(lesson, { skip });
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ lessonId: trace.lessonId, skip: trace.skip }));
  for (const frame of trace.frames) hash.update(`\n${JSON.stringify(frame)}`);
  return hash.digest('hex').slice(0, 16);
}

function withRemedy(lesson: Lesson): Lesson {
  return lesson.remedy ? { ...lesson, ...lesson.remedy.patch } : lesson;
}

function lessonHashes(): Hashes {
  const out: Hashes = {};
  for (const base of catalog) {
    const variants: [string, Lesson][] = [[base.id, base]];
    if (base.remedy) variants.push([`${base.id}+remedy`, withRemedy(base)]);
    for (const [name, lesson] of variants) {
      const skippable = skippableSteps(lesson);
      out[name] = hashTrace(lesson);
      for (const step of skippable) out[`${name} skip ${step}`] = hashTrace(lesson, [step]);
      if (skippable.length > 1) {
        out[`${name} skip ${skippable.join(',')}`] = hashTrace(lesson, skippable);
      }
    }
  }
  for (const id of COMPARE_STRATEGY_IDS) {
    out[`compare ${id}`] = hashTrace(compareStory(id));
    out[`compare ${id} ttl 0 wait 30`] = hashTrace(compareStory(id, { ttl: 0, wait: 30 }));
    out[`compare ${id} ttl 600 wait 3600`] = hashTrace(compareStory(id, { ttl: 600, wait: 3600 }));
  }
  return out;
}

function practiceHashes(): Hashes {
  const out: Hashes = {};
  for (let seed = 0; seed < 100; seed += 1)
    out[`practice ${seed}`] = hashTrace(practiceLesson(seed));
  return out;
}

const randomOf = (seed: number): Lesson =>
  randomLesson(seed, { steps: 10 + (seed % 91), rows: 1 + (seed % 12), actors: 1 + (seed % 4) });

/** 1,000 seeds with varied sizes; every fifth also runs with two steps skipped. */
function randomHashes(): Hashes {
  const out: Hashes = {};
  for (let seed = 0; seed < 1000; seed += 1) {
    const skip = seed % 5 === 0 ? [1 + (seed % 7), 3 + (seed % 11)] : [];
    out[`random ${seed}`] = hashTrace(randomOf(seed), skip);
  }
  return out;
}

/** Where the work budget stops 100 random runs (some with skips), and the steps reported. */
function budgetOutcomes(): Hashes {
  const out: Hashes = {};
  for (let seed = 0; seed < 100; seed += 1) {
    const steps: number[] = [];
    const skip = seed % 3 === 0 ? [2, 5] : [];
    let stop = 'ok';
    try {
      run(randomOf(seed), { skip, maxWork: 50 + seed * 23, onStep: (step) => steps.push(step) });
    } catch (error) {
      if (!(error instanceof RunBudgetError)) throw error;
      stop = `step ${error.step}`;
    }
    out[`budget ${seed}`] = `${stop}; onStep ${steps.join(',')}`;
  }
  return out;
}

interface Golden {
  lessons: Hashes;
  practice: Hashes;
  random: Hashes;
  budget: Hashes;
}
const readGolden = (): Golden => JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;

describe('Traces are byte-identical to the recorded engine output', () => {
  if (process.env.WRITE_TRACE_GOLDEN) {
    it('records the hashes', () => {
      const next: Golden = {
        lessons: lessonHashes(),
        practice: practiceHashes(),
        random: randomHashes(),
        budget: budgetOutcomes(),
      };
      writeFileSync(GOLDEN, `${JSON.stringify(next, null, 2)}\n`);
      expect(Object.keys(next.random)).toHaveLength(1000);
    }, 120_000);
    return;
  }

  it('on every lesson, remedy, what-if skip and compare story', () => {
    expect(lessonHashes()).toEqual(readGolden().lessons);
  });

  it('on 100 practice scenarios', () => {
    expect(practiceHashes()).toEqual(readGolden().practice);
  });

  it('on 1,000 random seeds', () => {
    const hashes = randomHashes();
    expect(Object.keys(hashes)).toHaveLength(1000);
    expect(hashes).toEqual(readGolden().random);
    // About 55,000 frames serialised and hashed: seconds of JSON on a busy machine.
  }, 60_000);

  it('where the work budget stops a run, and the steps onStep reports', () => {
    expect(budgetOutcomes()).toEqual(readGolden().budget);
  });
});
