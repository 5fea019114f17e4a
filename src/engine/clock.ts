/**
 * The simulated clock. Lessons move time explicitly so every run of a lesson is reproducible;
 * nothing in the engine reads the wall clock.
 */
import type { Clock } from './types';

/**
 * Create a simulated clock in seconds.
 *
 * @param start - the initial time in seconds. @default 0
 * @throws RangeError when `start` is not a finite number.
 */
export function createClock(start = 0): Clock {
  if (!Number.isFinite(start)) {
    throw new RangeError(`Clock start must be a finite number of seconds, got ${start}`);
  }
  let now = start;
  return {
    now: () => now,
    advance(seconds: number): void {
      // Time only moves forward: a negative or infinite step would make expiry meaningless.
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError(
          `Clock can only advance by a finite, non-negative number of seconds, got ${seconds}`,
        );
      }
      now += seconds;
    },
  };
}
