import { describe, expect, it } from 'vitest';
import { randomLesson } from '../../../src/engine';
import { summarizeScenario } from '../../../src/features/sandbox/sandbox-view';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';

describe('Scenario summary', () => {
  it('counts steps and quiz questions and names the single default actor', () => {
    expect(summarizeScenario(deleteOnUpdate)).toEqual({
      title: 'Cache invalidation strategies in Django',
      steps: 5,
      actors: ['request'],
      questions: 3,
      announcement: 'Loaded "Cache invalidation strategies in Django": 5 steps, 1 actor.',
    });
  });

  it('lists distinct actors in numeric order', () => {
    const lesson = randomLesson(4, { steps: 60, actors: 11 });
    const { actors, announcement } = summarizeScenario(lesson);
    expect(actors[0]).toBe('request 1');
    expect(actors.indexOf('request 2')).toBeLessThan(actors.indexOf('request 10'));
    expect(new Set(actors).size).toBe(actors.length);
    expect(announcement).toBe(`Loaded "Random scenario 4": 60 steps, ${actors.length} actors.`);
  });

  it('says "1 step" for a one-step scenario', () => {
    expect(summarizeScenario(randomLesson(1, { steps: 1 })).announcement).toMatch(
      /: 1 step, 1 actor\.$/,
    );
  });
});
