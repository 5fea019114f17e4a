import { describe, expect, it } from 'vitest';
import {
  cellOf,
  compareMatrix,
  compareTrace,
  DEFAULT_SELECTION,
  parseSeconds,
} from '../../../src/features/compare/compare-view';

const DEFAULTS = { ttl: 60, wait: 90 };
const labels = (matrix: ReturnType<typeof compareMatrix>) =>
  matrix.rows.map((row) => row.cells.map((cell) => cell.label));

describe('Compare matrix', () => {
  it('has a row per story step and a column per chosen strategy, in catalogue order', () => {
    const matrix = compareMatrix(['ttl', 'no-invalidation', 'delete-on-update'], DEFAULTS);
    expect(matrix.columns.map((c) => c.strategy.label)).toEqual([
      'No invalidation',
      'Delete on update',
      'TTL',
    ]);
    expect(matrix.rows.map((row) => row.label)).toEqual([
      '1. Read',
      '2. Update the profile',
      '3. Read again',
      '4. Read after 90 s',
    ]);
  });

  it('gives each cell a verdict: miss → fresh, stale, fresh, or — with what the step did', () => {
    const matrix = compareMatrix(DEFAULT_SELECTION, DEFAULTS);
    expect(labels(matrix)).toEqual([
      ['miss → fresh', 'miss → fresh', 'miss → fresh'],
      ['—', '—', '—'],
      ['stale', 'miss → fresh', 'stale'],
      ['stale', 'fresh', 'miss → fresh'],
    ]);
    expect(matrix.rows[1].cells.map((cell) => cell.note)).toEqual([
      'cache untouched',
      'key deleted',
      'cache untouched',
    ]);
    expect(matrix.rows[2].cells.map((cell) => cell.icon)).toEqual(['⚠', '○', '⚠']);
    expect(matrix.rows[3].cells[1]).toMatchObject({
      verdict: 'fresh',
      isRefetch: false,
      icon: '✓',
    });
  });

  it('notes a write-through set in the update step', () => {
    const matrix = compareMatrix(['update-on-write', 'delete-on-update'], DEFAULTS);
    expect(matrix.rows[1].cells[1].note).toBe("cache set to 'fresh_data'");
  });

  it('counts DB queries per step and per strategy', () => {
    const matrix = compareMatrix(DEFAULT_SELECTION, DEFAULTS);
    expect(matrix.rows.map((row) => row.cells.map((cell) => cell.queries))).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(matrix.columns.map((c) => c.queries)).toEqual([3, 4, 4]);
  });

  it('sums up stale reads, most first', () => {
    expect(compareMatrix(DEFAULT_SELECTION, DEFAULTS).summary).toBe(
      'Stale reads: No invalidation 2, TTL 1, Delete on update 0',
    );
  });

  it('follows the TTL and the wait', () => {
    const longTtl = compareMatrix(['ttl', 'delete-on-update'], { ttl: 120, wait: 90 });
    expect(longTtl.rows[3].cells[1].label).toBe('stale');
    expect(longTtl.rows[3].label).toBe('4. Read after 90 s');
    const longWait = compareMatrix(['no-invalidation'], { ttl: 60, wait: 600 });
    expect(longWait.rows[3]).toMatchObject({ label: '4. Read after 600 s' });
    expect(longWait.rows[3].cells[0].label).toBe('miss → fresh');
  });

  it('drops unknown strategies and copes with none chosen', () => {
    expect(compareMatrix(['nope', 'ttl'], DEFAULTS).columns).toHaveLength(1);
    expect(compareMatrix([], DEFAULTS)).toEqual({ columns: [], rows: [], summary: '' });
  });

  it('runs each story once per strategy and options', () => {
    expect(compareTrace('ttl', DEFAULTS)).toBe(compareTrace('ttl', { ...DEFAULTS }));
    expect(compareTrace('ttl', DEFAULTS)).not.toBe(compareTrace('ttl', { ttl: 61, wait: 90 }));
  });

  it('reads the start frame as a step with no read', () => {
    expect(cellOf(compareTrace('ttl', DEFAULTS).frames[0])).toMatchObject({
      verdict: 'none',
      label: '—',
      queries: 0,
    });
  });
});

describe('Seconds fields', () => {
  it('accepts whole seconds from 0 to 3600', () => {
    expect(parseSeconds('120', 'TTL', 60)).toEqual({ value: 120, message: null });
    expect(parseSeconds(' 0 ', 'TTL', 60)).toEqual({ value: 0, message: null });
    expect(parseSeconds('3600', 'TTL', 60)).toEqual({ value: 3600, message: null });
  });

  it('clamps out-of-range numbers and says so', () => {
    expect(parseSeconds('-5', 'TTL', 60)).toEqual({
      value: 0,
      message: 'TTL is outside 0 to 3600: using 0.',
    });
    expect(parseSeconds('1e9', 'TTL', 60).value).toBe(3600);
  });

  it('rounds fractions and says so', () => {
    expect(parseSeconds('1.6', 'TTL', 60)).toEqual({
      value: 2,
      message: 'TTL is not a whole number: using 2.',
    });
  });

  it('falls back to the default for empty or non-numeric text', () => {
    for (const text of ['', 'abc', 'Infinity', '<b>9</b>']) {
      expect(parseSeconds(text, 'The wait', 90)).toEqual({
        value: 90,
        message: 'The wait must be a number of seconds from 0 to 3600: using 90.',
      });
    }
  });
});
