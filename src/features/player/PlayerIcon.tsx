/** The player's glyphs. Drawn as SVG because ▶ and ◀ turn into emoji on some phones. */
export type PlayerIconName = 'first' | 'previous' | 'play' | 'pause' | 'next' | 'last';

const PATHS: Record<PlayerIconName, string> = {
  first: 'M4 4h2.5v16H4zM20 4v16L8 12z',
  previous: 'M18 4v16L6 12z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  next: 'M6 4v16l12-8z',
  last: 'M4 4v16l12-8zM17.5 4H20v16h-2.5z',
};

export interface PlayerIconProps {
  name: PlayerIconName;
}

/** A decorative icon: the button's text names the action, so the icon is hidden from readers. */
export function PlayerIcon({ name }: PlayerIconProps) {
  return (
    <svg
      className="player__icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
