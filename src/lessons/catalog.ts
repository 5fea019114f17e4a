import type { Lesson } from '../engine';
import { deleteOnUpdate } from './delete-on-update';
import { noInvalidation } from './no-invalidation';
import { onCommit } from './on-commit';
import { signalInvalidation } from './signal-invalidation';
import { staleSetRace } from './stale-set-race';
import { thunderingHerd } from './thundering-herd';
import { ttlExpiry } from './ttl-expiry';
import { updateOnWrite } from './update-on-write';
import { versionedKeys } from './versioned-keys';

/**
 * Every lesson body, in index order, for the tests and the build's checks. The app loads the
 * bodies one chunk each through `loadAllLessons` (index.ts), never this module.
 */
export const catalog: readonly Lesson[] = [
  deleteOnUpdate,
  noInvalidation,
  updateOnWrite,
  ttlExpiry,
  versionedKeys,
  signalInvalidation,
  onCommit,
  staleSetRace,
  thunderingHerd,
];
