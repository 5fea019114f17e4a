import type { ActorOutcome, EventKind, OutcomeFact } from './types';

/**
 * The one event a step stands for, for the slider ticks and the step badge. A stale read
 * outranks everything, because it is the thing the learner must not miss.
 */
export function eventOf(outcomes: readonly ActorOutcome[]): EventKind {
  // One pass, then the first kind that applies in this order: a stale read, an invalidation,
  // a miss, a hit, a write.
  let invalidate = false;
  let miss = false;
  let hit = false;
  let write = false;
  // An index loop: for-of over a frozen array (as every frame's is) allocates in V8.
  for (let i = 0; i < outcomes.length; i += 1) {
    const o = outcomes[i];
    switch (o.kind) {
      case 'get':
        if (o.hit && o.stale) return 'stale-read';
        if (o.hit) hit = true;
        else miss = true;
        break;
      case 'delete':
        if (o.deleted) invalidate = true;
        break;
      case 'incrVersion':
      case 'incr':
        invalidate = true;
        break;
      case 'db.write':
      case 'set':
      case 'add':
        write = true;
        break;
    }
  }
  if (invalidate) return 'invalidate';
  if (miss) return 'miss';
  if (hit) return 'hit';
  return write ? 'write' : 'other';
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
