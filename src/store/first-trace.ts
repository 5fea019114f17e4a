import type { Trace } from '../engine';

/**
 * The build runs the default lesson through the engine while it prerenders the first view and
 * writes that trace into index.html (`<script type="application/json" id="dcl-first-trace">`),
 * so the first view hydrates without running the engine: on a phone, the engine's first,
 * cold run was the longest part of hydration. The engine still runs for everything else.
 */
export const FIRST_TRACE_ELEMENT_ID = 'dcl-first-trace';

/** The trace as JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`). */
export function traceToScriptJson(trace: Trace): string {
  return JSON.stringify(trace).replace(/</g, '\\u003c');
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: Json | undefined): value is Json[] | { [key: string]: Json } =>
  typeof value === 'object' && value !== null;

/**
 * `value` with every part that equals the same part of `previous` replaced by that part, so
 * consecutive frames share what did not change, as the engine's own frames do (panels skip
 * re-rendering what is the same object). Frozen, as the engine's frames are.
 */
function share(value: Json, previous: Json | undefined): Json {
  if (!isObject(value)) return value;
  let isSame = isObject(previous) && Array.isArray(value) === Array.isArray(previous);
  if (Array.isArray(value)) {
    const before = isSame ? (previous as Json[]) : [];
    if (value.length !== before.length) isSame = false;
    for (let i = 0; i < value.length; i += 1) {
      value[i] = share(value[i], before[i]);
      if (value[i] !== before[i]) isSame = false;
    }
  } else {
    const before = isSame ? (previous as { [key: string]: Json }) : {};
    const keys = Object.keys(value);
    if (keys.length !== Object.keys(before).length) isSame = false;
    for (const key of keys) {
      value[key] = share(value[key], before[key]);
      if (!Object.prototype.hasOwnProperty.call(before, key) || value[key] !== before[key])
        isSame = false;
    }
  }
  return isSame ? (previous as Json) : (Object.freeze(value) as Json);
}

/**
 * Read the build's trace back: frames as the engine makes them (frozen, sharing what did not
 * change), or `null` when the text is not a trace of `lessonId` with `frameCount` frames (a
 * stale or damaged page: the engine then runs as usual).
 */
export function parseFirstTrace(text: string, lessonId: string, frameCount: number): Trace | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const candidate = data as { lessonId?: unknown; frames?: unknown; skip?: unknown };
  if (
    candidate.lessonId !== lessonId ||
    !Array.isArray(candidate.frames) ||
    candidate.frames.length !== frameCount ||
    !Array.isArray(candidate.skip) ||
    candidate.skip.length !== 0
  )
    return null;
  const frames = candidate.frames as Json[];
  for (let i = 0; i < frames.length; i += 1) frames[i] = share(frames[i], frames[i - 1]);
  return Object.freeze({
    lessonId,
    frames: Object.freeze(frames),
    skip: Object.freeze([]),
  }) as unknown as Trace;
}
