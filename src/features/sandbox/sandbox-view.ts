import { DEFAULT_ACTOR, type Lesson } from '../../engine';

/** What the Loaded scenario panel says about a scenario. */
export interface ScenarioSummary {
  title: string;
  steps: number;
  /** Distinct actors, sorted as people read numbers (`request 2` before `request 10`). */
  actors: string[];
  questions: number;
  /** One sentence for the live region, e.g. `Loaded "Random scenario 1": 500 steps, 2 actors.` */
  announcement: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The summary of a loaded scenario: title, step count, actors, quiz size. */
export function summarizeScenario(lesson: Lesson): ScenarioSummary {
  const actors = [...new Set(lesson.steps.map((step) => step.actor ?? DEFAULT_ACTOR))].sort(
    (a, b) => a.localeCompare(b, 'en', { numeric: true }),
  );
  return {
    title: lesson.title,
    steps: lesson.steps.length,
    actors,
    questions: lesson.quiz.length,
    announcement: `Loaded "${lesson.title}": ${plural(lesson.steps.length, 'step')}, ${plural(actors.length, 'actor')}.`,
  };
}

/** The file name an exported scenario is saved under. */
export const EXPORT_FILE_NAME = 'sandbox-scenario.json';
