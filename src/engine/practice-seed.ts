/**
 * The small part of practice the store needs on every page: the question kinds and the seed
 * sequence. The generator itself (`practice.ts`) loads with the Practice view.
 */

/** The kinds of question practice asks, each answered from the trace. */
export const PRACTICE_KINDS = ['cache-state', 'read-result', 'queries', 'seen-value'] as const;
export type PracticeKind = (typeof PRACTICE_KINDS)[number];

/** The seed a learner's first practice question uses. */
export const FIRST_PRACTICE_SEED = 1;

/**
 * The seed after `seed` (a 32-bit integer hash step, MurmurHash3's finaliser), so "New
 * question" walks a fixed, predictable sequence without `Math.random`.
 */
export function nextPracticeSeed(seed: number): number {
  let x = (seed + 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}
