/**
 * Whether a click on an in-app link should stay in the app: a plain primary click. Modified and
 * middle clicks keep the browser's link behaviour (new tab, new window, download).
 */
export function isPlainClick(event: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
