import { describe, expect, it } from 'vitest';
import { splitCode } from '../../../src/features/snapshot/view-model';

describe('splitCode', () => {
  it('marks a dotted call as code', () => {
    expect(splitCode("Use cache.delete('key') to remove stale entries.")).toEqual([
      { text: 'Use ', isCode: false },
      { text: "cache.delete('key')", isCode: true },
      { text: ' to remove stale entries.', isCode: false },
    ]);
  });

  it('finds several calls on one line', () => {
    const parts = splitCode('Wrap cache.delete(key) in transaction.on_commit(fn).');
    expect(parts.filter((p) => p.isCode).map((p) => p.text)).toEqual([
      'cache.delete(key)',
      'transaction.on_commit(fn)',
    ]);
  });

  it('leaves prose with parentheses alone', () => {
    expect(splitCode('Invalidate (delete) the key.')).toEqual([
      { text: 'Invalidate (delete) the key.', isCode: false },
    ]);
  });

  it('keeps the text exactly when joined', () => {
    const line = "a.b() then c.d('x', 1) end";
    expect(
      splitCode(line)
        .map((p) => p.text)
        .join(''),
    ).toBe(line);
  });

  it('returns one part for an empty line', () => {
    expect(splitCode('')).toEqual([{ text: '', isCode: false }]);
  });
});
