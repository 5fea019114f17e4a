/**
 * Resolves in a task of its own: work split by awaiting it lets the browser paint and handle
 * input between the parts. A message, not `setTimeout(0)`, which browsers delay to 4 ms once
 * timers nest.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves at the browser's next idle moment (`requestIdleCallback`, at most `timeout` ms
 * later), or after `fallback` ms where there is no such callback (Safari).
 */
export function idleMoment({ timeout = 5000, fallback = 200 } = {}): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestIdleCallback === 'function') {
      window.requestIdleCallback(() => resolve(), { timeout });
    } else window.setTimeout(resolve, fallback);
  });
}
