import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  discardEarlyActions,
  replayEarlyActions,
  stopKeepingEarlyClicks,
} from '../../../src/app/early-actions';
import { commandFor } from '../../../src/app/keyboard';

// index.html's own inline script (the second one: the first resolves the theme), run as the
// page runs it, so these tests check what ships.
const html = readFileSync(join(process.cwd(), 'index.html'), 'utf8');
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const keeper = inline.find((code) => code.includes('__dclEarlyActions'));

let removeListeners: () => void = () => {};

/** Run the inline script, keeping track of the listeners it adds so each test starts clean. */
function runKeeper(): void {
  const added: [string, EventListenerOrEventListenerObject, boolean | undefined][] = [];
  const original = document.addEventListener.bind(document);
  document.addEventListener = ((type: string, listener: EventListener, options?: boolean) => {
    added.push([type, listener, options]);
    original(type, listener, options);
  }) as typeof document.addEventListener;
  try {
    new Function(keeper!)();
  } finally {
    document.addEventListener = original;
  }
  removeListeners = () => {
    for (const [type, listener, options] of added)
      document.removeEventListener(type, listener, options);
  };
}

const press = (target: EventTarget, key: string, init: KeyboardEventInit = {}): KeyboardEvent => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
};

describe('actions before the app is ready (index.html keeps them, the app replays them)', () => {
  let next: HTMLButtonElement;
  let clicks: number;
  let keys: string[];
  const onKey = (event: KeyboardEvent): void => void keys.push(event.key);

  beforeEach(() => {
    document.body.innerHTML =
      '<div id="root"><button type="button">Next step</button><input aria-label="Seed"></div>' +
      '<button type="button" id="outside">Outside</button>';
    next = document.querySelector('#root button')!;
    clicks = 0;
    keys = [];
    runKeeper();
  });
  afterEach(() => {
    removeListeners();
    document.removeEventListener('keydown', onKey);
    delete window.__dclEarlyActions;
  });

  it('the inline script is in index.html', () => {
    expect(keeper).toBeDefined();
  });

  it('keeps clicks on #root buttons and shortcut keys in order, and replays them once wired', () => {
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    next.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(press(document.body, 'ArrowRight').defaultPrevented).toBe(true);
    next.click();
    // The app takes the page: its handlers are wired now.
    next.addEventListener('click', () => (clicks += 1));
    document.addEventListener('keydown', onKey);
    const order: string[] = [];
    next.addEventListener('click', () => order.push('click'));
    document.addEventListener('keydown', (event) => order.push(event.key));
    expect(replayEarlyActions()).toBe(3);
    expect(clicks).toBe(2);
    expect(keys).toEqual(['ArrowRight']);
    expect(order).toEqual(['click', 'ArrowRight', 'click']);
    // Replayed once: a second call has nothing left.
    expect(replayEarlyActions()).toBe(0);
  });

  it('keeps exactly the keys the app’s shortcut handler acts on (but Escape: nothing to close yet)', () => {
    const keys = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'PageDown', 'PageUp', 'Home'];
    keys.push('End', ' ', 'p', 'P', 'b', 'B', '.', '?', 'Escape', 'Enter', 'Tab', 'a', 'n', '/');
    for (const key of keys) {
      const command = commandFor({
        key,
        target: document.body,
        altKey: false,
        ctrlKey: false,
        metaKey: false,
      });
      expect(press(document.body, key).defaultPrevented, JSON.stringify(key)).toBe(
        command !== null && command !== 'escape',
      );
    }
  });

  it('leaves alone what the page handles itself: typing, modified keys, other keys, outside #root', () => {
    const input = document.querySelector('input')!;
    expect(press(input, 'ArrowRight').defaultPrevented).toBe(false);
    expect(press(document.body, 'ArrowRight', { ctrlKey: true }).defaultPrevented).toBe(false);
    expect(press(document.body, 'a').defaultPrevented).toBe(false);
    expect(press(document.body, 'ArrowRight', { repeat: true }).defaultPrevented).toBe(false);
    expect(press(next, ' ').defaultPrevented).toBe(false);
    const outside = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.getElementById('outside')!.dispatchEvent(outside);
    expect(outside.defaultPrevented).toBe(false);
    expect(replayEarlyActions()).toBe(0);
  });

  it('stops keeping clicks when React takes the page, and keys when the app is ready', () => {
    stopKeepingEarlyClicks();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    next.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
    expect(press(document.body, 'End').defaultPrevented).toBe(true);
    document.addEventListener('keydown', onKey);
    expect(replayEarlyActions()).toBe(1);
    expect(keys).toEqual(['End']);
    expect(press(document.body, 'Home').defaultPrevented).toBe(false);
    expect(replayEarlyActions()).toBe(0);
  });

  it('keeps no key while nothing prerendered is on screen (a loading or blank page)', () => {
    document.documentElement.classList.add('dcl-deep-link');
    expect(press(document.body, 'ArrowRight').defaultPrevented).toBe(false);
    document.documentElement.classList.remove('dcl-deep-link');
    document.getElementById('root')!.replaceChildren();
    expect(press(document.body, 'ArrowRight').defaultPrevented).toBe(false);
    expect(replayEarlyActions()).toBe(0);
  });

  it('a page rendered from scratch drops what was kept and keeps nothing more', () => {
    next.click();
    press(document.body, 'End');
    discardEarlyActions();
    expect(press(document.body, 'Home').defaultPrevented).toBe(false);
    document.addEventListener('keydown', onKey);
    expect(replayEarlyActions()).toBe(0);
    expect(keys).toEqual([]);
  });

  it('skips a button that is gone (a page rendered from scratch)', () => {
    next.click();
    next.remove();
    expect(replayEarlyActions()).toBe(0);
  });

  it('keeps at most 50 actions, then lets the page have its keys', () => {
    for (let i = 0; i < 50; i += 1) press(document.body, 'ArrowRight');
    expect(press(document.body, 'ArrowRight').defaultPrevented).toBe(false);
    document.addEventListener('keydown', onKey);
    expect(replayEarlyActions()).toBe(50);
    expect(keys).toHaveLength(50);
  });

  it('a missing or malformed record is no action', () => {
    for (const value of [undefined, null, 7, 'x', { actions: 'no' }, { actions: [1, {}] }]) {
      window.__dclEarlyActions = value;
      expect(() => stopKeepingEarlyClicks()).not.toThrow();
      expect(() => discardEarlyActions()).not.toThrow();
      expect(replayEarlyActions()).toBe(0);
    }
  });
});
