import { use, type ComponentType } from 'react';

/** How long to wait before the second try of a chunk that failed to load. */
const RETRY_DELAY_MS = 400;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Forgets the failed load of each lazy component that failed (see `forgetFailedLoads`). */
const failed = new Set<() => void>();

/**
 * Let every lazy component whose chunk failed load again at its next render. Error boundaries
 * call it when they retry or their view changes. (Until then a failed load stays failed, so
 * React's render after the failure reaches the boundary instead of starting another load.)
 */
export function forgetFailedLoads(): void {
  failed.forEach((forget) => forget());
  failed.clear();
}

/** A lazily loaded module: its component, and optionally the work its first render needs. */
export interface LazyModule {
  default: ComponentType;
  /**
   * Do the expensive, pure part of the first render ahead of it (memoised where the render
   * reads it), in short tasks that leave the main thread free between them.
   */
  prepare?: () => Promise<void>;
}

export interface LazyComponent {
  (): React.JSX.Element;
  /** Start loading the chunk now (before it is first rendered). */
  preload: () => Promise<unknown>;
  /** Load the chunk, then run the module's `prepare` (if it has one). */
  prepare: () => Promise<void>;
}

/**
 * `React.lazy` for a view or panel without props, except a chunk that fails to load is not failed for good. Each load tries twice
 * (a flaky connection, a redeploy racing the request); if both fail, the nearest error boundary
 * shows its retry button, and rendering again (the retry, or coming back to the view) starts a
 * fresh load. `React.lazy` keeps the first rejection forever, so one failed request broke the
 * view until a full reload.
 */
export function lazyWithRetry(load: () => Promise<LazyModule>): LazyComponent {
  let pending: Promise<ComponentType> | null = null;
  let loaded: ComponentType | null = null;
  let prepareModule: LazyModule['prepare'];
  const start = (): Promise<ComponentType> => {
    pending ??= load()
      .catch(() => wait(RETRY_DELAY_MS).then(load))
      .then(
        (module) => {
          prepareModule = module.prepare;
          return (loaded = module.default);
        },
        (error: unknown) => {
          failed.add(() => {
            pending = null;
          });
          throw error;
        },
      );
    return pending;
  };
  function Lazy() {
    const Loaded = loaded ?? use(start());
    return <Loaded />;
  }
  Lazy.preload = start;
  Lazy.prepare = () => start().then(() => prepareModule?.());
  return Lazy;
}
