import { useRef, type ReactNode, type RefObject } from 'react';
import { useFocusableWhenScrolling } from './use-focusable-when-scrolling';
import './panel.css';

export interface PanelProps {
  /** Used for the heading id that names the region. */
  id: string;
  /** The region's accessible name, shown as its heading. */
  title: string;
  children: ReactNode;
  /** Controls shown at the right of the heading. */
  actions?: ReactNode;
  /** Extra class for layout placement. @default '' */
  className?: string;
  /** The body, for a panel that keeps something in view when its body scrolls. */
  bodyRef?: RefObject<HTMLDivElement | null>;
}

/**
 * A named region: a `section` labelled by its own `h2`, as the interface contract asks. Where
 * a layout gives it a fixed size (the Stage), its body scrolls and is then focusable.
 */
export function Panel({ id, title, children, actions, className = '', bodyRef }: PanelProps) {
  const headingId = `${id}-heading`;
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = bodyRef ?? ownRef;
  useFocusableWhenScrolling(ref, `${title}, scrolls`);
  return (
    <section className={`panel ${className}`.trim()} aria-labelledby={headingId} id={id}>
      <header className="panel__header">
        <h2 id={headingId} className="panel__title">
          {title}
        </h2>
        {actions ? <div className="panel__actions">{actions}</div> : null}
      </header>
      <div className="panel__body" ref={ref}>
        {children}
      </div>
    </section>
  );
}
