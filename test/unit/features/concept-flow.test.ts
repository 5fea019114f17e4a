import { describe, expect, it } from 'vitest';
import { beforeFlowNote, flowStages } from '../../../src/features/concept-flow/view-model';

const flow = ['Data changes', 'Identify keys', 'Delete cache', 'Serve fresh'];
const states = (stage: number) => flowStages(flow, stage).map((s) => s.state);

describe('flowStages', () => {
  it('lights the current stage and ticks the ones before it', () => {
    expect(states(2)).toEqual(['done', 'done', 'current', 'upcoming']);
  });

  it('lights the first stage with nothing done', () => {
    expect(states(0)).toEqual(['current', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('lights nothing before the flow starts', () => {
    expect(states(-1)).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('lights nothing for a stage outside the flow', () => {
    expect(states(4)).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(states(1.5)).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('keeps the labels in order', () => {
    expect(flowStages(flow, 1).map((s) => s.label)).toEqual(flow);
  });
});

describe('beforeFlowNote', () => {
  it('says nothing has run at step 0', () => {
    expect(beforeFlowNote(4, -1, 0, 'Start')).toBe('Before the flow: nothing has run yet.');
  });

  it('names a step that sets the scene', () => {
    expect(beforeFlowNote(4, -1, 1, 'Initial cache set')).toBe(
      'Before the flow: step 1 sets the scene (Initial cache set).',
    );
  });

  it('is absent while a stage is lit', () => {
    expect(beforeFlowNote(4, 0, 2, 'User data updated in DB')).toBeNull();
  });
});
