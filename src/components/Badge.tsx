import type { ReactNode } from 'react';

export type BadgeTone = 'hit' | 'miss' | 'stale' | 'write' | 'invalidate' | 'neutral' | 'expired';

/** The icon that goes with each tone, so meaning never rests on colour alone. */
export const TONE_ICON: Record<BadgeTone, string> = {
  hit: '✓',
  miss: '○',
  stale: '⚠',
  write: '✎',
  invalidate: '✕',
  neutral: '•',
  expired: '◷',
};

export interface BadgeProps {
  tone: BadgeTone;
  children: ReactNode;
  /** Hide the icon (when the text already carries one). @default false */
  isIconHidden?: boolean;
}

/** A small labelled pill: an icon and a word, coloured by meaning. */
export function Badge({ tone, children, isIconHidden = false }: BadgeProps) {
  return (
    <span className={`badge badge--${tone}`}>
      {isIconHidden ? null : (
        <span className="badge__icon" aria-hidden="true">
          {TONE_ICON[tone]}
        </span>
      )}
      {children}
    </span>
  );
}
