import type { Lesson, Trace } from '../../engine';
import { shownStep } from '../../lessons/vocabulary';

/** `step 3 is skipped` / `steps 2 and 3 are skipped` / `steps 1, 2 and 3 are skipped`. */
export function skippedPhrase(skip: readonly number[]): string {
  if (skip.length === 0) return '';
  if (skip.length === 1) return `step ${skip[0]} is skipped`;
  const head = skip.slice(0, -1).join(', ');
  return `steps ${head} and ${skip[skip.length - 1]} are skipped`;
}

/**
 * The what-if's result in one sentence, for the banner: the first step it turns into a stale
 * read, else the last step it changes, in the engine's words. `Step 5: User sees stale data: …`.
 */
export function whatIfResult(lesson: Lesson, trace: Trace): string {
  if (trace.skip.length === 0) return '';
  const changed = trace.frames.filter((frame) => frame.isDiverged && !frame.isSkipped);
  if (changed.length === 0)
    return 'Nothing else changes: the other steps run as on the normal path.';
  const frame = changed.find((f) => f.event === 'stale-read') ?? changed[changed.length - 1];
  return `Result: step ${frame.index}: ${shownStep(lesson, trace, frame.index).result}.`;
}
