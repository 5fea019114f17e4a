import { describe, expect, it } from 'vitest';
import { commandFor, isKeyOwnedByTarget } from '../../../src/app/keyboard';

const make = (html: string): HTMLElement => {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild as HTMLElement;
};
const press = (key: string, target: EventTarget = document.body, mods = {}) =>
  commandFor({ key, target, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('Keyboard shortcuts', () => {
  it.each([
    ['ArrowRight', 'next'],
    ['PageDown', 'next'],
    ['ArrowLeft', 'previous'],
    ['PageUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    [' ', 'togglePlay'],
    ['p', 'togglePresenting'],
    ['P', 'togglePresenting'],
    ['?', 'help'],
    ['Escape', 'escape'],
  ])('%s on the page means %s', (key, command) => {
    expect(press(key)).toBe(command);
  });

  it('ignores other keys and modified keys (browser shortcuts stay the browser’s)', () => {
    expect(press('x')).toBeNull();
    expect(press('ArrowRight', document.body, { altKey: true })).toBeNull();
    expect(press('p', document.body, { ctrlKey: true })).toBeNull();
  });

  it('leaves every key to text fields, selects, textareas, the slider and radios', () => {
    for (const html of [
      '<input type="text">',
      '<input type="range">',
      '<input type="radio">',
      '<select></select>',
      '<textarea></textarea>',
      '<div role="slider" tabindex="0"></div>',
    ]) {
      expect(press('ArrowRight', make(html))).toBeNull();
      expect(press('Home', make(html))).toBeNull();
    }
  });

  it('leaves Space and Enter to buttons, links and summaries, but not the arrows', () => {
    for (const html of ['<button>b</button>', '<a href="#">a</a>', '<summary>s</summary>']) {
      expect(press(' ', make(html))).toBeNull();
      expect(isKeyOwnedByTarget(make(html), 'Enter')).toBe(true);
      expect(press('ArrowRight', make(html))).toBe('next');
    }
  });

  it('leaves Space to a checkbox, but not the arrows', () => {
    const box = make('<input type="checkbox">');
    expect(press(' ', box)).toBeNull();
    expect(press('ArrowRight', box)).toBe('next');
  });

  it('still lets Escape through from a focused control', () => {
    expect(press('Escape', make('<input type="text">'))).toBe('escape');
  });
});
