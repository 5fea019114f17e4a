import type { Lesson } from '../engine';
import { deleteOnUpdate } from './delete-on-update';

/** Every lesson body, in index order. Loaded lazily through `loadAllLessons`. */
export const catalog: readonly Lesson[] = [deleteOnUpdate];
