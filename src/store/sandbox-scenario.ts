import type { Lesson } from '../engine';
import { randomLesson } from '../engine/random-lesson';
import { parseLesson } from '../engine/schema';
import { SANDBOX_MAX_BYTES, SANDBOX_MAX_STEPS } from './sandbox-slice';
import { SANDBOX_LESSON_ID, traceOf } from './trace-cache';

/**
 * The sandbox's checks, loaded on demand (with valibot and the random generator) so the first
 * view does not pay for them: untrusted scenario text → a lesson ready to play, or one
 * plain-text message saying what is wrong. Nothing here executes or renders the input.
 */

/** A checked scenario with the text it came from, or why it was refused. */
export type ScenarioResult =
  { ok: true; text: string; lesson: Lesson } | { ok: false; error: string };

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
 * Check scenario text: not over 1 MB, JSON (errors with line and column), then the lesson
 * schema (errors name the step and field: `Step 3, field "ops[0].key": …`). The lesson is also
 * run once, so a scenario that passes here plays in the player.
 */
export function parseScenarioText(text: string): ScenarioResult {
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
    lesson = { ...parseLesson(json), id: SANDBOX_LESSON_ID };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
  try {
    traceOf(lesson, []);
  } catch (error) {
    return { ok: false, error: `The scenario could not run: ${messageOf(error)}` };
  }
  return { ok: true, text, lesson };
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
): ScenarioResult & { nextSeed?: string } {
  const steps = wholeNumber(stepsText, 1, SANDBOX_MAX_STEPS);
  if (steps === null) {
    return { ok: false, error: `Steps must be a whole number from 1 to ${SANDBOX_MAX_STEPS}.` };
  }
  const seed = wholeNumber(seedText, 0, SEED_LIMIT - 1);
  if (seed === null) {
    return { ok: false, error: `Seed must be a whole number from 0 to ${SEED_LIMIT - 1}.` };
  }
  const result = parseScenarioText(JSON.stringify(randomLesson(seed, { steps }), null, 2));
  return { ...result, nextSeed: String((seed + 1) % SEED_LIMIT) };
}

/**
 * Read and check an imported file. A file over 1 MB is refused unread; every message names
 * the file.
 */
export async function readScenarioFile(
  fileName: string,
  size: number,
  read: () => Promise<string>,
): Promise<ScenarioResult> {
  const name = `"${fileName.slice(0, 60)}"`;
  if (size > SANDBOX_MAX_BYTES) {
    return {
      ok: false,
      error: `Could not import ${name}: the file is too large (${megabytes(size)}); the limit is 1 MB.`,
    };
  }
  let text: string;
  try {
    text = await read();
  } catch (error) {
    return { ok: false, error: `Could not read ${name}: ${messageOf(error)}` };
  }
  const result = parseScenarioText(text);
  return result.ok ? result : { ok: false, error: `Could not import ${name}: ${result.error}` };
}
