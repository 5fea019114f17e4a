/** `step 3 is skipped` / `steps 2 and 3 are skipped` / `steps 1, 2 and 3 are skipped`. */
export function skippedPhrase(skip: readonly number[]): string {
  if (skip.length === 0) return '';
  if (skip.length === 1) return `step ${skip[0]} is skipped`;
  const head = skip.slice(0, -1).join(', ');
  return `steps ${head} and ${skip[skip.length - 1]} are skipped`;
}
