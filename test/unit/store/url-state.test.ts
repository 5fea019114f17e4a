import { describe, expect, it } from 'vitest';
import { formatUrlState, parseUrlState } from '../../../src/store/url-state';

describe('URL → state', () => {
  it('opens the default lesson at step 0 for /', () => {
    const s = parseUrlState('');
    expect(s).toMatchObject({ view: 'lesson', lessonId: 'delete-on-update', step: 0, skip: [] });
    expect(s.notices).toEqual([]);
  });

  it('opens a lesson at a step', () => {
    expect(parseUrlState('?lesson=delete-on-update&step=3').step).toBe(3);
  });

  it.each([
    ['999', 5],
    ['-1', 0],
    ['abc', 0],
    ['2.7', 2],
    ['', 0],
  ])('clamps step=%s to %i with a notice naming the value', (raw, expected) => {
    const s = parseUrlState(`?step=${raw}`);
    expect(s.step).toBe(expected);
    expect(s.notices.join(' ')).toContain(`"${raw}"`);
  });

  it('falls back to the default lesson for an unknown one and names it', () => {
    const s = parseUrlState('?lesson=nope&step=2');
    expect(s.lessonId).toBe('delete-on-update');
    expect(s.notices[0]).toContain('"nope"');
  });

  it('keeps markup in a bad value as plain text (the UI renders it as text)', () => {
    const s = parseUrlState('?lesson=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    expect(s.notices[0]).toContain('<img src=x onerror=alert(1)>');
  });

  it('turns on skips for skippable steps and ignores others with a notice', () => {
    const s = parseUrlState('?skip=3,4,x,3');
    expect(s.skip).toEqual([3]);
    expect(s.notices[0]).toContain('"4"');
    expect(s.notices[0]).toContain('"x"');
  });

  it('reads presenter, embed and view flags', () => {
    expect(parseUrlState('?present=1').isPresenting).toBe(true);
    expect(parseUrlState('?embed=1').isEmbedded).toBe(true);
    expect(parseUrlState('?view=lessons').view).toBe('lessons');
    expect(parseUrlState('?view=bogus').notices).toHaveLength(1);
  });
});

describe('state → URL', () => {
  const base = {
    view: 'lesson' as const,
    lessonId: 'delete-on-update',
    step: 0,
    skip: [],
    isRemedy: false,
    isPresenting: false,
    isEmbedded: false,
  };

  it('leaves the defaults out so / stays /', () => {
    expect(formatUrlState(base)).toBe('');
  });

  it('writes lesson, step and skips', () => {
    expect(formatUrlState({ ...base, step: 4, skip: [3] })).toBe(
      '?lesson=delete-on-update&step=4&skip=3',
    );
  });

  it('round-trips', () => {
    const query = formatUrlState({ ...base, step: 2, skip: [3], isPresenting: true });
    expect(parseUrlState(query)).toMatchObject({
      step: 2,
      skip: [3],
      isPresenting: true,
      notices: [],
    });
  });
});
