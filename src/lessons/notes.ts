/*
 * Shared sentences that correct or qualify lesson text against real Django. The default lesson
 * keeps the seed's words exactly; each seed sentence that contradicts Django gets one of these
 * notes beside it.
 */

/** A visible correction beside a seed sentence: `In real Django, …`. */
export const inRealDjango = (text: string): string => `In real Django, ${text}`;

/**
 * Every lesson with several requests or workers shares one LocMemCache between them: that is
 * one process with threads. Said once per such lesson (finding 6 of issue 8).
 */
export const LOCMEM_PER_PROCESS =
  'Here every request and worker shares one LocMemCache, as threads of one process do. LocMemCache is per process: under several gunicorn or uWSGI worker processes each has its own, and a delete, incr or on_commit in one reaches only that process. Use a shared backend (Redis, Memcached, the database cache) in production.';
