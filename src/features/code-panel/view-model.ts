import type { ActorOutcome, Pk } from '../../engine';
import type { BadgeTone } from '../../components/Badge';
import type { Token } from './highlight-python';

/** One source line as the code block shows it. */
export interface CodeLineView {
  /** 1-based line number, as lessons count lines. */
  number: number;
  tokens: Token[];
  /** The line ran in this step (Python Tutor's ▶). */
  isRan: boolean;
  /** The line runs in the next step that will run (Python Tutor's ▷). */
  isNext: boolean;
  /** The first line that ran: the one marked `aria-current`. */
  isCurrent: boolean;
}

/**
 * Pairs each tokenized line with this step's markers. Lines are compared by number, so line
 * numbers outside the source (a bad lesson) are simply not shown.
 */
export function codeLines(
  tokens: readonly Token[][],
  lines: readonly number[],
  nextLines: readonly number[],
): CodeLineView[] {
  const ran = new Set(lines);
  const next = new Set(nextLines);
  const current = lines.length > 0 ? Math.min(...lines) : null;
  return tokens.map((lineTokens, i) => {
    const number = i + 1;
    return {
      number,
      tokens: lineTokens,
      isRan: ran.has(number),
      isNext: next.has(number),
      isCurrent: number === current,
    };
  });
}

/** The words screen readers hear before a marked line. */
export function lineHint(line: Pick<CodeLineView, 'isRan' | 'isNext'>): string | null {
  if (line.isRan && line.isNext) return 'just ran, runs next';
  if (line.isRan) return 'just ran';
  if (line.isNext) return 'runs next';
  return null;
}

/** The gutter mark, Python Tutor style: ▶ just ran, ▷ runs next, both when both. */
export function lineMarker(line: Pick<CodeLineView, 'isRan' | 'isNext'>): string {
  return `${line.isRan ? '▶' : ''}${line.isNext ? '▷' : ''}`;
}

/** One badge under the narration: what an operation of this step did, and to what. */
export interface OutcomeBadge {
  tone: BadgeTone;
  word: string;
  /** The cache key or DB row it touched, shown as code. */
  subject: string;
  /** The request or worker that did it, when the lesson has more than one. */
  actor: string | null;
}

const row = (model: string, pk: Pk): string =>
  `${model}(pk=${typeof pk === 'string' ? `'${pk}'` : pk})`;

function badgeOf(outcome: ActorOutcome): Omit<OutcomeBadge, 'actor'> | null {
  switch (outcome.kind) {
    case 'get':
      if (!outcome.hit) return { tone: 'miss', word: 'miss', subject: outcome.key };
      return outcome.stale
        ? { tone: 'stale', word: 'stale', subject: outcome.key }
        : { tone: 'hit', word: 'hit', subject: outcome.key };
    case 'set':
      return { tone: 'neutral', word: 'cache set', subject: outcome.key };
    case 'add':
      return outcome.stored
        ? { tone: 'neutral', word: 'cache set', subject: outcome.key }
        : { tone: 'neutral', word: 'add refused', subject: outcome.key };
    case 'delete':
      return outcome.deleted
        ? { tone: 'invalidate', word: 'invalidated', subject: outcome.key }
        : { tone: 'neutral', word: 'nothing to delete', subject: outcome.key };
    case 'incrVersion':
      return { tone: 'invalidate', word: 'invalidated', subject: outcome.key };
    case 'incr':
      return { tone: 'neutral', word: 'incremented', subject: outcome.key };
    case 'touch':
      return {
        tone: 'neutral',
        word: outcome.live ? 'touched' : 'nothing to touch',
        subject: outcome.key,
      };
    case 'db.write':
      return { tone: 'write', word: 'write', subject: row(outcome.model, outcome.pk) };
    case 'db.read':
      return { tone: 'neutral', word: 'db read', subject: row(outcome.model, outcome.pk) };
    case 'error':
      return { tone: 'neutral', word: 'error', subject: outcome.message };
    default:
      // Transactions and the clock are shown by other panels; they are not cache outcomes.
      return null;
  }
}

/**
 * This step's outcomes as badges (get hit → "hit", miss → "miss", stale hit → "stale",
 * DB write → "write", delete → "invalidated", set → "cache set"). The actor is named only when
 * it differs from `defaultActor`, so single-request lessons stay uncluttered.
 */
export function outcomeBadges(
  outcomes: readonly ActorOutcome[],
  defaultActor: string,
): OutcomeBadge[] {
  return outcomes.flatMap((outcome) => {
    const badge = badgeOf(outcome);
    if (!badge) return [];
    return [{ ...badge, actor: outcome.actor === defaultActor ? null : outcome.actor }];
  });
}
