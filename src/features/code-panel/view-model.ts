import type { ActorOutcome, Pk } from '../../engine';
import type { BadgeTone } from '../../components/Badge';
import type { Token } from './highlight-python';
import { wordOf } from '../../lessons/vocabulary';

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

function subjectOf(outcome: ActorOutcome): string | null {
  switch (outcome.kind) {
    case 'db.write':
    case 'db.read':
      return row(outcome.model, outcome.pk);
    case 'error':
      return outcome.message;
    case 'atomic':
    case 'clock':
      // Transactions and the clock are shown by other panels; they are not cache outcomes.
      return null;
    default:
      return outcome.key;
  }
}

/** A badge in the one outcome vocabulary (`lessons/vocabulary.ts`), or null for no badge. */
function badgeOf(outcome: ActorOutcome): Omit<OutcomeBadge, 'actor'> | null {
  const subject = subjectOf(outcome);
  if (subject === null) return null;
  const { tone, word } = wordOf(outcome);
  return { tone, word, subject };
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
