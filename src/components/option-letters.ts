/** The letters before a multiple-choice question's options (quiz and practice alike). */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D'] as const;
