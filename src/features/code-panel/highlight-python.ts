/** The token kinds we colour; each maps to a `--tok-*` colour and a `tok-<type>` class. */
export type TokenType =
  | 'keyword'
  | 'string'
  | 'comment'
  | 'function'
  | 'number'
  | 'builtin'
  | 'operator'
  | 'punctuation'
  | 'plain';

/** One run of text on one line, with the kind it is coloured as. */
export interface Token {
  text: string;
  type: TokenType;
}

// Python 3's keywords (`None`, `True` and `False` among them, as the language has them), the
// soft keywords `match` and `case`, and `print` / `exec`, which readers of older code expect
// coloured.
const KEYWORDS = new Set(
  'False None True and as assert async await break case class continue def del elif else except exec finally for from global if import in is lambda match nonlocal not or pass print raise return try while with yield'.split(
    ' ',
  ),
);
const BUILTINS = new Set(
  '__import__ abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex delattr dict dir divmod enumerate eval filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord pow property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip'.split(
    ' ',
  ),
);

/*
 * One scanner, anchored where the last token ended (`y`). No alternative can backtrack more
 * than a few characters, so any text (a sandbox scenario's listing included) is scanned in one
 * linear pass. Groups: 1 comment, 2 a string's start (its prefix and quote; `stringEnd` finds
 * its end), 3 number, 4 name, 5 operator, 6 punctuation, 7 `@`, 8 space or line break.
 * Anything else is one plain character.
 */
const SCAN = new RegExp(
  [
    '(#[^\\r\\n]*)',
    '([rRbBuUfF]{0,2}["\'])',
    '(\\b0[bB](?:_?[01])+\\b|\\b0[oO](?:_?[0-7])+\\b|\\b0[xX](?:_?[0-9a-fA-F])+\\b|(?:\\b\\d+(?:_\\d+)*(?:\\.(?:\\d+(?:_\\d+)*)?)?|\\B\\.\\d+(?:_\\d+)*)(?:[eE][+-]?\\d+(?:_\\d+)*)?[jJ]?(?!\\w))',
    '([A-Za-z_][A-Za-z0-9_]*)',
    '(!=|:=|->|\\*\\*=?|\\/\\/=?|<<=?|>>=?|[-+%=<>*\\/&|^]=?|~)',
    '([{}[\\]();,.:])',
    '(@)',
    '([ \\t]+|\\r\\n?|\\n)',
    '[\\s\\S]',
  ].join('|'),
  'y',
);

const LINE_BREAK = /\r\n?|\n/;

/** Where the string token at the scanner's match ends, quotes included. */
function stringEnd(source: string, start: number): number {
  let i = start;
  while (/[rRbBuUfF]/.test(source[i] ?? '')) i += 1;
  const triple = source.startsWith(source[i].repeat(3), i);
  const quote = triple ? source[i].repeat(3) : source[i];
  i += quote.length;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (source.startsWith(quote, i)) return i + quote.length;
    else if (!triple && (c === '\n' || c === '\r')) return i;
    else i += 1;
  }
  return source.length;
}

/** An f-string's text, its `{expression}` parts tokenized as code (Python 3.6+). */
function fString(text: string, out: Token[]): void {
  let run = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if ((c === '{' || c === '}') && text[i + 1] === c) {
      run += c + c;
      i += 2;
    } else if (c === '{') {
      // The expression runs to the `}` that closes this brace.
      let depth = 1;
      let j = i + 1;
      while (j < text.length && depth > 0) {
        if (text[j] === '{') depth += 1;
        else if (text[j] === '}') depth -= 1;
        j += 1;
      }
      if (depth > 0) {
        run += text.slice(i);
        break;
      }
      if (run) out.push({ text: run, type: 'string' });
      run = '';
      out.push({ text: '{', type: 'punctuation' });
      // `{value!r:>10}`: the expression, then its conversion and format spec.
      let expression = text.slice(i + 1, j - 1);
      const spec = /:[^:(){}]+$/.exec(expression)?.[0] ?? '';
      expression = expression.slice(0, expression.length - spec.length);
      const conversion = /![sra]$/.exec(expression)?.[0] ?? '';
      scan(expression.slice(0, expression.length - conversion.length), out);
      if (conversion || spec)
        out.push({ text: conversion + spec.slice(0, 1), type: 'punctuation' });
      if (spec.length > 1) out.push({ text: spec.slice(1), type: 'plain' });
      out.push({ text: '}', type: 'punctuation' });
      i = j;
    } else {
      run += c;
      i += 1;
    }
  }
  if (run) out.push({ text: run, type: 'string' });
}

