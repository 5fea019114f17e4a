/**
 * Exports every built-in lesson (main and remedy) and a sample of practice questions to JSON for
 * the Python driver: the listing, the steps (actor, ops) and the engine's cache and DB state after
 * each step. Run through Vite's module runner (`export.mjs`), so it reads the TypeScript sources
 * as they are.
 */
import {
  generatePractice,
  nextPracticeSeed,
  FIRST_PRACTICE_SEED,
  practiceLesson,
  run,
  PRACTICE_KINDS,
} from '../../src/engine';
import type { Frame, Lesson } from '../../src/engine';
import { findLesson, lessonIndex, loadAllLessons } from '../../src/lessons';
import { differentialCases } from './differential';

interface ExportedFrame {
  cache: { key: string; value: string; expiresAt: number | null; isExpired: boolean }[];
  db: {
    model: string;
    pk: number | string;
    fields: Record<string, string>;
    pending: Frame['db'][number]['pending'];
  }[];
  outcomes: Frame['outcomes'];
  clock: number;
  queries: number;
}

function frameOf(frame: Frame): ExportedFrame {
  return {
    cache: frame.cache.map((e) => ({
      key: e.key,
      value: e.value,
      expiresAt: e.expiresAt,
      isExpired: e.isExpired,
    })),
    db: frame.db.map((row) => ({
      model: row.model,
      pk: row.pk,
      fields: row.fields,
      pending: row.pending,
    })),
    outcomes: frame.outcomes,
    clock: frame.clock,
    queries: frame.queries,
  };
}

function exportLesson(lesson: Lesson, variant: 'main' | 'remedy') {
  const trace = run(lesson);
  return {
    id: lesson.id,
    variant,
    source: lesson.code.source,
    setup: lesson.setup,
    steps: lesson.steps.map((step) => ({
      action: step.action,
      actor: step.actor ?? 'request',
      ops: step.ops,
    })),
    frames: trace.frames.map(frameOf),
  };
}

export async function exportAll(practiceSeeds: number, differential: number) {
  await loadAllLessons();
  const lessons = [];
  for (const meta of lessonIndex) {
    const lesson = findLesson(meta.id);
    if (!lesson) throw new Error(`lesson ${meta.id} did not load`);
    lessons.push(exportLesson(lesson, 'main'));
    if (lesson.remedy) lessons.push(exportLesson({ ...lesson, ...lesson.remedy.patch }, 'remedy'));
  }
  // Walk the learner's own seed sequence until every kind has `practiceSeeds` questions.
  const counts = new Map<string, number>(PRACTICE_KINDS.map((k) => [k, 0]));
  const practice = [];
  for (
    let seed = FIRST_PRACTICE_SEED, tries = 0;
    [...counts.values()].some((n) => n < practiceSeeds) && tries < practiceSeeds * 40;
    seed = nextPracticeSeed(seed), tries += 1
  ) {
    const question = generatePractice(seed);
    const count = counts.get(question.kind) ?? 0;
    if (count >= practiceSeeds) continue;
    counts.set(question.kind, count + 1);
    const lesson = practiceLesson(seed);
    practice.push({
      seed,
      kind: question.kind,
      question: question.question,
      options: question.options,
      answer: question.answer,
      step: question.step,
      codes: question.scenario.steps.map((s) => s.code),
      setup: lesson.setup,
      steps: lesson.steps.map((s) => ({
        action: s.action,
        actor: s.actor ?? 'request',
        ops: s.ops,
      })),
      frames: run(lesson).frames.map(frameOf),
    });
  }
  return { lessons, practice, differential: differentialCases(differential) };
}
