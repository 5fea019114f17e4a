/**
 * Python-style formatting of JavaScript values: `repr()` and `str()` as CPython 3 prints them.
 *
 * Every value the learner sees (cache entries, DB fields, tracked variables, results such as
 * `True`) goes through here, so the app reads like a Python shell. The mapping follows
 * `PyValue`: `null` is `None`, a plain object or a `Map` is a dict, a `Uint8Array` is `bytes`,
 * a `Set` is a set.
 */

/**
 * Whether a code point is printable by Python's `str.isprintable()` rules, which decide what
 * `repr()` escapes: categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs are not printable, except the
 * ASCII space. (Unassigned code points follow the JS engine's Unicode version, which may differ
 * from CPython's by a release; no lesson depends on that.)
 */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** `\t`, `\n`, `\r` get their short escapes in both `str` and `bytes` reprs. */
const SHORT_ESCAPES: Readonly<Record<number, string>> = { 9: '\\t', 10: '\\n', 13: '\\r' };

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/**
 * Python picks single quotes unless the text holds `'` and no `"` (then double quotes, and
 * nothing needs escaping). Shared by `str` and `bytes`.
 */
function chooseQuote(hasSingle: boolean, hasDouble: boolean): string {
  return hasSingle && !hasDouble ? '"' : "'";
}

/** Printable ASCII without quotes or backslashes: repr is the text between single quotes. */
const PLAIN = /^[ !#-&(-[\]-~]*$/;

/**
 * Reprs of short strings seen lately. Lessons print the same few values over and over (every
 * outcome, cache entry and DB field of every frame): a remembered repr is found without the
 * scan, and is one string shared by all the frames that show it instead of a copy in each.
 * Bounded: a run of endless distinct strings only clears it now and then.
 */
const STRING_REPRS = new Map<string, string>();
const STRING_REPRS_MAX = 1_000;
const STRING_REPR_MAX_LENGTH = 64;

/** `repr(s)` for a Python `str`. */
function reprString(text: string): string {
  if (text.length > STRING_REPR_MAX_LENGTH) return scanString(text);
  let repr = STRING_REPRS.get(text);
  if (repr === undefined) {
    repr = scanString(text);
    if (STRING_REPRS.size >= STRING_REPRS_MAX) STRING_REPRS.clear();
    STRING_REPRS.set(text, repr);
  }
  return repr;
}

/** {@link reprString}, computed. */
function scanString(text: string): string {
  if (PLAIN.test(text)) return `'${text}'`;
  const quote = chooseQuote(text.includes("'"), text.includes('"'));
  let body = '';
  // `for...of` walks code points, so an astral character is one unit (as in Python) and a lone
  // surrogate stays on its own, where it is escaped like Python's `'\ud800'`.
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === quote) {
      body += `\\${ch}`;
    } else if (SHORT_ESCAPES[code] !== undefined) {
      body += SHORT_ESCAPES[code];
    } else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      if (code < 0x100) body += `\\x${hex(code, 2)}`;
      else if (code < 0x10000) body += `\\u${hex(code, 4)}`;
      else body += `\\U${hex(code, 8)}`;
    } else {
      body += ch;
    }
  }
  return quote + body + quote;
}

/** `repr(b)` for Python `bytes`: printable ASCII as is, everything else `\xNN`. */
function reprBytes(bytes: Uint8Array): string {
  const SINGLE = 0x27;
  const DOUBLE = 0x22;
  const quote = chooseQuote(bytes.includes(SINGLE), bytes.includes(DOUBLE));
  let body = '';
  for (const byte of bytes) {
    const ch = String.fromCharCode(byte);
    if (ch === '\\' || ch === quote) body += `\\${ch}`;
    else if (SHORT_ESCAPES[byte] !== undefined) body += SHORT_ESCAPES[byte];
    else if (byte < 0x20 || byte >= 0x7f) body += `\\x${hex(byte, 2)}`;
    else body += ch;
  }
  return `b${quote}${body}${quote}`;
}

/**
 * `repr(x)` for a Python `float`. JS and Python both print the shortest digits that round-trip;
 * they differ only in layout. Python writes a decimal exponent `e` (value = d.ddd × 10^e) in
 * positional form when -4 <= e < 16, always with a fractional part (`1.0`), and otherwise in
 * scientific form with a signed, at least two-digit exponent (`1e+16`, `1.5e-05`).
 */
function reprFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  // toExponential() without an argument yields the shortest round-trip digits: "-1.2345e+2".
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(value.toExponential());
  if (match === null) return String(value);
  const [, sign, lead, rest = '', expText] = match;
  const digits = lead + rest;
  const exponent = Number(expText);
  if (exponent < -4 || exponent >= 16) {
    const mantissa = rest === '' ? lead : `${lead}.${rest}`;
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${mantissa}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const point = exponent + 1; // digits before the decimal point
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * JS has one number type; Python has `int` and `float`. A safe integer reads as an `int`
 * (`42`); anything else reads as a `float` because that is what JS can actually hold:
 * integers beyond 2**53 such as `1e16` (`1e+16`), and `-0`, which only float arithmetic or a
 * float literal produces and a Python int cannot hold (`-0.0`).
 */
function reprNumber(value: number): string {
  if (Object.is(value, -0)) return '-0.0';
  if (Number.isSafeInteger(value)) return String(value);
  return reprFloat(value);
}

/**
 * The built-in type of an object by its tag rather than `instanceof`, which fails across realms
 * (a `Uint8Array` from jsdom's `TextEncoder`, an iframe, or a worker's structured clone).
 */
function tagOf(value: object): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

/** A plain object of any realm: its prototype is `null` or a realm's `Object.prototype`. */
function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Containers being printed right now. Python prints a container that contains itself as `[...]`
 * or `{...}` instead of recursing forever; structured clones can hold such cycles.
 */
type Active = Set<object>;

function reprItems(
  open: string,
  close: string,
  items: Iterable<unknown>,
  active: Active,
  container: object,
): string {
  if (active.has(container)) return `${open}...${close}`;
  active.add(container);
  try {
    const parts: string[] = [];
    for (const item of items) parts.push(reprValue(item, active));
    return open + parts.join(', ') + close;
  } finally {
    active.delete(container);
  }
}

function reprDict(entries: Iterable<[unknown, unknown]>, active: Active, container: object) {
  if (active.has(container)) return '{...}';
  active.add(container);
  try {
    const parts: string[] = [];
    for (const [key, item] of entries) {
      parts.push(`${reprValue(key, active)}: ${reprValue(item, active)}`);
    }
    return `{${parts.join(', ')}}`;
  } finally {
    active.delete(container);
  }
}

function reprObject(value: object, active: Active): string {
  if (Array.isArray(value)) return reprItems('[', ']', value, active, value);
  switch (tagOf(value)) {
    case 'Uint8Array':
      return reprBytes(value as Uint8Array);
    case 'Map':
      return reprDict((value as Map<unknown, unknown>).entries(), active, value);
    case 'Set': {
      const set = value as Set<unknown>;
      // An empty `{}` would be a dict in Python, hence `set()`.
      return set.size === 0 ? 'set()' : reprItems('{', '}', set, active, set);
    }
    case 'Error': {
      // Exceptions print like Python's: ValueError('Key not found').
      const error = value as Error;
      return `${error.name}(${reprString(String(error.message))})`;
    }
  }
  if (isPlainObject(value)) return reprDict(Object.entries(value), active, value);
  // Any other class instance: Python's default object repr, without the memory address (which
  // would make traces differ between runs).
  const name = (value.constructor as { name?: unknown } | undefined)?.name;
  return `<${typeof name === 'string' && name !== '' ? name : 'object'} object>`;
}

function reprValue(value: unknown, active: Active): string {
  switch (typeof value) {
    case 'undefined':
      return 'None';
    case 'boolean':
      return value ? 'True' : 'False';
    case 'number':
      return reprNumber(value);
    case 'bigint':
      return value.toString();
    case 'string':
      return reprString(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `<function ${value.name === '' ? '<lambda>' : value.name}>`;
    case 'object':
      return value === null ? 'None' : reprObject(value, active);
    default:
      return String(value);
  }
}

/**
 * Python's `repr(value)`.
 *
 * - `null` / `undefined` → `None`; `true` → `True`
 * - safe integers → `42`; other numbers → float repr (`1.5`, `1e+16`, `-0.0`, `inf`, `nan`)
 * - strings → `'text'`, or `"it's"` when the text holds `'` and no `"`; control and other
 *   non-printable characters escaped (`\n`, `\x00`, `\u200b`)
 * - arrays → list `[1, 'a']`; plain objects and `Map`s → dict `{'k': 'v'}` (keys repr'd, in
 *   iteration order — note JS lists integer-like object keys first); `Uint8Array` → `b'...'`;
 *   `Set` → `{1, 2}` or `set()`
 *
 * @example pyRepr({ user_profile_42: 'old_data' }) // "{'user_profile_42': 'old_data'}"
 */
export function pyRepr(value: unknown): string {
  // Only containers use the set of containers being printed; scalars share an empty one.
  return reprValue(value, typeof value === 'object' && value !== null ? new Set() : NO_CONTAINERS);
}

/** Never added to: `reprItems` / `reprDict` only run for objects, which get their own set. */
const NO_CONTAINERS: Active = new Set();

/**
 * Python's `str(value)`: a string as is, everything else as {@link pyRepr} (for containers and
 * bytes, Python's `str()` is their `repr()` too).
 *
 * @example pyStr('old_data') // 'old_data'
 */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}
