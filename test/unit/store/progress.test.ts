import { describe, expect, it } from 'vitest';
import { sanitizeProgress } from '../../../src/store/progress';
import { THEMES } from '../../../src/store/preferences-slice';

describe('Stored progress', () => {
  it('keeps valid progress as it is', () => {
    const input = {
      theme: 'dark',
      speed: 1.5,
      isShowingAllSteps: true,
      answers: { 'delete-on-update': { 0: { selected: 0, checked: 0 } } },
    };
    expect(sanitizeProgress(input, THEMES)).toEqual({ value: input, problems: [] });
  });

  it('drops malformed fields, names them, and keeps the rest', () => {
    const { value, problems } = sanitizeProgress(
      {
        theme: '<script>',
        speed: 'fast',
        answers: {
          'delete-on-update': { 0: { selected: 9, checked: 0 }, 1: { selected: 2, checked: 2 } },
        },
      },
      THEMES,
    );
    expect(problems).toEqual(['theme', 'speed', 'some quiz answers']);
    expect(value).toEqual({ answers: { 'delete-on-update': { 1: { selected: 2, checked: 2 } } } });
  });

  it('rejects a non-object', () => {
    expect(sanitizeProgress('garbage', THEMES).problems).toEqual(['not an object']);
  });
});
