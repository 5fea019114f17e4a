import { useMemo, useRef, type CSSProperties } from 'react';
import { Panel } from '../../components/Panel';
import { selectLesson, selectTrace } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { isLongTrace } from '../../components/long-trace';
import { ClockStrip } from './ClockStrip';
import { QueryMeter } from './QueryMeter';
import { TimelineAxis } from './TimelineAxis';
import { TimelineLaneRow } from './TimelineLaneRow';
import { hasTimeline } from './timeline-actors';
import { timelineView, timelineWindow } from './timeline-view';
import { useFollowCurrent } from './use-follow-current';
import { useVisibleColumns } from './use-visible-columns';
import './timeline.css';

/**
 * The Timeline panel, for lessons where several requests or workers interleave: one lane per
 * actor on a shared step axis, so the learner sees who did what in which order, with the DB
 * queries of each step and the simulated clock underneath. Renders nothing for a lesson with
 * a single actor.
 */
export function Timeline() {
  const lesson = useAppStore(selectLesson);
  const trace = useAppStore(selectTrace);
  const step = useAppStore((state) => state.step);
  const isShown = hasTimeline(lesson);
  const view = useMemo(
    () => (isShown ? timelineView(trace, lesson, step) : null),
    [isShown, trace, lesson, step],
  );
  const boxRef = useRef<HTMLDivElement>(null);
  useFollowCurrent(boxRef, view?.current ?? 0);
  const stepCount = view?.stepCount ?? 0;
  const visible = useVisibleColumns(boxRef, stepCount, isLongTrace(stepCount));

  if (!view) return null;
  // A long trace renders only some columns (the others keep their width): see timelineWindow.
  const ranges = timelineWindow(view.stepCount, view.current, visible);
  const gridStyle = { '--timeline-steps': view.stepCount } as CSSProperties;
  // Set on the band alone: changing a custom property on the grid would restyle every card.
  const bandStyle = { '--timeline-current': view.current } as CSSProperties;

  return (
    <Panel id="timeline" title="Timeline">
      <p className="timeline__intro">
        One lane per request or worker; time runs left to right, one column per step.
      </p>
      <div
        ref={boxRef}
        className="timeline__scroll"
        // Focusable so keyboard users can scroll lanes wider than a phone screen.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label="Timeline lanes, scrollable"
      >
        <div className="timeline__grid" style={gridStyle}>
          {view.current > 0 ? (
            <div className="timeline__highlight" style={bandStyle} aria-hidden="true" />
          ) : null}
          <TimelineAxis stepCount={view.stepCount} ranges={ranges} />
          {view.lanes.map((lane) => (
            <TimelineLaneRow key={lane.actor} lane={lane} current={view.current} ranges={ranges} />
          ))}
          {view.clock ? (
            <ClockStrip marks={view.clock} current={view.current} ranges={ranges} />
          ) : null}
          <QueryMeter bars={view.bars} current={view.current} ranges={ranges} />
        </div>
      </div>
      <p className="timeline__total">
        Total DB queries so far: <strong>{view.totalQueries}</strong>
      </p>
      {view.current === 0 ? (
        <p className="timeline__quiet">Nothing has run yet: press Next step to run step 1.</p>
      ) : null}
    </Panel>
  );
}
