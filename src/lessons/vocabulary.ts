import {
  DEFAULT_ACTOR,
  factOf,
  factsHold,
  type ActorOutcome,
  type Frame,
  type Lesson,
  type LessonStep,
  type OutcomeFact,
  type Pk,
  type Trace,
} from '../engine';
import { actionOf } from './kit';

/*
 * The one place where what the engine did becomes English: one word, icon and tone per outcome
 * fact (the badges, the legend), the sentences the app shows when authored text no longer
 * describes the run, and `shownStep`, which decides for every panel whether a step's authored
 * Result, narration, stage and transcript sentence may be shown.
 */

/** The tones panels colour by (the same names as the Badge component's). */
export type Tone = 'hit' | 'miss' | 'stale' | 'write' | 'invalidate' | 'neutral' | 'expired';

/** The icon of each tone, so meaning never rests on colour alone. */
export const TONE_ICONS: Record<Tone, string> = {
  hit: '✓',
  miss: '○',
  stale: '⚠',
  write: '✎',
  invalidate: '✕',
  neutral: '•',
  expired: '◷',
};

export interface OutcomeWord {
  word: string;
  icon: string;
  tone: Tone;
}

const w = (word: string, tone: Tone): OutcomeWord => ({ word, icon: TONE_ICONS[tone], tone });

/** One word, icon and tone per outcome fact, used by every panel that names an outcome. */
export const OUTCOME_WORDS: Record<OutcomeFact, OutcomeWord> = {
  hit: w('hit', 'hit'),
  stale: w('stale', 'stale'),
  miss: w('miss', 'miss'),
  set: w('cache set', 'neutral'),
  added: w('cache set', 'neutral'),
  'not-added': w('add refused', 'neutral'),
  deleted: w('invalidated', 'invalidate'),
  'not-deleted': w('nothing to delete', 'neutral'),
  touched: w('touched', 'neutral'),
  'not-touched': w('nothing to touch', 'neutral'),
  incr: w('incremented', 'neutral'),
  version: w('invalidated', 'invalidate'),
  read: w('db read', 'neutral'),
  saved: w('write', 'write'),
  updated: w('write', 'write'),
  removed: w('write', 'write'),
  begin: w('transaction', 'neutral'),
  commit: w('commit', 'neutral'),
  rollback: w('rollback', 'neutral'),
  clock: w('time passes', 'neutral'),
  error: w('error', 'neutral'),
};

/** The word, icon and tone of one outcome. */
export const wordOf = (outcome: ActorOutcome): OutcomeWord => OUTCOME_WORDS[factOf(outcome)];

const row = (model: string, pk: Pk): string =>
  `${model}(pk=${typeof pk === 'string' ? `'${pk}'` : pk})`;

/**
 * A Result sentence written from what the engine did, shown when the authored Result does not
 * describe the run (a what-if, a remedy or a sandbox edit changed the step's outcome).
 */
export function describeOutcomes(outcomes: readonly ActorOutcome[]): string {
  const staleHit = outcomes.find((o) => o.kind === 'get' && o.hit && o.stale);
  if (staleHit && staleHit.kind === 'get') {
    return `User sees stale data: cache hit returned ${staleHit.value}, which no longer matches the database`;
  }
  const error = outcomes.find((o) => o.kind === 'error');
  if (error && error.kind === 'error') return `Error: ${error.message}`;
  const miss = outcomes.find((o) => o.kind === 'get' && !o.hit);
  const set = outcomes.find((o) => o.kind === 'set');
  if (miss && set && set.kind === 'set') {
    return `Cache miss: read ${set.value} from the database and cached it`;
  }
  const hit = outcomes.find((o) => o.kind === 'get' && o.hit);
  if (hit && hit.kind === 'get') return `Cache hit: user sees fresh data ${hit.value}`;
  if (miss) return 'Cache miss: nothing cached under this key';
  const del = outcomes.find((o) => o.kind === 'delete');
  if (del && del.kind === 'delete') {
    return del.deleted ? 'Cache entry deleted' : 'Nothing to delete: the key was not cached';
  }
  const version = outcomes.find((o) => o.kind === 'incr' || o.kind === 'incrVersion');
  if (version && version.kind === 'incr') return `Counter ${version.key} is now ${version.value}`;
  if (version && version.kind === 'incrVersion')
    return `Key ${version.key} moved to version ${version.version}`;
  const add = outcomes.find((o) => o.kind === 'add');
  if (add && add.kind === 'add')
    return add.stored ? `cache.add stored ${add.key}` : `cache.add refused: ${add.key} exists`;
  if (set && set.kind === 'set') return `Cache set to ${set.value}`;
  const write = outcomes.find((o) => o.kind === 'db.write');
  if (write && write.kind === 'db.write') {
    if (write.how === 'delete') return 'Row deleted; post_delete sent';
    return write.signal
      ? 'Database updated; post_save sent'
      : 'Database updated with no signal sent';
  }
  const atomic = outcomes.find((o) => o.kind === 'atomic');
  if (atomic && atomic.kind === 'atomic') {
    if (atomic.how === 'begin') return 'Entered transaction.atomic()';
    return atomic.how === 'commit' ? 'Transaction committed' : 'Transaction rolled back';
  }
  const clock = outcomes.find((o) => o.kind === 'clock');
  if (clock && clock.kind === 'clock') return `Clock moves to t=${clock.now}s`;
  return 'Nothing changed';
}

