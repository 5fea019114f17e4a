import { describe, expect, it } from 'vitest';
import { parseLesson, run } from '../../../src/engine';
import { catalog } from '../../../src/lessons/catalog';
import {
  DEFAULT_LESSON_ID,
  findLesson,
  isLessonId,
  lessonIndex,
  loadAllLessons,
} from '../../../src/lessons';

describe('The lesson catalog', () => {
  it('lists every lesson in the index, in order, with the same metadata', () => {
    expect(
      catalog.map(({ id, title, summary, group, difficulty }) => ({
        id,
        title,
        summary,
        group,
        difficulty,
      })),
    ).toEqual(lessonIndex);
  });

  it('starts with the default lesson', () => {
    expect(lessonIndex[0].id).toBe(DEFAULT_LESSON_ID);
    expect(findLesson(DEFAULT_LESSON_ID)).toBeDefined();
  });

  it('loads the other lessons on demand', async () => {
    await loadAllLessons();
    for (const meta of lessonIndex) expect(findLesson(meta.id)?.id).toBe(meta.id);
    // The bodies loaded one by one are the catalog's, every one of them.
    for (const lesson of catalog) expect(findLesson(lesson.id)).toBe(lesson);
    expect(isLessonId('nope')).toBe(false);
  });

  it.each(catalog.map((lesson) => [lesson.id, lesson] as const))(
    '%s passes the schema, runs, and has 3 key moments and 3 quiz questions',
    (_id, lesson) => {
      const { remedy, ...data } = lesson;
      expect(() => parseLesson(JSON.parse(JSON.stringify(data)))).not.toThrow();
      expect(lesson.keyMoments).toHaveLength(3);
      expect(lesson.quiz).toHaveLength(3);
      const trace = run(lesson);
      expect(trace.frames).toHaveLength(lesson.steps.length + 1);
      for (const q of lesson.quiz) expect(q.step).toBeLessThanOrEqual(lesson.steps.length);
      if (lesson.remedy) {
        const patched = { ...lesson, ...lesson.remedy.patch };
        expect(patched.steps).toHaveLength(lesson.steps.length);
        expect(JSON.stringify(run(patched).frames.at(-1))).not.toBe(
          JSON.stringify(trace.frames.at(-1)),
        );
      }
    },
  );
});
