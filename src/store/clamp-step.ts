/**
 * `step` as a step of a lesson with `lastStep` steps (frames 0..lastStep): a whole number
 * clamped to that range; anything that is not a finite number is step 0. The one rule for the
 * player, the selectors and every panel's view model.
 */
export function clampStep(step: number, lastStep: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.min(Math.max(0, lastStep), Math.max(0, Math.trunc(step)));
}
