import { describe, expect, it } from 'vitest';
import { run, type Trace } from '../../../src/engine';
import { catalog } from '../../../src/lessons/catalog';
import { parseFirstTrace, traceToScriptJson } from '../../../src/store/first-trace';

/** Every object in `value` is frozen. */
function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

describe('The first view’s trace, computed by the build', () => {
  it.each(catalog.map((lesson) => [lesson.id, lesson] as const))(
    '%s: read back from the page, it is the engine’s trace, frozen, sharing what did not change',
    (_id, lesson) => {
      const trace: Trace = run(lesson);
      const text = traceToScriptJson(trace);
      expect(text).not.toMatch(/<\/script|<!--/i);
      const read = parseFirstTrace(text, lesson.id, lesson.steps.length + 1);
      expect(read).not.toBeNull();
      expect(read).toStrictEqual(trace);
      expect(isDeepFrozen(read)).toBe(true);
      // What the engine shares between consecutive frames is shared after reading too.
      const frames = read!.frames;
      for (let i = 1; i < frames.length; i += 1) {
        for (const key of Object.keys(trace.frames[i]) as (keyof Trace['frames'][number])[]) {
          if (
            trace.frames[i][key] === trace.frames[i - 1][key] &&
            typeof trace.frames[i][key] === 'object'
          ) {
            expect(frames[i][key]).toBe(frames[i - 1][key]);
          }
        }
      }
    },
  );

  it('is refused, not trusted, when it is not this lesson’s trace', () => {
    const lesson = catalog[0];
    const text = traceToScriptJson(run(lesson));
    const frames = lesson.steps.length + 1;
    expect(parseFirstTrace(text, 'ttl-expiry', frames)).toBeNull();
    expect(parseFirstTrace(text, lesson.id, frames + 1)).toBeNull();
    expect(parseFirstTrace(text.slice(0, -5), lesson.id, frames)).toBeNull();
    expect(parseFirstTrace('null', lesson.id, frames)).toBeNull();
    expect(
      parseFirstTrace(traceToScriptJson(run(lesson, { skip: [2] })), lesson.id, frames),
    ).toBeNull();
  });

  it('keeps text that would end the script element inside the JSON', () => {
    const trace = { lessonId: 'x', frames: [], skip: [] } as unknown as Trace;
    const hostile = { ...trace, lessonId: '</script><script>alert(1)</script><!--' };
    const text = traceToScriptJson(hostile);
    expect(text).not.toMatch(/</);
    expect(JSON.parse(text).lessonId).toBe(hostile.lessonId);
  });
});
