/** A run of snapshot text: prose, or a code fragment shown in monospace. */
export interface TextPart {
  text: string;
  isCode: boolean;
}

/**
 * A dotted call such as `cache.delete('key')` or `transaction.on_commit(fn)`: what a learner
 * would type, so it should look like code. Plain words with parentheses are left alone.
 */
const CALL = /[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\([^()]*\)/g;

/** Splits a line into prose and code parts; joined back, the parts equal the line exactly. */
export function splitCode(line: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of line.matchAll(CALL)) {
    const start = match.index;
    if (start > last) parts.push({ text: line.slice(last, start), isCode: false });
    parts.push({ text: match[0], isCode: true });
    last = start + match[0].length;
  }
  if (last < line.length || parts.length === 0) {
    parts.push({ text: line.slice(last), isCode: false });
  }
  return parts;
}
