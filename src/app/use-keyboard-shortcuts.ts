import { useEffect } from 'react';
import { useAppStore } from '../store/store';
import { commandFor } from './keyboard';

/** One document-level key handler for the player, presenter mode and the help overlay. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const command = commandFor(event);
      if (!command) return;
      const s = useAppStore.getState();
      // Until the address is applied (a lesson's chunk still loading) a step key would move the
      // default lesson, which the address then replaces.
      if (!s.isReady) return;
      if (command === 'escape') {
        if (s.isHelpOpen) return; // the dialog closes itself on Esc
        if (s.isPresenting) s.setPresenting(false);
        return;
      }
      if (s.isHelpOpen) return;
      // Player keys only mean something on a lesson view.
      if (s.view !== 'lesson' && command !== 'help' && command !== 'togglePresenting') return;
      // The audience window only follows the presenter's window.
      if (s.isAudience) return;
      if (command === 'blank' && !s.isPresenting) return;
      event.preventDefault();
      // A clicker's keys walk the slides: the steps, then key moments and each question.
      const isSlides = s.isPresenting;
      switch (command) {
        case 'next':
          if (isSlides) s.presentNext();
          else s.next();
          break;
        case 'previous':
          if (isSlides) s.presentPrevious();
          else s.previous();
          break;
        case 'blank':
          s.toggleBlank();
          break;
        case 'first':
          s.first();
          break;
        case 'last':
          s.last();
          break;
        case 'togglePlay':
          if (isSlides) s.presentNext();
          else s.togglePlay();
          break;
        case 'togglePresenting':
          s.togglePresenting();
          break;
        case 'help':
          s.setHelpOpen(true);
          break;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
