import { useEffect, useState } from 'react';
import type { Token } from './highlight-python';

export type Tokenizer = (source: string) => Token[][];

/** Every line as one plain token: what the code looks like before the highlighter arrives. */
export function plainLines(source: string): Token[][] {
  return source.split('\n').map((text) => (text ? [{ text, type: 'plain' as const }] : []));
}

let loaded: Tokenizer | null = null;

/**
 * The Python tokenizer, loaded as its own chunk so Prism stays out of the first view's
 * JavaScript budget. Until it arrives (a few milliseconds) the code shows uncoloured, with
 * the same lines, text and markers.
 */
export function useHighlighter(): Tokenizer {
  const [tokenize, setTokenize] = useState<Tokenizer>(() => loaded ?? plainLines);
  useEffect(() => {
    if (loaded) return;
    let isCurrent = true;
    import('./highlight-python').then(
      (module) => {
        loaded = module.tokenizeLines;
        if (isCurrent) setTokenize(() => module.tokenizeLines);
      },
      // A failed chunk load keeps the plain code: still readable, just not coloured.
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return tokenize;
}
