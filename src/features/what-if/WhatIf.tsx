import { useRef } from 'react';
import { Panel } from '../../components/Panel';
import { selectLesson, selectSkippable } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { RemedyToggle } from './RemedyToggle';
import { SkipToggle } from './SkipToggle';
import { WhatIfBanner } from './WhatIfBanner';
import './what-if.css';

export interface WhatIfProps {
  /**
   * Show the what-if banner at the top of this panel. Switch it off when the shell renders
   * `<WhatIfBanner />` elsewhere, so `Back to the normal path` exists once on the page.
   * @default true
   */
  isBannerShown?: boolean;
}

/**
 * "What if I skip this step?": one `Skip step N` toggle per skippable step, and the lesson's
 * remedy toggle when it has one. Renders nothing for a lesson that offers neither.
 */
export function WhatIf({ isBannerShown = true }: WhatIfProps) {
  const lesson = useAppStore(selectLesson);
  const skippable = useAppStore(selectSkippable);
  const listRef = useRef<HTMLUListElement>(null);
  if (skippable.length === 0 && !lesson.remedy) return null;
  // The banner's button disappears once clicked; hand focus to the first toggle instead.
  const focusFirstToggle = () => listRef.current?.querySelector('button')?.focus();
  return (
    <Panel id="what-if" title="What if?" className="whatif">
      {isBannerShown ? <WhatIfBanner onCleared={focusFirstToggle} /> : null}
      {skippable.length > 0 ? (
        <ul className="whatif__list" ref={listRef}>
          {skippable.map((step) => (
            <SkipToggle key={step} step={step} action={lesson.steps[step - 1].action} />
          ))}
        </ul>
      ) : null}
      {lesson.remedy ? <RemedyToggle remedy={lesson.remedy} /> : null}
    </Panel>
  );
}
