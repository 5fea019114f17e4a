import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LessonIndexView } from '../../src/features/lesson-index/LessonIndexView';
import { quizLine } from '../../src/features/lesson-index/lesson-index-view';
import { DEFAULT_LESSON_ID, lessonIndex } from '../../src/lessons';
import { deleteOnUpdate } from '../../src/lessons/delete-on-update';
import { initialState, useAppStore } from '../../src/store/store';

beforeEach(() => useAppStore.setState({ ...initialState, view: 'lessons', isReady: true }, true));

/** Render and let the lesson bodies finish loading, so no update lands outside `act`. */
async function renderIndex() {
  const user = userEvent.setup();
  await act(async () => {
    render(<LessonIndexView />);
  });
  return { user };
}

describe('Lesson index', () => {
  it('groups the lessons under Strategies and Failure modes', async () => {
    await renderIndex();
    for (const group of ['Strategies', 'Failure modes'] as const) {
      const section = screen.getByRole('region', { name: group });
      expect(within(section).getByRole('heading', { level: 2, name: group })).toBeVisible();
      const titles = within(section)
        .getAllByRole('listitem')
        .map((card) => within(card).getByRole('heading', { level: 3 }).textContent);
      expect(titles).toEqual(lessonIndex.filter((m) => m.group === group).map((m) => m.title));
    }
  });

  it('links every lesson by its title to ?lesson=<id>', async () => {
    await renderIndex();
    for (const meta of lessonIndex) {
      expect(screen.getByRole('link', { name: meta.title })).toHaveAttribute(
        'href',
        `?lesson=${meta.id}`,
      );
    }
    const lessonLinks = screen
      .getAllByRole('link')
      .filter((link) => link.getAttribute('href')?.startsWith('?lesson='));
    expect(lessonLinks).toHaveLength(9);
  });

  it('shows each difficulty in words', async () => {
    await renderIndex();
    const card = screen.getByRole('link', { name: deleteOnUpdate.title }).closest('li');
    expect(card).toHaveTextContent('Beginner');
    expect(card).toHaveTextContent(deleteOnUpdate.summary);
    expect(screen.getAllByText('Advanced').length).toBeGreaterThan(0);
  });

  it('opens a lesson at step 0 when its title is clicked', async () => {
    useAppStore.setState({ step: 3 });
    const { user } = await renderIndex();
    await user.click(screen.getByRole('link', { name: deleteOnUpdate.title }));
    const state = useAppStore.getState();
    expect(state).toMatchObject({ view: 'lesson', lessonId: DEFAULT_LESSON_ID, step: 0 });
  });

  it('asks the store to open any lesson, and leaves modified clicks to the browser', async () => {
    const openLesson = vi.fn();
    useAppStore.setState({ openLesson });
    await renderIndex();
    const link = screen.getByRole('link', { name: 'Forgetting to invalidate' });
    expect(fireEvent.click(link)).toBe(false);
    expect(openLesson).toHaveBeenCalledWith('no-invalidation');
    openLesson.mockClear();
    // Record what the app did, then stop jsdom's navigation (it cannot load another page).
    let isPrevented: boolean | undefined;
    const afterApp = (event: Event) => {
      isPrevented = event.defaultPrevented;
      event.preventDefault();
    };
    window.addEventListener('click', afterApp);
    fireEvent.click(link, { ctrlKey: true });
    window.removeEventListener('click', afterApp);
    expect(isPrevented).toBe(false);
    expect(openLesson).not.toHaveBeenCalled();
  });

  it("shows the learner's quiz score on a lesson with checked answers", async () => {
    useAppStore.setState({
      answers: {
        [DEFAULT_LESSON_ID]: {
          0: { selected: 0, checked: 0 },
          1: { selected: 1, checked: 1 },
        },
      },
    });
    await renderIndex();
    const card = screen.getByRole('link', { name: deleteOnUpdate.title }).closest('li');
    expect(card).toHaveTextContent('Your quiz: 1 / 3');
    expect(screen.getAllByText(/Your quiz/)).toHaveLength(1);
  });

  it('leads to Compare', async () => {
    const { user } = await renderIndex();
    const link = screen.getByRole('link', { name: 'Compare strategies' });
    expect(link).toHaveAttribute('href', '?view=compare');
    await user.click(link);
    expect(useAppStore.getState().view).toBe('compare');
  });
});

describe('Quiz line', () => {
  it('counts right answers out of the questions once the lesson is loaded', () => {
    const answers = { 2: { selected: 1, checked: 1 } };
    expect(quizLine(answers, deleteOnUpdate)).toBe('Your quiz: 1 / 3');
  });

  it('counts checked answers while the lesson body is not loaded', () => {
    const answers = { 0: { selected: 2, checked: 2 }, 1: { selected: 1, checked: null } };
    expect(quizLine(answers, undefined)).toBe('Your quiz: 1 checked');
  });

  it('says nothing before any answer is checked', () => {
    expect(quizLine(undefined, deleteOnUpdate)).toBeNull();
    expect(quizLine({ 0: { selected: 1, checked: null } }, deleteOnUpdate)).toBeNull();
  });
});
