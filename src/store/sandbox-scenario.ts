import type { Lesson } from '../engine';
import { randomLesson } from '../engine/random-lesson';
import { run, RunBudgetError } from '../engine/run';
import { LessonError, parseLesson } from '../engine/schema';
import { SANDBOX_MAX_BYTES, SANDBOX_MAX_STEPS } from './sandbox-limits';

/**
 * The sandbox's checks, loaded on demand (with valibot and the random generator) so the first
 * view does not pay for them: untrusted scenario text → a lesson ready to play, or one
 * plain-text message saying what is wrong. Nothing here executes or renders the input.
 */

/** A checked scenario with the text it came from, or why it was refused. */
export type ScenarioResult =
  { ok: true; text: string; lesson: Lesson } | { ok: false; error: string };

/** The lesson id under which the sandbox's own scenario plays (as `trace-cache` names it). */
const SANDBOX_ID = 'sandbox';

/**
 * The most work one trace of an accepted scenario may do (`RunOptions.maxWork`: operations,
 * plus cache entries and rows shown per frame). Every 1,000-step random scenario passes; 1,000
 * steps of 16 `cache.set`s (issue 10) stop near step 60. A trace at the limit computes in
 * well under a second, so no accepted scenario can freeze the player.
 */
export const MAX_TRACE_WORK = 100_000;

/** Where a check is, for the message when it runs out of time. */
export interface CheckProgress {
  /** The what-if being run (`[]`: the normal path). */
  skip: number[];
  step: number;
}

/** A what-if in words: `the normal path`, `the what-if with step 3 skipped`. */
export function describeSkip(skip: readonly number[]): string {
  if (skip.length === 0) return 'the normal path';
  return skip.length === 1
    ? `the what-if with step ${skip[0]} skipped`
    : `the what-if with steps ${skip.slice(0, 5).join(', ')}${skip.length > 5 ? '…' : ''} skipped`;
}

/** Seeds are 32-bit unsigned integers, as the seeded RNG takes them. */
const SEED_LIMIT = 2 ** 32;

const sizeOf = (text: string): number =>
  // UTF-8 is at most 3 bytes per UTF-16 unit: skip the encoding when it cannot matter.
  text.length * 3 <= SANDBOX_MAX_BYTES ? text.length : new TextEncoder().encode(text).length;

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Line and column (1-based) of a character offset, as an editor counts them. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Where a JSON syntax error was found, thrown by the scanner below. */
class JsonSyntaxAt {
  constructor(readonly offset: number) {}
}

/**
 * The offset of the first JSON syntax error, or `null`: a small scanner of the JSON grammar,
 * used when `JSON.parse`'s message gives no position (Chromium's "Unexpected token" does not).
 * Too deep a nesting for the scanner also gives `null`: the message then has no position.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const fail = (): never => {
    throw new JsonSyntaxAt(i);
  };
  const space = (): void => {
    while (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t') i += 1;
  };
  const expect = (char: string): void => {
    space();
    if (text[i] !== char) fail();
    i += 1;
  };
  const string = (): void => {
    expect('"');
    while (text[i] !== '"') {
      if (i >= text.length || text[i] < ' ') fail();
      if (text[i] === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) fail();
        i = ESCAPE.lastIndex;
      } else i += 1;
    }
    i += 1;
  };
  /** Items until `close`, separated by commas; `item` reads one. */
  const items = (close: string, item: () => void): void => {
    i += 1;
    space();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[i] === close) break;
      expect(',');
    }
    i += 1;
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === '{') {
      items('}', () => {
        string();
        expect(':');
        value();
      });
    } else if (char === '[') items(']', value);
    else if (char === '"') string();
    else {
      NUMBER.lastIndex = i;
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      if (word) i += word.length;
      else if (NUMBER.test(text)) i = NUMBER.lastIndex;
      else fail();
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return null;
  } catch (error) {
    return error instanceof JsonSyntaxAt ? error.offset : null;
  }
}

/**
 * `JSON.parse`'s message, without its position and quoted input, followed by the line and
 * column of the error: from the message when it says (Chromium: `at position 12`, newer
 * versions `(line 2 column 5)`), else from {@link jsonErrorOffset}.
 */
export function describeJsonError(text: string, message: string): string {
  const withLine = /\(line (\d+) column (\d+)\)/.exec(message);
  const atPosition = / at position (\d+)/.exec(message);
  const reason = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/( in JSON)? at position \d+/, '')
    // Chromium quotes the input around an unexpected token; the line and column say where.
    .replace(/^(Unexpected token '.+?'), .* is not valid JSON$/s, '$1')
    .replace(/\.$/, '');
  let where: { line: number; column: number } | null = null;
  if (withLine) where = { line: Number(withLine[1]), column: Number(withLine[2]) };
  else {
    const offset = atPosition ? Number(atPosition[1]) : jsonErrorOffset(text);
    if (offset !== null) where = lineColumn(text, offset);
  }
  return where
    ? `Not valid JSON: ${reason} (line ${where.line}, column ${where.column}).`
    : `Not valid JSON: ${reason}.`;
}

/**
 * Run every trace the player can show without the learner building a combination: the normal
 * path, each what-if with one step skipped, and all skippable steps skipped at once. Each
 * within {@link MAX_TRACE_WORK}; a failure names the what-if and the step. `null` when all ran.
 */
