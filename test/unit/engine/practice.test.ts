import { describe, expect, it } from 'vitest';
import {
  FIRST_PRACTICE_SEED,
  generatePractice,
  nextPracticeSeed,
  practiceLesson,
  PRACTICE_KINDS,
  READ_RESULTS,
  run,
  type ActorOutcome,
  type PracticeQuestion,
} from '../../../src/engine';

const SEEDS = Array.from({ length: 200 }, (_, i) => i * 7919 + 3);

/** A Python dict repr of string keys as sorted pairs, so order does not matter. */
function dictItems(repr: string): string[] {
  expect(repr).toMatch(/^\{.*\}$/);
  return [...repr.matchAll(/'([^']+)': ('[^']*'|None)/g)].map((m) => `${m[1]}=${m[2]}`).sort();
}

/** The expected right option, recomputed from a fresh run of the scenario. */
function recompute(q: PracticeQuestion): string {
  const frames = run(practiceLesson(q.seed)).frames;
  const frame = frames[q.step];
  const get = frame.outcomes.find(
    (o): o is Extract<ActorOutcome, { kind: 'get' }> => o.kind === 'get',
  );
  const dbRead = frame.outcomes.find(
    (o): o is Extract<ActorOutcome, { kind: 'db.read' }> => o.kind === 'db.read',
  );
  switch (q.kind) {
    case 'cache-state':
      return frame.cacheAfter;
    case 'queries': {
      // Count ORM calls in the outcomes rather than trusting the frame's counter.
      const n = frames
        .slice(1, q.step + 1)
        .flatMap((f) => f.outcomes)
        .filter((o) => o.kind === 'db.read' || o.kind === 'db.write').length;
      expect(n).toBe(frame.queries);
      return `${n} ${n === 1 ? 'query' : 'queries'}`;
    }
    case 'read-result':
      if (!get) throw new Error('no read');
      return get.hit ? (get.stale ? READ_RESULTS.stale : READ_RESULTS.hit) : READ_RESULTS.miss;
    case 'seen-value':
      if (!get) throw new Error('no read');
      return get.hit ? get.value : (dbRead?.value ?? 'None');
  }
}

describe('Generated practice', () => {
  it('gives the same question for the same seed', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      expect(generatePractice(seed)).toEqual(generatePractice(seed));
    }
  });

  it('gives different scenarios for different seeds', () => {
    const texts = new Set(SEEDS.map((seed) => JSON.stringify(generatePractice(seed).scenario)));
    expect(texts.size).toBeGreaterThan(150);
  });

  it.each(SEEDS)('seed %i asks a valid question', (seed) => {
    const q = generatePractice(seed);
    expect(q.seed).toBe(seed);
    expect(PRACTICE_KINDS).toContain(q.kind);
    expect(q.options).toHaveLength(4);
    expect(new Set(q.options).size).toBe(4);
    expect(q.options.every((o) => o.trim() !== '')).toBe(true);
    expect(q.answer).toBeGreaterThanOrEqual(0);
    expect(q.answer).toBeLessThanOrEqual(3);
    expect(q.scenario.steps.length).toBeGreaterThanOrEqual(4);
    expect(q.scenario.steps.length).toBeLessThanOrEqual(6);
    expect(q.step).toBeGreaterThanOrEqual(1);
    expect(q.step).toBeLessThanOrEqual(q.scenario.steps.length);
    expect(q.question).toContain(`step ${q.step}`);
    expect(q.explanation.length).toBeGreaterThan(20);
    q.scenario.steps.forEach((s, i) => {
      expect(s.n).toBe(i + 1);
      expect(s.actor).toBe('request');
      expect(s.code).not.toContain('\n');
    });
    expect(q.options[q.answer]).toBe(recompute(q));
  });

  it('never offers a second dict equal to the answer in another key order', () => {
    for (const seed of SEEDS) {
      const q = generatePractice(seed);
      if (q.kind !== 'cache-state') continue;
      const items = q.options.map((o) => dictItems(o).join(','));
      expect(new Set(items).size).toBe(4);
    }
  });

  it('asks every kind and puts the answer in every position', () => {
    const questions = SEEDS.map(generatePractice);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(PRACTICE_KINDS));
    expect(new Set(questions.map((q) => q.answer))).toEqual(new Set([0, 1, 2, 3]));
  });

  it('asks about hits, misses and stale hits alike', () => {
    const results = SEEDS.map(generatePractice)
      .filter((q) => q.kind === 'read-result')
      .map((q) => q.options[q.answer]);
    expect(new Set(results)).toEqual(
      new Set([READ_RESULTS.hit, READ_RESULTS.miss, READ_RESULTS.stale]),
    );
  });

  it('renders each step as one line of Django code', () => {
    const codes = SEEDS.flatMap((seed) => generatePractice(seed).scenario.steps.map((s) => s.code));
    const shapes = [
      /^data = cache\.get\('profile_\d'\) → on miss read DB and cache\.set\('profile_\d', data(, timeout=(\d+|None))?\)$/,
      /^Profile\(pk=\d, data='v\d+'\)\.save\(update_fields=\['data'\]\)$/,
      /^Profile\.objects\.filter\(pk=\d\)\.update\(data='v\d+'\)$/,
      /^cache\.delete\('profile_\d'\)$/,
      /^cache\.touch\('profile_\d', timeout=(\d+|None)\)$/,
      /^time passes: \d+ s$/,
    ];
    for (const code of codes)
      expect(
        shapes.some((shape) => shape.test(code)),
        code,
      ).toBe(true);
    for (const shape of shapes)
      expect(
        codes.some((code) => shape.test(code)),
        String(shape),
      ).toBe(true);
  });

  it('starts and ends each scenario with a cache-aside read', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const steps = practiceLesson(seed).steps;
      expect(steps[0].ops[0].op).toBe('request');
      expect(steps[steps.length - 1].ops[0].op).toBe('request');
    }
  });

  it('explains a stale hit by naming the database value', () => {
    const q = SEEDS.map(generatePractice).find(
      (x) => x.kind === 'read-result' && x.options[x.answer] === READ_RESULTS.stale,
    );
    expect(q?.explanation).toMatch(/^It is a stale hit: .* but the database holds 'v\d+'/);
  });
});

describe('The practice seed sequence', () => {
  it('is a fixed walk from the first seed', () => {
    expect(nextPracticeSeed(FIRST_PRACTICE_SEED)).toBe(nextPracticeSeed(FIRST_PRACTICE_SEED));
    let seed = FIRST_PRACTICE_SEED;
    const seen = new Set<number>([seed]);
    for (let i = 0; i < 1000; i += 1) {
      seed = nextPracticeSeed(seed);
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
      seen.add(seed);
    }
    expect(seen.size).toBe(1001);
  });
});
