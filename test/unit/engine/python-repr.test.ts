import { describe, it, expect } from 'vitest';
import { pyRepr, pyStr } from '../../../src/engine/python-repr';

// Every expected string below was checked against CPython 3.11's repr().
type Case = [label: string, value: unknown, expected: string];

const bytes = (...values: number[]) => new Uint8Array(values);

describe('pyRepr', () => {
  describe('None and booleans', () => {
    it.each<Case>([
      ['null is None', null, 'None'],
      ['undefined is None', undefined, 'None'],
      ['true is True', true, 'True'],
      ['false is False', false, 'False'],
    ])('%s', (_label, value, expected) => {
      expect(pyRepr(value)).toBe(expected);
    });
  });

  describe('numbers', () => {
    it.each<Case>([
      ['an int', 42, '42'],
      ['a negative int', -3, '-3'],
      ['zero', 0, '0'],
      ['negative zero is the float -0.0 (a Python int cannot be negative zero)', -0, '-0.0'],
      ['the largest safe integer stays an int', 9007199254740991, '9007199254740991'],
      ['2**53 is a float', 2 ** 53, '9007199254740992.0'],
      ['a float', 1.5, '1.5'],
      ['0.1 with the shortest round-trip digits', 0.1, '0.1'],
      ['a third', 1 / 3, '0.3333333333333333'],
      ['a negative float', -2.5, '-2.5'],
      ['1e16 switches to scientific form', 1e16, '1e+16'],
      ['large floats keep all digits', 1.2345678901234567e20, '1.2345678901234567e+20'],
      ['a float just below 1e16 stays positional', 123456789012345.6, '123456789012345.6'],
      ['0.0001 stays positional', 0.0001, '0.0001'],
      ['0.00001 uses a two-digit exponent', 0.00001, '1e-05'],
      ['a small float with a fraction', 1.5e-5, '1.5e-05'],
      ['the smallest subnormal', 5e-324, '5e-324'],
      ['the largest float', Number.MAX_VALUE, '1.7976931348623157e+308'],
      ['Infinity is inf', Infinity, 'inf'],
      ['-Infinity is -inf', -Infinity, '-inf'],
      ['NaN is nan', NaN, 'nan'],
      ['a bigint is an int', 10n ** 20n, '100000000000000000000'],
    ])('%s', (_label, value, expected) => {
      expect(pyRepr(value)).toBe(expected);
    });
  });

  describe('strings', () => {
    it.each<Case>([
      ['single quotes by default', 'old_data', "'old_data'"],
      ['the empty string', '', "''"],
      ['double quotes when it holds \' and no "', "it's", '"it\'s"'],
      ['a " needs no escape inside single quotes', 'say "hi"', `'say "hi"'`],
      ["both quotes: single quotes, ' escaped", `both ' and "`, String.raw`'both \' and "'`],
      ['a backslash is doubled', 'a\\b', String.raw`'a\\b'`],
      ['newline, tab and carriage return', 'line\nnext\t\r', String.raw`'line\nnext\t\r'`],
      ['other control characters as \\xNN', '\x00\x1f\x7f', String.raw`'\x00\x1f\x7f'`],
      ['C1 controls and the no-break space', '\x80\xa0', String.raw`'\x80\xa0'`],
      ['printable non-ASCII as is', 'café', "'café'"],
      ['an emoji as is', '😀', "'😀'"],
      ['a zero-width space as \\uNNNN', '\u200b', String.raw`'\u200b'`],
      ['a line separator as \\uNNNN', '\u2028', String.raw`'\u2028'`],
      ['an astral format character as \\UNNNNNNNN', '\u{e0001}', String.raw`'\U000e0001'`],
      ['a lone surrogate', '\ud800', String.raw`'\ud800'`],
      ['a cache key with a space', 'user 42', "'user 42'"],
    ])('%s', (_label, value, expected) => {
      expect(pyRepr(value)).toBe(expected);
    });
  });

  describe('bytes', () => {
    it.each<Case>([
      // jsdom's TextEncoder returns a Uint8Array of another realm: still bytes.
      ['printable ASCII', new TextEncoder().encode('abc'), "b'abc'"],
      ['empty bytes', bytes(), "b''"],
      [
        'escapes for everything else',
        bytes(0, 9, 10, 13, 39, 92, 127, 128, 255),
        String.raw`b"\x00\t\n\r'\\\x7f\x80\xff"`,
      ],
      ['both quotes', bytes(39, 34), String.raw`b'\'"'`],
    ])('%s', (_label, value, expected) => {
      expect(pyRepr(value)).toBe(expected);
    });
  });

  describe('containers', () => {
    const selfList: unknown[] = [1];
    selfList.push(selfList);
    const selfDict: Record<string, unknown> = {};
    selfDict.self = selfDict;

    it.each<Case>([
      ['a list', [1, 'a'], "[1, 'a']"],
      ['an empty list', [], '[]'],
      [
        'a dict from a plain object',
        { user_profile_42: 'old_data' },
        "{'user_profile_42': 'old_data'}",
      ],
      ['an empty dict', {}, '{}'],
      ['a dict without a prototype', Object.assign(Object.create(null), { a: 1 }), "{'a': 1}"],
      [
        'a dict from a Map with keys of any type',
        new Map<unknown, unknown>([
          [1, 'a'],
          ['b', [1, null, true]],
        ]),
        "{1: 'a', 'b': [1, None, True]}",
      ],
      ['an empty Map', new Map(), '{}'],
      ['a set', new Set([1, 2]), '{1, 2}'],
      ['an empty set', new Set(), 'set()'],
      [
        'nested values',
        { profile: { name: "O'Brien", tags: ['a'], avatar: bytes(0x89) } },
        `{'profile': {'name': "O'Brien", 'tags': ['a'], 'avatar': b'\\x89'}}`,
      ],
      ['a list that contains itself', selfList, '[1, [...]]'],
      ['a dict that contains itself', selfDict, "{'self': {...}}"],
      ['a shared value that is not a cycle', ((x: number[]) => [x, x])([1]), '[[1], [1]]'],
    ])('%s', (_label, value, expected) => {
      expect(pyRepr(value)).toBe(expected);
    });
  });

  describe('other objects', () => {
    class Profile {}
    it.each<Case>([
      [
        'an error as a Python exception',
        new Error("Key ':1:x' not found"),
        `Error("Key ':1:x' not found")`,
      ],
      ['a class instance', new Profile(), '<Profile object>'],
      ['a named function', function refresh() {}, '<function refresh>'],
    ])('%s', (_label, value, expected) => {
      expect(pyRepr(value)).toBe(expected);
    });
  });
});

describe('pyStr', () => {
  it.each<Case>([
    ['a string is unquoted', 'old_data', 'old_data'],
    ['a string keeps control characters', 'a\nb', 'a\nb'],
    ['None', null, 'None'],
    ['a bool', false, 'False'],
    ['an int', 0, '0'],
    ['a float', 0.5, '0.5'],
    ['a list still reprs its items', ['a'], "['a']"],
    ['bytes print as their repr', bytes(97), "b'a'"],
  ])('%s', (_label, value, expected) => {
    expect(pyStr(value)).toBe(expected);
  });
});