/** Tokens of `source`, in order; their texts join to exactly `source`. */
function scan(source: string, out: Token[]): void {
  // What the previous name was, for `def name(` and `class Name`.
  let after: 'def' | 'class' | null = null;
  let isLineStart = true;
  let pos = 0;
  while (pos < source.length) {
    SCAN.lastIndex = pos;
    const m = SCAN.exec(source) as RegExpExecArray;
    let text = m[0];
    let type: TokenType = 'plain';
    if (m[2] !== undefined) {
      const end = stringEnd(source, pos);
      text = source.slice(pos, end);
      if (/^[rRbBuU]?[fF]/.test(text)) fString(text, out);
      else out.push({ text, type: 'string' });
      pos = end;
      after = null;
      isLineStart = false;
      continue;
    }
    if (m[7] !== undefined && isLineStart) {
      // A decorator: `@name` or `@name.attr` at the start of its line.
      const name = /^@\w+(?:\.\w+)*/.exec(source.slice(pos, pos + 200));
      if (name) {
        for (const part of name[0].split(/(\.)/)) {
          if (part) out.push({ text: part, type: part === '.' ? 'punctuation' : 'function' });
        }
        pos += name[0].length;
        isLineStart = false;
        continue;
      }
    }
    if (m[1] !== undefined) type = 'comment';
    else if (m[3] !== undefined) type = 'number';
    else if (m[4] !== undefined) {
      if (
        after === 'class' ||
        (after === 'def' &&
          /^[ \t]*\(/.test(source.slice(pos + text.length, pos + text.length + 200)))
      )
        type = 'function';
      else if (KEYWORDS.has(text)) type = 'keyword';
      // `cache.set` and `row.id` are attributes, not the builtins of those names.
      else if (BUILTINS.has(text) && out[out.length - 1]?.text !== '.') type = 'builtin';
    } else if (m[5] !== undefined || m[7] !== undefined) type = 'operator';
    else if (m[6] !== undefined) type = 'punctuation';
    if (m[8] === undefined) {
      after = type === 'keyword' && (text === 'def' || text === 'class') ? text : null;
      isLineStart = false;
    } else if (/[\r\n]/.test(text)) {
      after = null;
      isLineStart = true;
    }
    out.push({ text, type });
    pos += text.length;
  }
}

/**
 * Tokenizes Python source and splits the tokens at line breaks, so each source line can be
 * its own element (for the just-ran / next-line markers). The joined text of line i is
 * exactly source line i; adjacent runs of one kind are merged; an empty line is an empty
 * array. Small and synchronous, so the first view's code is coloured in the prerendered page.
 */
export function tokenizeLines(source: string): Token[][] {
  const flat: Token[] = [];
  scan(source, flat);
  const lines: Token[][] = [[]];
  for (const { text, type } of flat) {
    text.split(LINE_BREAK).forEach((part, partIndex) => {
      if (partIndex > 0) lines.push([]);
      if (part === '') return;
      const line = lines[lines.length - 1];
      const last = line[line.length - 1];
      if (last && last.type === type) last.text += part;
      else line.push({ text: part, type });
    });
  }
  return lines;
}

/** Splits source into lines the same way `tokenizeLines` does. */
export function sourceLines(source: string): string[] {
  return source.split(LINE_BREAK);
}