function runEveryTrace(
  lesson: Lesson,
  onProgress?: (progress: CheckProgress) => void,
): string | null {
  const skippable = lesson.steps.flatMap((step, i) => (step.skippable ? [i + 1] : []));
  const whatIfs: number[][] = [[], ...skippable.map((n) => [n])];
  if (skippable.length > 1) whatIfs.push(skippable);
  for (const skip of whatIfs) {
    let step = 0;
    try {
      run(lesson, {
        skip,
        maxWork: MAX_TRACE_WORK,
        onStep: (n) => {
          step = n;
          onProgress?.({ skip, step: n });
        },
      });
    } catch (error) {
      if (error instanceof RunBudgetError) {
        return `The scenario does too much to play smoothly: ${describeSkip(skip)} went over the work limit at step ${error.step} (cache entries and rows shown at every step count). Use fewer steps, cache entries or operations.`;
      }
      return `The scenario could not run: ${describeSkip(skip)} failed at step ${step}.`;
    }
  }
  return null;
}

/**
 * Check scenario text: not over 1 MB, JSON (errors with line and column), then the lesson
 * schema (errors name the step and field: `Step 3, field "ops[0].key": …`). Every trace the
 * player offers is also run, within a work limit, so a scenario that passes here plays in the
 * player and no panel can fail on it.
 */
export function parseScenarioText(
  text: string,
  onProgress?: (progress: CheckProgress) => void,
): ScenarioResult {
  const size = sizeOf(text);
  if (size > SANDBOX_MAX_BYTES) {
    return {
      ok: false,
      error: `The scenario is too large (${megabytes(size)}); the limit is 1 MB.`,
    };
  }
  if (text.trim() === '')
    return { ok: false, error: 'The scenario is empty: paste or write JSON.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: describeJsonError(text, messageOf(error)) };
  }
  let lesson: Lesson;
  try {
    // Played under the sandbox's own id, so its quiz answers never mix with a built-in lesson's.
    lesson = { ...parseLesson(json), id: SANDBOX_ID };
  } catch (error) {
    // Schema messages are located and quote little; anything else is not shown as it is.
    return {
      ok: false,
      error: error instanceof LessonError ? error.message : 'The scenario could not be checked.',
    };
  }
  const failure = runEveryTrace(lesson, onProgress);
  return failure ? { ok: false, error: failure } : { ok: true, text, lesson };
}

/** A whole number in `min..max` from a form field's text, or `null`. */
function wholeNumber(text: string, min: number, max: number): number | null {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/**
 * A generated scenario from the Steps and Seed fields as typed, checked like any other, with
 * the seed that comes next; or why the fields cannot be used.
 */
export function randomScenario(
  stepsText: string,
  seedText: string,
  onProgress?: (progress: CheckProgress) => void,
): ScenarioResult & { nextSeed?: string } {
  const steps = wholeNumber(stepsText, 1, SANDBOX_MAX_STEPS);
  if (steps === null) {
    return { ok: false, error: `Steps must be a whole number from 1 to ${SANDBOX_MAX_STEPS}.` };
  }
  const seed = wholeNumber(seedText, 0, SEED_LIMIT - 1);
  if (seed === null) {
    return { ok: false, error: `Seed must be a whole number from 0 to ${SEED_LIMIT - 1}.` };
  }
  const result = parseScenarioText(
    JSON.stringify(randomLesson(seed, { steps }), null, 2),
    onProgress,
  );
  return { ...result, nextSeed: String((seed + 1) % SEED_LIMIT) };
}

/**
 * Read and check an imported file. A file over 1 MB is refused unread; every message names
 * the file. `check` checks the text (in a worker, from the store); `null` from it means a
 * newer check overtook this one, and is passed on.
 */
export async function readScenarioFile(
  fileName: string,
  size: number,
  read: () => Promise<string>,
  check: (text: string) => Promise<ScenarioResult | null> = (text) =>
    Promise.resolve(parseScenarioText(text)),
): Promise<ScenarioResult | null> {
  const name = quoteName(fileName);
  if (size > SANDBOX_MAX_BYTES) {
    return {
      ok: false,
      error: `Could not import ${name}: the file is too large (${megabytes(size)}); the limit is 1 MB.`,
    };
  }
  let text: string;
  try {
    text = await read();
  } catch {
    return { ok: false, error: `Could not read ${name}: the browser could not open the file.` };
  }
  const result = await check(text);
  return result && named(name, result);
}

/** A file name as messages quote it: at most 60 characters. */
const quoteName = (fileName: string): string =>
  fileName.length > 60 ? `"${fileName.slice(0, 59)}…"` : `"${fileName}"`;

/** A file's check result, its message naming the file. */
export function named(name: string, result: ScenarioResult): ScenarioResult {
  return result.ok ? result : { ok: false, error: `Could not import ${name}: ${result.error}` };
}

/** What a check is asked to do: text from the editor, a file or storage, or a generation. */
export type CheckRequest =
  { kind: 'text'; text: string } | { kind: 'random'; steps: string; seed: string };

/** The answer to a {@link CheckRequest}. */
export type CheckResult = ScenarioResult & { nextSeed?: string };

/** Run a check request here (in the worker, or in-thread where there are no workers). */
export function runCheckRequest(
  request: CheckRequest,
  onProgress?: (progress: CheckProgress) => void,
): CheckResult {
  return request.kind === 'text'
    ? parseScenarioText(request.text, onProgress)
    : randomScenario(request.steps, request.seed, onProgress);
}
