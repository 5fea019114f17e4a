/** The shortcuts, as the help overlay lists them and the handler applies them. */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['→', 'PageDown'], action: 'Next step' },
  { keys: ['←', 'PageUp'], action: 'Previous step' },
  { keys: ['Home'], action: 'First step' },
  { keys: ['End'], action: 'Last step' },
  { keys: ['Space'], action: 'Play / pause (presenter mode: next slide)' },
  { keys: ['P'], action: 'Presenter mode on / off' },
  { keys: ['B', '.'], action: 'Presenter mode: blank the screen and back' },
  { keys: ['Esc'], action: 'Leave presenter mode or close this help' },
  { keys: ['?'], action: 'Show these shortcuts' },
];

export type ShortcutCommand =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'togglePlay'
  | 'togglePresenting'
  | 'blank'
  | 'escape'
  | 'help';

/** Input types that use arrow keys, Home/End or typing themselves. */
const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'range',
  'radio',
  'date',
  'time',
]);

/**
 * Whether the focused element already uses this key: text fields, selects, textareas, the
 * slider and radio groups keep every key; buttons, links and summaries keep Space and Enter.
 */
export function isKeyOwnedByTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    // A checkbox only uses Space; every other input here uses arrows or typing.
    if (type === 'checkbox') return key === ' ';
    return TEXT_INPUT_TYPES.has(type) || type === '';
  }
  const role = target.getAttribute('role');
  if (role === 'slider' || role === 'radio' || role === 'textbox' || role === 'listbox')
    return true;
  if (key === ' ' || key === 'Enter') {
    return tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || role === 'button';
  }
  return false;
}

/** The command a key press stands for, or `null` when the key is not a shortcut here. */
export function commandFor(
  event: Pick<KeyboardEvent, 'key' | 'target' | 'altKey' | 'ctrlKey' | 'metaKey'>,
): ShortcutCommand | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const { key } = event;
  if (key === 'Escape') return 'escape';
  if (isKeyOwnedByTarget(event.target, key)) return null;
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case ' ':
      return 'togglePlay';
    case 'p':
    case 'P':
      return 'togglePresenting';
    case '?':
      return 'help';
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    default:
      return null;
  }
}
