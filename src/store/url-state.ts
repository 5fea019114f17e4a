import type { Lesson } from '../engine';
import { DEFAULT_LESSON_ID, findLesson } from '../lessons';
import { effectiveLesson, SANDBOX_LESSON_ID } from './trace-cache';

/** What the address bar asks for, after every bad value has been replaced by a safe one. */
export interface UrlState {
  view: 'lesson' | 'lessons' | 'compare' | 'practice' | 'sandbox';
  lessonId: string;
  step: number;
  skip: number[];
  isRemedy: boolean;
  isPresenting: boolean;
  isEmbedded: boolean;
  /** `&audience=1`: the presenter's audience window. */
  isAudience: boolean;
  /** `&theme=light|dark|contrast`: overrides the stored theme (embeds, projectors). */
  themeOverride: 'light' | 'dark' | 'contrast' | null;
  /** One plain-text sentence per bad value, naming it. Never rendered as HTML. */
  notices: string[];
}

export const VIEWS = ['lessons', 'compare', 'practice', 'sandbox'] as const;

/** Shorten untrusted text before it is shown back to the learner. */
function quote(value: string): string {
  const clean = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `"${clean}"`;
}

/**
 * Read `?lesson=&step=&skip=&present=&remedy=&view=&embed=` into a safe state. Unknown lessons
 * fall back to the default, steps are clamped to 0..M, unknown skips are dropped; each bad
 * value adds a notice naming it. `?lesson=sandbox` plays `sandboxLesson`, the store's loaded
 * scenario, when there is one.
 */
export function parseUrlState(search: string, sandboxLesson: Lesson | null = null): UrlState {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const viewParam = params.get('view');
  let view: UrlState['view'] = 'lesson';
  if (viewParam !== null) {
    if ((VIEWS as readonly string[]).includes(viewParam)) view = viewParam as UrlState['view'];
    else notices.push(`Unknown view ${quote(viewParam)}: showing the lesson instead.`);
  }
  const lessonParam = params.get('lesson');
  let lesson = findLesson(DEFAULT_LESSON_ID);
  if (lessonParam === SANDBOX_LESSON_ID) {
    // The sandbox scenario plays under its own id once one is loaded (or restored from storage).
    if (sandboxLesson) lesson = sandboxLesson;
    else notices.push('No sandbox scenario is loaded: opened the default lesson instead.');
  } else if (lessonParam !== null) {
    const found = findLesson(lessonParam);
    if (found) lesson = found;
    else notices.push(`Unknown lesson ${quote(lessonParam)}: opened the default lesson instead.`);
  }
  if (!lesson) throw new Error('The default lesson is missing');
  const isRemedy = params.get('remedy') === '1' && lesson.remedy !== undefined;
  // With the remedy on, steps and skips are the remedy's (it may have other steps).
  const shown = isRemedy
    ? effectiveLesson({ lessonId: lesson.id, isRemedy, sandboxLesson })
    : lesson;
  const max = shown.steps.length;
  let step = 0;
  const stepParam = params.get('step');
  if (stepParam !== null) {
    const n = Number(stepParam.trim());
    if (stepParam.trim() === '' || !Number.isFinite(n)) {
      notices.push(`Step ${quote(stepParam)} is not a number: starting at step 0.`);
    } else {
      const whole = Math.trunc(n);
      step = Math.min(max, Math.max(0, whole));
      if (step !== n)
        notices.push(`Step ${quote(stepParam)} is out of range: showing step ${step} of ${max}.`);
    }
  }
  const skip: number[] = [];
  const skipParam = params.get('skip');
  if (skipParam !== null && skipParam !== '') {
    const skippable = new Set(shown.steps.flatMap((s, i) => (s.skippable ? [i + 1] : [])));
    const ignored: string[] = [];
    for (const part of skipParam.split(',')) {
      const n = Number(part);
      if (part.trim() !== '' && Number.isInteger(n) && skippable.has(n)) {
        if (!skip.includes(n)) skip.push(n);
      } else ignored.push(part);
    }
    if (ignored.length) {
      notices.push(
        `Ignored skip ${ignored.map(quote).join(', ')}: only steps that can be skipped are.`,
      );
    }
    skip.sort((a, b) => a - b);
  }
  const themeParam = params.get('theme');
  let themeOverride: UrlState['themeOverride'] = null;
  if (themeParam === 'light' || themeParam === 'dark' || themeParam === 'contrast') {
    themeOverride = themeParam;
  } else if (themeParam !== null) {
    notices.push(`Unknown theme ${quote(themeParam)}: use light, dark or contrast.`);
  }
  return {
    view,
    lessonId: lesson.id,
    step,
    skip,
    isRemedy,
    isPresenting: params.get('present') === '1',
    isEmbedded: params.get('embed') === '1',
    isAudience: params.get('audience') === '1',
    themeOverride,
    notices,
  };
}

/** The query string for a state; defaults are left out so `/` stays `/`. */
export function formatUrlState(
  state: Omit<UrlState, 'notices' | 'isAudience' | 'themeOverride'> &
    Partial<Pick<UrlState, 'isAudience' | 'themeOverride'>>,
): string {
  const params = new URLSearchParams();
  if (state.view !== 'lesson') params.set('view', state.view);
  if (state.view === 'lesson') {
    if (state.lessonId !== DEFAULT_LESSON_ID || state.step > 0)
      params.set('lesson', state.lessonId);
    if (state.step > 0) params.set('step', String(state.step));
    if (state.skip.length) params.set('skip', state.skip.join(','));
    if (state.isRemedy) params.set('remedy', '1');
  }
  if (state.isPresenting) params.set('present', '1');
  if (state.isEmbedded) params.set('embed', '1');
  if (state.isAudience) params.set('audience', '1');
  if (state.themeOverride) params.set('theme', state.themeOverride);
  const query = params.toString().replace(/%2C/g, ',');
  return query ? `?${query}` : '';
}
