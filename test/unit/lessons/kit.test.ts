import { describe, expect, it } from 'vitest';
import {
  actionOf,
  cacheKeyOf,
  defineLesson,
  LessonKitError,
  parseListing,
  right,
  wrong,
  type LessonSpec,
} from '../../../src/lessons/kit';
import {
  profileModels,
  profileRead,
  profileSave,
  seedColumns,
} from '../../../src/lessons/building-blocks';

/** A small valid spec; each test breaks one field of it. */
function spec(): LessonSpec {
  return {
    meta: {
      id: 'tiny',
      title: 'Tiny',
      summary: 'A tiny lesson.',
      group: 'Strategies',
      difficulty: 'Beginner',
    },
    flow: ['Read', 'Write'],
    flowCaption: 'Read, then write.',
    code: {
      caption: 'A listing.',
      source: [
        'def get():',
        '    cache.get(k)  # [read]',
        'def put():',
        '    save()  # [write]',
      ].join('\n'),
    },
    setup: { models: profileModels(), bindings: [] },
    steps: [
      {
        result: 'Cached',
        narration: 'A miss caches the row.',
        shows: ['read', 'miss', 'set'],
        ops: [profileRead()],
        code: ['read'],
        stage: 'Read',
        says: 'First a read.',
      },
      {
        result: 'Saved',
        narration: 'The row is saved.',
        shows: ['saved'],
        ops: [profileSave('new')],
        code: ['write'],
        stage: 'Write',
        says: 'Then a write.',
        then: ['The end.'],
      },
    ],
    columns: seedColumns(),
    tracked: [],
    keyMoments: [{ question: 'Q?', answer: 'A.', step: 1 }],
    quiz: [
      {
        question: 'Which?',
        options: [right('a', 'because'), wrong('b', 'no'), wrong('c', 'no'), wrong('d', 'no')],
        hint: 'Look.',
        step: 1,
      },
    ],
    snapshot: { title: 'T', lines: ['x'] },
  };
}

const fails = (change: (s: LessonSpec) => void, message: string) => {
  const s = spec();
  change(s);
  expect(() => defineLesson(s)).toThrow(LessonKitError);
  expect(() => defineLesson(s)).toThrow(message);
};

describe('The lesson kit', () => {
  it('strips region markers from the shown listing and maps regions to lines', () => {
    const listing = parseListing('a\nb  # [x]\nc  # [x, y]\n# comment  # [y]');
    expect(listing.source).toBe('a\nb\nc\n# comment');
    expect(listing.regions.get('x')).toEqual([2, 3]);
    expect(listing.regions.get('y')).toEqual([3, 4]);
  });

  it('compiles names to the indexes the engine reads', () => {
    const lesson = defineLesson(spec());
    expect(lesson.steps.map((s) => s.lines)).toEqual([[2], [4]]);
    expect(lesson.steps.map((s) => s.stage)).toEqual([0, 1]);
    expect(lesson.transcript).toEqual(['First a read.', 'Then a write.', 'The end.']);
    expect(lesson.steps.map((s) => s.transcript)).toEqual([0, 1]);
    expect(lesson.quiz[0]).toMatchObject({ answer: 0, explanation: 'because' });
    expect(lesson.quiz[0].feedback).toEqual(['', 'no', 'no', 'no']);
  });

  it('derives the Action and Cache Key columns from the ops', () => {
    const lesson = defineLesson(spec());
    expect(lesson.steps[0].cacheKey).toBe('user_profile_42');
    expect(lesson.steps[1].cacheKey).toBe('-');
    expect(lesson.steps[1].action).toBe(actionOf([profileSave('new')]));
    expect(cacheKeyOf([{ op: 'onCommit', ops: [{ op: 'cache.delete', key: 'k' }] }])).toBe('k');
  });

  it('names the lesson, step and field of every mistake', () => {
    fails(
      (s) => (s.steps[1].code = ['save']),
      "lesson 'tiny', step 2, code: unknown region 'save' (known: read, write)",
    );
    fails(
      (s) => (s.steps[0].stage = 'Reed'),
      "lesson 'tiny', step 1, stage: 'Reed' is not a flow stage",
    );
    fails((s) => (s.steps[1].result = ' '), "lesson 'tiny', step 2, result: is empty");
    fails(
      (s) => (s.quiz[0].options[1] = right('b')),
      "lesson 'tiny', quiz 1, options: needs one right() option, has 2",
    );
    fails(
      (s) => (s.quiz[0].options[2] = wrong('c', '')),
      "lesson 'tiny', quiz 1, option 3: wrong() needs a why",
    );
    fails((s) => (s.quiz[0].step = 3), "lesson 'tiny', quiz 1, step: 3 is not a step (1..2)");
    fails((s) => (s.keyMoments[0].step = 0), "lesson 'tiny', key moment 1, step: 0 is not a step");
    fails(
      (s) => (s.remedy = { label: 'R', description: 'D', steps: { 2: { says: 'Nope.' } } }),
      "lesson 'tiny', remedy step 2, says: 'Nope.' is not a transcript sentence",
    );
    fails(
      (s) => (s.remedy = { label: 'R', description: 'D', steps: { 5: { result: 'x' } } }),
      "lesson 'tiny', remedy, steps: 5 is not a step (1..2)",
    );
  });

  it('applies remedy patches per step and keeps the step count', () => {
    const s = spec();
    s.remedy = { label: 'R', description: 'D', steps: { 2: { result: 'Saved and kept' } } };
    const lesson = defineLesson(s);
    const steps = lesson.remedy?.patch.steps ?? [];
    expect(steps).toHaveLength(2);
    expect(steps[0]).toEqual(lesson.steps[0]);
    expect(steps[1].result).toBe('Saved and kept');
  });
});
