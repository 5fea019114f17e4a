import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActorOutcome, Outcome } from '../../../src/engine';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';
import {
  sourceLines,
  tokenizeLines,
  type Token,
  type TokenType,
} from '../../../src/features/code-panel/highlight-python';
import {
  codeLines,
  lineHint,
  lineMarker,
  outcomeBadges,
} from '../../../src/features/code-panel/view-model';

const joined = (line: Token[]): string => line.map((token) => token.text).join('');
const ofType = (line: Token[], type: TokenType): string[] =>
  line.filter((token) => token.type === type).map((token) => token.text.trim());

describe('tokenizeLines', () => {
  const source = deleteOnUpdate.code.source;
  const lines = tokenizeLines(source);

  it('gives one token list per source line', () => {
    expect(lines).toHaveLength(source.split('\n').length);
  });

  it('keeps every line’s text exactly', () => {
    expect(lines.map(joined)).toEqual(source.split('\n'));
  });

  it('gives an empty line no tokens', () => {
    expect(lines[2]).toEqual([]);
  });

  it('finds keywords', () => {
    expect(ofType(lines[0], 'keyword')).toEqual(['from', 'import']);
    expect(ofType(lines[6], 'keyword')).toEqual(['if', 'is', 'None']);
  });

  it('treats None, True and False as keywords', () => {
    const [line] = tokenizeLines('x = None or True or False');
    expect(ofType(line, 'keyword')).toEqual(['None', 'or', 'True', 'or', 'False']);
  });

  it('finds strings, f-strings included', () => {
    expect(ofType(lines[16], 'string')).toEqual(["f'user_profile_", "'"]);
    expect(ofType(lines[4], 'string')).toEqual(["f'user_profile_", "'"]);
  });

  it('colours the expression inside f-string braces as code', () => {
    expect(ofType(lines[4], 'plain')).toContain('user_id');
  });

  it('finds comments', () => {
    expect(lines[15]).toEqual([
      { text: '    ', type: 'plain' },
      { text: '# Invalidate cache key after data update', type: 'comment' },
    ]);
  });

  it('finds function names after def', () => {
    expect(ofType(lines[3], 'function')).toEqual(['get_profile']);
    expect(ofType(lines[11], 'function')).toEqual(['update_profile']);
  });

  it('finds builtins, but not methods that share their names', () => {
    const [line] = tokenizeLines('cache.set(key, len(items), set())');
    expect(ofType(line, 'builtin')).toEqual(['len', 'set']);
    expect(joined(line)).toBe('cache.set(key, len(items), set())');
  });

  it('finds numbers', () => {
    const [line] = tokenizeLines('cache.set(key, 1, timeout=300.5)');
    expect(ofType(line, 'number')).toEqual(['1', '300.5']);
  });

  it('splits multi-line tokens so each line stands alone', () => {
    const code = 'doc = """one\ntwo"""\nx = 1';
    const result = tokenizeLines(code);
    expect(result.map(joined)).toEqual(['doc = """one', 'two"""', 'x = 1']);
    expect(result[1]).toEqual([{ text: 'two"""', type: 'string' }]);
  });

  it('handles Windows line endings', () => {
    const code = 'a = 1\r\nb = 2';
    expect(tokenizeLines(code).map(joined)).toEqual(sourceLines(code));
    expect(sourceLines(code)).toEqual(['a = 1', 'b = 2']);
  });

  it('handles empty source', () => {
    expect(tokenizeLines('')).toEqual([[]]);
  });

  it('colours decorators, class names and the parts of an f-string’s field', () => {
    const lines = tokenizeLines(
      '@receiver(post_save, sender=Profile)\nclass Profile(Model):\n    s = f"{name!r:>10} {{x}}"',
    );
    expect(ofType(lines[0], 'function')).toEqual(['@receiver']);
    expect(ofType(lines[1], 'function')).toEqual(['Profile']);
    expect(lines[2].slice(3)).toEqual([
      { text: 'f"', type: 'string' },
      { text: '{', type: 'punctuation' },
      { text: 'name', type: 'plain' },
      { text: '!r:', type: 'punctuation' },
      { text: '>10', type: 'plain' },
      { text: '}', type: 'punctuation' },
      { text: ' {{x}}"', type: 'string' },
    ]);
  });

  it('ends an unterminated string at its line, a triple-quoted one at the end', () => {
    expect(tokenizeLines("x = 'open\ny = 1").map((line) => ofType(line, 'string'))).toEqual([
      ["'open"],
      [],
    ]);
    expect(tokenizeLines('x = """open\ny = 1')[1]).toEqual([{ text: 'y = 1', type: 'string' }]);
  });

  it('keeps the text of any input, line by line (a sandbox listing can be anything)', () => {
    const alphabet = [...'abdefr_ 019.:#@\'"{}()[]!=<>+-*/\\\n\r\t'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }).map((cs) => cs.join('')),
        (source) => {
          expect(tokenizeLines(source).map(joined)).toEqual(sourceLines(source));
        },
      ),
      { seed: 20261201, numRuns: 2000 },
    );
  });

  it('scans long hostile text in one pass', () => {
    for (const source of ["'".repeat(200_000), 'f"' + '{'.repeat(100_000), '@a.'.repeat(50_000)]) {
      expect(tokenizeLines(source).map(joined).join('')).toBe(source);
    }
  });
});

