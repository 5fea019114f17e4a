import type { ReactNode } from 'react';
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
}

/** A named region: a `section` labelled by its own `h2`, as the interface contract asks. */
export function Panel({ id, title, children, actions, className = '' }: PanelProps) {
  const headingId = `${id}-heading`;
  return (
    <section className={`panel ${className}`.trim()} aria-labelledby={headingId} id={id}>
      <header className="panel__header">
        <h2 id={headingId} className="panel__title">
          {title}
        </h2>
        {actions ? <div className="panel__actions">{actions}</div> : null}
      </header>
      <div className="panel__body">{children}</div>
    </section>
  );
}