/** What one outcome did, as a clause: `cache.get('k') missed`. */
export function outcomeClause(outcome: ActorOutcome): string {
  switch (outcome.kind) {
    case 'get':
      if (!outcome.hit) return `cache.get('${outcome.key}') missed`;
      return outcome.stale
        ? `cache.get('${outcome.key}') hit ${outcome.value}, which no longer matches the database`
        : `cache.get('${outcome.key}') hit ${outcome.value}`;
    case 'set':
      return `cache.set('${outcome.key}', ${outcome.value})`;
    case 'add':
      return outcome.stored
        ? `cache.add('${outcome.key}') stored the key`
        : `cache.add('${outcome.key}') found the key and stored nothing`;
    case 'delete':
      return outcome.deleted
        ? `cache.delete('${outcome.key}') removed the entry`
        : `cache.delete('${outcome.key}') found nothing to delete`;
    case 'touch':
      return outcome.live
        ? `cache.touch('${outcome.key}') renewed the timeout`
        : `cache.touch('${outcome.key}') found nothing to touch`;
    case 'incr':
      return `cache.incr('${outcome.key}') returned ${outcome.value}`;
    case 'incrVersion':
      return `cache.incr_version('${outcome.key}') moved it to version ${outcome.version}`;
    case 'db.read':
      return `read ${row(outcome.model, outcome.pk)}: ${outcome.value}`;
    case 'db.write':
      if (outcome.how === 'update')
        return `QuerySet.update() wrote ${row(outcome.model, outcome.pk)} (no signal)`;
      return outcome.how === 'save'
        ? `save() wrote ${row(outcome.model, outcome.pk)} (post_save sent)`
        : `delete() removed ${row(outcome.model, outcome.pk)} (post_delete sent)`;
    case 'atomic':
      if (outcome.how === 'begin') return 'entered transaction.atomic()';
      return outcome.how === 'commit'
        ? `committed${outcome.callbacks > 0 ? ', running its on_commit callbacks' : ''}`
        : 'rolled the transaction back';
    case 'clock':
      return `the clock moved ${outcome.seconds} s to t=${outcome.now}s`;
    case 'error':
      return `raised ${outcome.message}`;
  }
}

/** Every outcome of a step as one sentence, naming other actors: `cache.get('k') missed; …`. */
export function narrateOutcomes(outcomes: readonly ActorOutcome[], actor = DEFAULT_ACTOR): string {
  if (outcomes.length === 0) return 'Nothing ran.';
  const clauses = outcomes.map((o) =>
    o.actor === actor ? outcomeClause(o) : `${o.actor}: ${outcomeClause(o)}`,
  );
  return `${clauses.join('; ')}.`;
}

/** `step 3` / `steps 2 and 3` / `steps 1, 2 and 3`. */
export function stepsPhrase(steps: readonly number[]): string {
  if (steps.length === 1) return `step ${steps[0]}`;
  return `steps ${steps.slice(0, -1).join(', ')} and ${steps[steps.length - 1]}`;
}

/* ----------------------------------------------------------- text that follows the engine */

/**
 * Whose words a step shows: the author's (they describe this run), the engine's (the run went
 * differently from what the authored text describes), or none because the step was skipped.
 */
export type TextSource = 'authored' | 'engine' | 'skipped';

export interface ShownStep {
  source: TextSource;
  action: string;
  result: string;
  narration: string;
  /** The lit concept-flow stage, -1 for none. */
  stage: number;
  /** The stage the authored step names, which did not happen in this run (-1 when none). */
  missedStage: number;
  /** The transcript sentence this step illustrates, when its authored text holds. */
  transcript: number | null;
  /** The authored sentence the run contradicts or skipped, shown as skipped. */
  missedTranscript: number | null;
}

