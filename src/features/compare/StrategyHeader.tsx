import type { MouseEvent } from 'react';
import { isPlainClick } from '../../components/plain-click';
import type { CompareStrategy } from '../../lessons/compare-stories';
import { useAppStore } from '../../store/store';

export interface StrategyHeaderProps {
  strategy: CompareStrategy;
}

/**
 * A strategy's column header: its name, as a link to the full lesson. A plain click opens the
 * lesson in place; modified and middle clicks keep the browser's link behaviour.
 */
export function StrategyHeader({ strategy }: StrategyHeaderProps) {
  const openLesson = useAppStore((s) => s.openLesson);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    openLesson(strategy.lessonId);
  };
  return (
    <th scope="col" className="compare__strategy">
      <a href={`?lesson=${encodeURIComponent(strategy.lessonId)}`} onClick={onClick}>
        {strategy.label}
      </a>
    </th>
  );
}
