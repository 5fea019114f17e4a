import Prism from 'prismjs/components/prism-core';
// The grammar registers itself on the global Prism the core just created.
import 'prismjs/components/prism-python';

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

/**
 * Prism's Python token names (and aliases) folded into our smaller set. `None`, `True` and
 * `False` are keywords in Python 3, so Prism's `boolean` is coloured as one. Names absent here
 * (such as `string-interpolation`'s `interpolation`) fall back to their parent's kind.
 */
const TYPE_OF: Record<string, TokenType> = {
  keyword: 'keyword',
  boolean: 'keyword',
  string: 'string',
  'string-interpolation': 'string',
  'triple-quoted-string': 'string',
  comment: 'comment',
  function: 'function',
  'class-name': 'function',
  decorator: 'function',
  number: 'number',
  builtin: 'builtin',
  operator: 'operator',
  punctuation: 'punctuation',
  // The expression inside an f-string's braces is code, not string.
  interpolation: 'plain',
};

const LINE_BREAK = /\r\n?|\n/;

function kindOf(token: Prism.Token, parent: TokenType): TokenType {
  const aliases = Array.isArray(token.alias) ? token.alias : token.alias ? [token.alias] : [];
  for (const name of [token.type, ...aliases]) {
    const type = TYPE_OF[name];
    if (type) return type;
  }
  return parent;
}

function flatten(stream: Prism.TokenStream, parent: TokenType, out: Token[]): void {
  if (typeof stream === 'string') {
    out.push({ text: stream, type: parent });
  } else if (Array.isArray(stream)) {
    for (const item of stream) flatten(item, parent, out);
  } else {
    flatten(stream.content, kindOf(stream, parent), out);
  }
}

/**
 * Tokenizes Python source with Prism and splits the token stream at line breaks, so each
 * source line can be its own element (for the just-ran / next-line markers). The joined text
 * of line i is exactly source line i; adjacent runs of one kind are merged; an empty line is
 * an empty array.
 */
export function tokenizeLines(source: string): Token[][] {
  const flat: Token[] = [];
  flatten(Prism.tokenize(source, Prism.languages.python), 'plain', flat);
  const lines: Token[][] = [[]];
  flat.forEach(({ text, type: prismType }, index) => {
    // Prism colours any builtin name, but `cache.set` and `row.id` are attributes, not builtins.
    const isAttribute = prismType === 'builtin' && flat[index - 1]?.text.endsWith('.');
    const type = isAttribute ? 'plain' : prismType;
    text.split(LINE_BREAK).forEach((part, partIndex) => {
      if (partIndex > 0) lines.push([]);
      if (part === '') return;
      const line = lines[lines.length - 1];
      const last = line[line.length - 1];
      if (last && last.type === type) last.text += part;
      else line.push({ text: part, type });
    });
  });
  return lines;
}

/** Splits source into lines the same way `tokenizeLines` does. */
export function sourceLines(source: string): string[] {
  return source.split(LINE_BREAK);
}