describe('codeLines', () => {
  const tokens = tokenizeLines('a = 1\nb = 2\nc = 3\nd = 4');

  it('marks the lines that ran and the lines that run next', () => {
    const lines = codeLines(tokens, [2, 3], [4]);
    expect(lines.map((line) => [line.number, line.isRan, line.isNext])).toEqual([
      [1, false, false],
      [2, true, false],
      [3, true, false],
      [4, false, true],
    ]);
  });

  it('makes the first line that ran the current one', () => {
    const lines = codeLines(tokens, [3, 2], []);
    expect(lines.filter((line) => line.isCurrent).map((line) => line.number)).toEqual([2]);
  });

  it('has no current line before anything ran', () => {
    expect(codeLines(tokens, [], [1]).some((line) => line.isCurrent)).toBe(false);
  });

  it('ignores line numbers outside the source', () => {
    expect(codeLines(tokens, [0, 9], [12]).some((line) => line.isRan || line.isNext)).toBe(false);
  });
});

describe('lineHint', () => {
  it.each([
    [true, false, 'just ran'],
    [false, true, 'runs next'],
    [true, true, 'just ran, runs next'],
    [false, false, null],
  ])('ran %s, next %s → %s', (isRan, isNext, hint) => {
    expect(lineHint({ isRan, isNext })).toBe(hint);
  });
});

describe('lineMarker', () => {
  it.each([
    [true, false, '▶'],
    [false, true, '▷'],
    [true, true, '▶▷'],
    [false, false, ''],
  ])('ran %s, next %s → %j', (isRan, isNext, mark) => {
    expect(lineMarker({ isRan, isNext })).toBe(mark);
  });
});

describe('outcomeBadges', () => {
  const at = (outcome: Outcome, actor = 'request'): ActorOutcome => ({ ...outcome, actor });
  const key = 'user_profile_42';

  it.each([
    ['a hit', { kind: 'get', key, hit: true, value: "'x'", stale: false }, 'hit', 'hit'],
    ['a miss', { kind: 'get', key, hit: false, value: 'None', stale: false }, 'miss', 'miss'],
    ['a stale hit', { kind: 'get', key, hit: true, value: "'x'", stale: true }, 'stale', 'stale'],
    ['a set', { kind: 'set', key, value: "'x'" }, 'neutral', 'cache set'],
    ['a delete', { kind: 'delete', key, deleted: true }, 'invalidate', 'invalidated'],
    ['a version bump', { kind: 'incrVersion', key, version: 2 }, 'invalidate', 'invalidated'],
  ] as const)('shows %s', (_name, outcome, tone, word) => {
    expect(outcomeBadges([at(outcome)], 'request')).toEqual([
      { tone, word, subject: key, actor: null },
    ]);
  });

  it('shows a database write with the row it wrote', () => {
    const write = at({ kind: 'db.write', model: 'Profile', pk: 42, how: 'save', signal: true });
    expect(outcomeBadges([write], 'request')).toEqual([
      { tone: 'write', word: 'write', subject: 'Profile(pk=42)', actor: null },
    ]);
  });

  it('does not call a delete of a missing key an invalidation', () => {
    const [badge] = outcomeBadges([at({ kind: 'delete', key, deleted: false })], 'request');
    expect(badge.tone).toBe('neutral');
  });

  it('leaves out transactions and the clock', () => {
    const outcomes = [
      at({ kind: 'atomic', how: 'begin', callbacks: 0 }),
      at({ kind: 'clock', seconds: 5, now: 5 }),
    ];
    expect(outcomeBadges(outcomes, 'request')).toEqual([]);
  });

  it('names the actor only when it is not the default one', () => {
    const outcomes = [
      at({ kind: 'get', key, hit: false, value: 'None', stale: false }, 'A'),
      at({ kind: 'set', key, value: "'x'" }, 'request'),
    ];
    expect(outcomeBadges(outcomes, 'request').map((badge) => badge.actor)).toEqual(['A', null]);
  });

  it('shows the seed lesson’s first step as miss, db read, cache set', () => {
    const outcomes: ActorOutcome[] = [
      at({ kind: 'get', key, hit: false, value: 'None', stale: false }),
      at({ kind: 'db.read', model: 'Profile', pk: 42, value: "'old_data'" }),
      at({ kind: 'set', key, value: "'old_data'" }),
    ];
    expect(outcomeBadges(outcomes, 'request').map((badge) => badge.word)).toEqual([
      'miss',
      'db read',
      'cache set',
    ]);
  });
});
