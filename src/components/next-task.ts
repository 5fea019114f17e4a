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
