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

/**
 * A Result sentence written from what the engine did, used when a what-if takes a step off
 * the lesson's normal path (the authored sentence would then be wrong).
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
  if (set && set.kind === 'set') return `Cache set to ${set.value}`;
  const write = outcomes.find((o) => o.kind === 'db.write');
  if (write && write.kind === 'db.write') {
    return write.signal
      ? 'Database updated; post_save sent'
      : 'Database updated with no signal sent';
  }
  return 'Nothing changed';
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

function factOf(outcome: ActorOutcome): OutcomeFact {
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
export function factsHold(shows: readonly OutcomeFact[], outcomes: readonly ActorOutcome[]): boolean {
  const facts = factsOf(outcomes);
  return facts.length === new Set(shows).size && shows.every((fact) => facts.includes(fact));
}
