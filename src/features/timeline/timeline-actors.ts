import { DEFAULT_ACTOR, type Lesson } from '../../engine';

// Apart from timeline-view.ts so the Stage can ask whether to show the lanes without pulling
// the whole timeline view model into the first view's JavaScript.

/**
 * The actors of a lesson's steps in order of first appearance (`request` when a step names
 * none). Two or more mean interleaved requests, which is what the timeline is for.
 */
export function timelineActors(lesson: Pick<Lesson, 'steps'>): string[] {
  const actors: string[] = [];
  for (const step of lesson.steps) {
    const actor = step.actor ?? DEFAULT_ACTOR;
    if (!actors.includes(actor)) actors.push(actor);
  }
  return actors;
}

/** Whether the lesson interleaves two or more actors (the timeline renders only then). */
export function hasTimeline(lesson: Pick<Lesson, 'steps'>): boolean {
  return timelineActors(lesson).length >= 2;
}
