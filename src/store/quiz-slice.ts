import type { StateCreator } from 'zustand';
import type { AppState } from './store';
import { effectiveLesson } from './trace-cache';

/** One question's state: the option picked now, and the option last checked. */
export interface AnswerState {
  selected: number | null;
  checked: number | null;
}

export interface QuizSlice {
  /** Answers by lesson id, then question index. Persisted as progress. */
  answers: Record<string, Record<number, AnswerState>>;
  /** Presenter mode: questions whose answer the instructor has revealed. */
  revealed: Record<string, number[]>;
  selectOption: (question: number, option: number) => void;
  checkAnswer: (question: number) => void;
  retry: (question: number) => void;
  reveal: (question: number) => void;
  resetProgress: () => void;
}

export const createQuizSlice: StateCreator<AppState, [], [], QuizSlice> = (set, get) => {
  const update = (question: number, patch: Partial<AnswerState>): void => {
    const { answers, lessonId } = get();
    const forLesson = answers[lessonId] ?? {};
    const current = forLesson[question] ?? { selected: null, checked: null };
    set({
      answers: { ...answers, [lessonId]: { ...forLesson, [question]: { ...current, ...patch } } },
    });
  };
  const isQuestion = (question: number): boolean => {
    return question >= 0 && question < effectiveLesson(get()).quiz.length;
  };
  return {
    answers: {},
    revealed: {},
    selectOption: (question, option) => {
      if (isQuestion(question) && option >= 0 && option <= 3)
        update(question, { selected: option });
    },
    checkAnswer: (question) => {
      if (!isQuestion(question)) return;
      const selected = get().answers[get().lessonId]?.[question]?.selected ?? null;
      if (selected !== null) update(question, { checked: selected });
    },
    retry: (question) => {
      if (isQuestion(question)) update(question, { selected: null, checked: null });
    },
    reveal: (question) => {
      const { revealed, lessonId } = get();
      const list = revealed[lessonId] ?? [];
      if (!list.includes(question))
        set({ revealed: { ...revealed, [lessonId]: [...list, question] } });
    },
    resetProgress: () => set({ answers: {}, revealed: {} }),
  };
};
