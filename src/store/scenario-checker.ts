import type { CheckProgress, CheckRequest, CheckResult } from './sandbox-scenario';
import type { WorkerReply } from './scenario-worker';

/** How long a check may run before it is stopped (from when the worker starts on it). */
export const CHECK_TIME_LIMIT_MS = 2000;
/** A worker that has not started a check by then is given up on (and the check runs here). */
const WORKER_START_LIMIT_MS = 10_000;

const describeWhere = async (progress: CheckProgress | null): Promise<string> => {
  if (!progress) return '';
  const { describeSkip } = await import('./sandbox-scenario');
  return ` at step ${progress.step} of ${describeSkip(progress.skip)}`;
};

/** The check run on this thread: where there are no workers (tests), or one failed to load. */
async function checkHere(request: CheckRequest): Promise<CheckResult> {
  const { runCheckRequest } = await import('./sandbox-scenario');
  return runCheckRequest(request);
}

/**
 * Check a scenario in a Web Worker, so the tab never freezes: parse it, then run every trace
 * it offers, within the work limit; after {@link CHECK_TIME_LIMIT_MS} the worker is stopped
 * and the message says where it was. Never rejects.
 */
export function checkScenario(
  request: CheckRequest,
  timeLimitMs = CHECK_TIME_LIMIT_MS,
): Promise<CheckResult> {
  if (typeof Worker === 'undefined') return checkHere(request);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./scenario-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return checkHere(request);
  }
  return new Promise<CheckResult>((resolve) => {
    let progress: CheckProgress | null = null;
    let isDone = false;
    const finish = (result: CheckResult | Promise<CheckResult>): void => {
      if (isDone) return;
      isDone = true;
      window.clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const stop = (): void =>
      finish(
        describeWhere(progress).then((where) => ({
          ok: false,
          error: `The check took longer than ${timeLimitMs / 1000} s and was stopped${where}: the scenario is too slow to play here. Use fewer steps, cache entries, operations or receivers.`,
        })),
      );
    // Until the worker has started, only a failure to start is waited for.
    let timer = window.setTimeout(() => finish(checkHere(request)), WORKER_START_LIMIT_MS);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'started') {
        hasStarted = true;
        window.clearTimeout(timer);
        timer = window.setTimeout(stop, timeLimitMs);
      } else if (reply.type === 'progress') progress = reply.progress;
      else finish(reply.result);
    };
    // A worker that cannot load (an old cache, a blocked script) must not block the sandbox.
    let hasStarted = false;
    worker.onerror = (event) => {
      event.preventDefault();
      if (!hasStarted) finish(checkHere(request));
      else {
        finish(
          describeWhere(progress).then((where) => ({
            ok: false,
            error: `The scenario could not be checked${where}: it needs more than the page can give it.`,
          })),
        );
      }
    };
    worker.postMessage(request);
  });
}
