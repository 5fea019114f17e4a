import type { Lesson } from '../engine';
import { deleteOnUpdate } from './delete-on-update';

import type { LessonMeta } from './kit';
import { meta as deleteOnUpdateMeta } from './delete-on-update/meta';
import { meta as noInvalidation } from './no-invalidation/meta';
import { meta as updateOnWrite } from './update-on-write/meta';
import { meta as ttlExpiry } from './ttl-expiry/meta';
import { meta as versionedKeys } from './versioned-keys/meta';
import { meta as signalInvalidation } from './signal-invalidation/meta';
import { meta as onCommit } from './on-commit/meta';
import { meta as staleSetRace } from './stale-set-race/meta';
import { meta as thunderingHerd } from './thundering-herd/meta';

export type { LessonMeta } from './kit';

/**
 * Every built-in lesson, in index order; the first is the default. Each lesson's metadata lives
 * once, in its folder's `meta.ts`, which the lesson body spreads too. Only the default lesson's
 * body ships with the first view: the others load on demand (`loadAllLessons`), which keeps
 * the first view's JavaScript within budget. A test checks this list against the catalog.
 */
export const lessonIndex: readonly LessonMeta[] = [
  deleteOnUpdateMeta,
  noInvalidation,
  updateOnWrite,
  ttlExpiry,
  versionedKeys,
  signalInvalidation,
  onCommit,
  staleSetRace,
  thunderingHerd,
];

export const DEFAULT_LESSON_ID = deleteOnUpdate.id;

const loaded = new Map<string, Lesson>([[deleteOnUpdate.id, deleteOnUpdate]]);

/**
 * The other lesson bodies, one chunk each: a body compiles its spec when its module is
 * evaluated, and one chunk of all eight was one ~30 ms task on a fast machine (four times that
 * on a phone), which the background prefetch after the first view ran in the middle of the
 * page's start. One chunk per lesson is one short task per lesson.
 */
const bodies: readonly (() => Promise<Lesson>)[] = [
  () => import('./no-invalidation').then((m) => m.noInvalidation),
  () => import('./update-on-write').then((m) => m.updateOnWrite),
  () => import('./ttl-expiry').then((m) => m.ttlExpiry),
  () => import('./versioned-keys').then((m) => m.versionedKeys),
  () => import('./signal-invalidation').then((m) => m.signalInvalidation),
  () => import('./on-commit').then((m) => m.onCommit),
  () => import('./stale-set-race').then((m) => m.staleSetRace),
  () => import('./thundering-herd').then((m) => m.thunderingHerd),
];

/** Each body's load, once started; a failed load is forgotten, so the next call tries again. */
const loads = new Map<number, Promise<Lesson>>();

function loadBody(i: number): Promise<Lesson> {
  let load = loads.get(i);
  if (!load) {
    load = bodies[i]().then(
      (lesson) => {
        loaded.set(lesson.id, lesson);
        return lesson;
      },
      (error: unknown) => {
        loads.delete(i);
        throw error;
      },
    );
    loads.set(i, load);
  }
  return load;
}

/**
 * Load every lesson body now (each once; a failed load is tried again by the next call).
 * Resolves when `findLesson` knows them all.
 */
export function loadAllLessons(): Promise<void> {
  return Promise.all(bodies.map((_, i) => loadBody(i))).then(() => undefined);
}

/**
 * Load the bodies in the background, one at a time, each after `pace()` resolves (the app
 * waits for an idle moment): started together, the eight loads settled in one task of 14-26 ms
 * in Lighthouse's trace of a view, which its simulated phone counts as blocking. A load that
 * fails is left for `loadAllLessons` to try again. `loadAllLessons` meanwhile starts the ones
 * not started yet at once and shares the others.
 */
export async function prefetchLessons(pace: () => Promise<void>): Promise<void> {
  for (let i = 0; i < bodies.length; i += 1) {
    await pace();
    await loadBody(i).catch(() => undefined);
  }
}

/** The loaded lesson with this id, or `undefined` (unknown, or not loaded yet). */
export function findLesson(id: string): Lesson | undefined {
  return loaded.get(id);
}

/** Whether a built-in lesson has this id, loaded or not. */
export function isLessonId(id: string): boolean {
  return lessonIndex.some((lesson) => lesson.id === id);
}
