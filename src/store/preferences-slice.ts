import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export const THEMES = ['system', 'light', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];

export interface PreferencesSlice {
  theme: Theme;
  isPresenting: boolean;
  /** Execution table: show rows not reached yet, dimmed (for instructors). */
  isShowingAllSteps: boolean;
  isHelpOpen: boolean;
  setTheme: (theme: Theme) => void;
  setPresenting: (isPresenting: boolean) => void;
  togglePresenting: () => void;
  toggleShowAllSteps: () => void;
  setHelpOpen: (isOpen: boolean) => void;
}

export const createPreferencesSlice: StateCreator<AppState, [], [], PreferencesSlice> = (
  set,
  get,
) => ({
  theme: 'system',
  isPresenting: false,
  isShowingAllSteps: false,
  isHelpOpen: false,
  setTheme: (theme) => set({ theme: THEMES.includes(theme) ? theme : 'system' }),
  setPresenting: (isPresenting) => set({ isPresenting, slide: 0, isBlank: false }),
  togglePresenting: () => set({ isPresenting: !get().isPresenting, slide: 0, isBlank: false }),
  toggleShowAllSteps: () => set({ isShowingAllSteps: !get().isShowingAllSteps }),
  setHelpOpen: (isHelpOpen) => set({ isHelpOpen }),
});
