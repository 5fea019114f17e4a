/**
 * The engine's public API: a Django-faithful cache, a fake ORM, Python-style formatting and
 * the interpreter that turns a lesson into a trace. Pure TypeScript: no React, no DOM, no
 * wall clock, no unseeded randomness.
 */
export { createClock } from './clock';
export { createCache, createCacheStore } from './cache';
export { createDatabase } from './db';
export { pyRepr, pyStr } from './python-repr';
export {
  run,
  cacheDict,
  interpolate,
  rawKeyOf,
  skippableSteps,
  compileBindingKey,
  DEFAULT_ACTOR,
  RECEIVER_DEPTH_LIMIT,
  RunBudgetError,
} from './run';
export { eventOf, factOf, factsOf, factsHold, OUTCOME_FACTS } from './outcomes';
export { parseLesson, LessonError } from './schema';
export { createRng } from './rng';
export { randomLesson } from './random-lesson';
export type { RandomLessonOptions } from './random-lesson';
export type { Rng } from './rng';
export type * from './types';
export { generatePractice, practiceLesson, readResultOf, READ_RESULTS } from './practice';
export { FIRST_PRACTICE_SEED, nextPracticeSeed, PRACTICE_KINDS } from './practice-seed';
export type { PracticeQuestion, PracticeStep, ReadResult } from './practice';
export type { PracticeKind } from './practice-seed';
