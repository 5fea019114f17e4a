import { CodeLineTokens } from './CodeLineTokens';
import { lineHint, lineMarker, type CodeLineView } from './view-model';

export interface CodeBlockProps {
  /** The source lines with this step's markers. */
  lines: CodeLineView[];
}

/**
 * The syntax-highlighted source, one list item per line, Python Tutor style: ▶ marks lines that
 * just ran, ▷ lines that run next. The gutter is hidden from screen readers, which hear the
 * same marks as words; the `code__line` elements hold the source text and nothing else.
 */
export function CodeBlock({ lines }: CodeBlockProps) {
  return (
    // Long lines scroll inside this box, never the page; focusable so keyboards can scroll it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="code__block" tabIndex={0} role="region" aria-label="Django code">
      <ol className="code__lines">
        {lines.map((line) => {
          const hint = lineHint(line);
          const modifiers = `${line.isRan ? ' code__row--ran' : ''}${line.isNext ? ' code__row--next' : ''}`;
          return (
            <li key={line.number} className={`code__row${modifiers}`}>
              <span className="code__gutter" aria-hidden="true">
                <span className="code__number">{line.number}</span>
                <span className="code__marker">{lineMarker(line)}</span>
              </span>
              {hint ? <span className="visually-hidden code__hint">{hint}: </span> : null}
              <code className="code__line" aria-current={line.isCurrent ? 'true' : undefined}>
                <CodeLineTokens tokens={line.tokens} />
              </code>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
