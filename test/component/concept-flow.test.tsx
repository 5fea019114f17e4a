import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConceptFlow } from '../../src/features/concept-flow/ConceptFlow';
import { deleteOnUpdate } from '../../src/lessons/delete-on-update';
import { initialState, useAppStore } from '../../src/store/store';

const goTo = (step: number) => act(() => useAppStore.getState().goTo(step));
const panel = () => screen.getByRole('region', { name: 'Concept flow' });
const stages = () => within(panel()).getAllByRole('listitem');
const current = () => panel().querySelectorAll('[aria-current="step"]');

beforeEach(() => useAppStore.setState(initialState, true));

describe('Concept flow', () => {
  it('lists the lesson’s stages in order', () => {
    render(<ConceptFlow />);
    expect(stages()).toHaveLength(deleteOnUpdate.flow.length);
    deleteOnUpdate.flow.forEach((label, i) => expect(stages()[i]).toHaveTextContent(label));
  });

  it('lights no stage at the start and says why', () => {
    render(<ConceptFlow />);
    expect(current()).toHaveLength(0);
    expect(within(panel()).getByText('Before the flow: nothing has run yet.')).toBeInTheDocument();
  });

  it('lights no stage for a step before the flow', () => {
    render(<ConceptFlow />);
    goTo(1);
    expect(current()).toHaveLength(0);
    expect(within(panel()).getByText(/step 1 sets the scene/)).toBeInTheDocument();
  });

  it('marks the stage of step 3 as the current step', () => {
    render(<ConceptFlow />);
    goTo(3);
    expect(current()).toHaveLength(1);
    expect(current()[0]).toHaveTextContent('Delete cache');
    expect(within(panel()).queryByText(/Before the flow/)).toBeNull();
  });

  it('says in words which stages are done', () => {
    render(<ConceptFlow />);
    goTo(3);
    const words = stages().map((stage) => stage.textContent);
    expect(words[0]).toMatch(/done$/);
    expect(words[3]).toMatch(/current stage$/);
    expect(words[4]).toMatch(/not reached$/);
  });

  it('moves the highlight when the step changes', () => {
    render(<ConceptFlow />);
    goTo(2);
    expect(current()[0]).toHaveTextContent('Data changes in DB');
    goTo(4);
    expect(current()[0]).toHaveTextContent('Serve fresh data from cache');
  });

  it('shows the flow caption', () => {
    render(<ConceptFlow />);
    expect(within(panel()).getByText(deleteOnUpdate.flowCaption)).toBeInTheDocument();
  });
});
