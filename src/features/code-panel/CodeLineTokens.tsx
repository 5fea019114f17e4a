import type { Token } from './highlight-python';

export interface CodeLineTokensProps {
  /** One line's tokens, as `tokenizeLines` returns them. */
  tokens: Token[];
}

/** One source line's tokens as coloured spans (`tok-keyword` …); plain text stays bare. */
export function CodeLineTokens({ tokens }: CodeLineTokensProps) {
  return tokens.map((token, i) =>
    // Plain text needs no wrapper; keys are positions because a line's tokens never reorder.
    token.type === 'plain' ? (
      token.text
    ) : (
      <span key={i} className={`tok-${token.type}`}>
        {token.text}
      </span>
    ),
  );
}
