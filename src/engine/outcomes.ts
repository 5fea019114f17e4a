import type { ActorOutcome, EventKind, OutcomeFact } from './types';

/**
 * The one event a step stands for, for the slider ticks and the step badge. A stale read
 * outranks everything, because it is the thing the learner must not miss.
 */
export function eventOf(outcomes: readonly ActorOutcome[]): EventKind {
  if (outcomes.some((o) => o.kind === 'get' && o.hit && o.stale)) return 'stale-read';
  if (
    outcomes.some(
      (o) => (o.kind === 'delete' && o.deleted) || o.kind === 'incrVersion' || o.kind === 'incr',
    )
  )
    return 'invalidate';
  if (outcomes.some((o) => o.kind === 'get' && !o.hit)) return 'miss';
  if (outcomes.some((o) => o.kind === 'get' && o.hit)) return 'hit';
  if (outcomes.some((o) => o.kind === 'db.write' || o.kind === 'set' || o.kind === 'add'))
    return 'write';
  return 'other';
}

/** Every outcome fact, in the order `factsOf` lists them. */
export const OUTCOME_FACTS: readonly OutcomeFact[] = [
  'clock',
  'begin',
  'read',
  'saved',
  'updated',
  'removed',
  'hit',
  'stale',
  'miss',
  'set',
  'added',
  'not-added',
  'deleted',
  'not-deleted',
  'touched',
  'not-touched',
  'incr',
  'version',
  'commit',
  'rollback',
  'error',
];

/** The fact one outcome stands for: a get that hit a stale value is `stale`, … */
export function factOf(outcome: ActorOutcome): OutcomeFact {
  switch (outcome.kind) {
    case 'get':
      return !outcome.hit ? 'miss' : outcome.stale ? 'stale' : 'hit';
    case 'set':
      return 'set';
    case 'add':
      return outcome.stored ? 'added' : 'not-added';
    case 'delete':
      return outcome.deleted ? 'deleted' : 'not-deleted';
    case 'touch':
      return outcome.live ? 'touched' : 'not-touched';
    case 'incr':
      return 'incr';
    case 'incrVersion':
      return 'version';
    case 'db.read':
      return 'read';
    case 'db.write':
      return outcome.how === 'save' ? 'saved' : outcome.how === 'update' ? 'updated' : 'removed';
    case 'atomic':
      return outcome.how;
    case 'clock':
      return 'clock';
    case 'error':
      return 'error';
  }
}

/** The distinct facts of a step's outcomes, in `OUTCOME_FACTS` order. */
export function factsOf(outcomes: readonly ActorOutcome[]): OutcomeFact[] {
  const seen = new Set(outcomes.map(factOf));
  return OUTCOME_FACTS.filter((fact) => seen.has(fact));
}

/** Whether a step's declared facts are exactly what its outcomes did. */
export function factsHold(
  shows: readonly OutcomeFact[],
  outcomes: readonly ActorOutcome[],
): boolean {
  const facts = factsOf(outcomes);
  return facts.length === new Set(shows).size && shows.every((fact) => facts.includes(fact));
}
