import { runCheckRequest, type CheckProgress, type CheckRequest } from './sandbox-scenario';

/**
 * The sandbox's checks, off the main thread: the page stays responsive while a scenario is
 * parsed and every trace of it is run, and a check that takes too long is stopped by
 * terminating this worker (`scenario-checker.ts`). Messages out: `started`, a `progress` now
 * and then (where the check is, for the time-out message), then `done` with the result.
 */
export type WorkerReply =
  | { type: 'started' }
  | { type: 'progress'; progress: CheckProgress }
  | { type: 'done'; result: ReturnType<typeof runCheckRequest> };

/** The little of a dedicated worker's global scope this uses (the app compiles with DOM types). */
interface WorkerScope {
  postMessage(message: WorkerReply): void;
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const reply = (message: WorkerReply): void => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<CheckRequest>) => {
  reply({ type: 'started' });
  let last = 0;
  const result = runCheckRequest(event.data, (progress) => {
    const now = performance.now();
    if (now - last < 50) return;
    last = now;
    reply({ type: 'progress', progress });
  });
  reply({ type: 'done', result });
};