/**
 * Whether a step's authored text describes the frame: it ran, a what-if did not take it off
 * the normal path, and the facts it declares (`shows`) are exactly what the engine did. A step
 * without `shows` claims nothing checkable: its text is shown when there is any.
 */
export function authoredHolds(step: LessonStep, frame: Frame): boolean {
  if (frame.isSkipped || frame.isDiverged) return false;
  if (step.shows) return factsHold(step.shows, frame.outcomes);
  return step.result.trim() !== '';
}

const shownMemo = new WeakMap<Trace, Map<number, ShownStep>>();

/**
 * What every panel shows for frame `index` of `trace`, run from `lesson`. Memoised per trace
 * (a trace comes from one lesson), so the same object comes back for the same step.
 */
export function shownStep(lesson: Lesson, trace: Trace, index: number): ShownStep {
  let byIndex = shownMemo.get(trace);
  if (!byIndex) {
    byIndex = new Map();
    shownMemo.set(trace, byIndex);
  }
  let shown = byIndex.get(index);
  if (!shown) {
    shown = Object.freeze(computeShownStep(lesson, trace, index));
    byIndex.set(index, shown);
  }
  return shown;
}

function computeShownStep(lesson: Lesson, trace: Trace, index: number): ShownStep {
  const frame = trace.frames[index];
  const step = index > 0 ? lesson.steps[index - 1] : undefined;
  if (!step || !frame) {
    return {
      source: 'authored',
      action: frame?.action ?? 'Start',
      result: frame?.result ?? '',
      narration: frame?.narration ?? lesson.flowCaption,
      stage: -1,
      missedStage: -1,
      transcript: null,
      missedTranscript: null,
    };
  }
  if (authoredHolds(step, frame)) {
    return {
      source: 'authored',
      action: frame.action,
      result: frame.result,
      narration: frame.narration,
      stage: frame.stage,
      missedStage: -1,
      transcript: frame.transcript,
      missedTranscript: null,
    };
  }
  const missed = {
    stage: -1,
    missedStage: step.result.trim() === '' ? -1 : frame.stage,
    transcript: null,
    missedTranscript: frame.transcript,
  };
  if (frame.isSkipped) {
    return {
      ...missed,
      source: 'skipped',
      action: frame.action,
      result: `Skipped (what-if): step ${index} did not run`,
      narration: `What-if: step ${index} is skipped, so its code never runs. Watch what the next steps do.`,
    };
  }
  const result = describeOutcomes(frame.outcomes);
  const said = narrateOutcomes(frame.outcomes, frame.actor);
  const others = trace.skip.filter((n) => n !== index);
  const isUnwritten = step.result.trim() === '';
  let narration = said;
  if (others.length > 0) {
    narration = `What-if: ${result}. On the normal path this step goes differently, because ${stepsPhrase(others)} did not run.`;
  } else if (!isUnwritten) {
    narration = `${result}. This step now does something other than its lesson text says: ${said}`;
  }
  return {
    ...missed,
    source: 'engine',
    action: isUnwritten ? frame.action : actionOf(step.ops),
    result,
    narration,
  };
}

/**
 * The authored statements a lesson shows on its own paths (normal and remedy) that its trace
 * contradicts: a step whose declared `shows` differs from the facts the engine produced. Each
 * problem names the lesson, the path and the step. Empty for a lesson that cannot lie.
 */
export function contradictions(lesson: Lesson, runLesson: (l: Lesson) => Trace): string[] {
  const paths: [string, Lesson][] = [['', lesson]];
  if (lesson.remedy) paths.push(['remedy ', { ...lesson, ...lesson.remedy.patch }]);
  const problems: string[] = [];
  for (const [label, version] of paths) {
    const trace = runLesson(version);
    version.steps.forEach((step, i) => {
      const frame = trace.frames[i + 1];
      if (!step.shows) {
        problems.push(`lesson '${lesson.id}', ${label}step ${i + 1}, shows: missing`);
      } else if (!factsHold(step.shows, frame.outcomes)) {
        const facts = frame.outcomes.map(factOf);
        problems.push(
          `lesson '${lesson.id}', ${label}step ${i + 1}, shows: declares [${step.shows.join(', ')}] but the engine did [${[...new Set(facts)].join(', ')}]`,
        );
      }
    });
  }
  return problems;
}
