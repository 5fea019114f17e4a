import { memo, useMemo } from 'react';
import { isLongTrace } from '../components/long-trace';
import type { Lesson, Trace } from '../engine';
import { tableRows } from '../features/execution-table/execution-table-rows';
import { trackerRows } from '../features/variable-tracker/tracker-rows';
import { selectLesson, selectTrace } from '../store/selectors';
import { useAppStore } from '../store/store';

const LETTERS = ['A', 'B', 'C', 'D'];

/**
 * The printable handout: the whole lesson (every row of the table and tracker, the key
 * moments, the quiz without its answers), built from the trace, not from the live panels, so
 * printing never moves the learner's step. Rendered only while the page is printed
 * (`usePrinting`), and `hidden` even then; print.css shows it and hides the live page.
 */
export function Handout() {
  const lesson = useAppStore(selectLesson);
  const trace = useAppStore(selectTrace);
  // A long scenario (a generated sandbox trace) would be dozens of pages and a large hidden
  // DOM on every step: its handout says so instead.
  if (isLongTrace(trace.frames.length - 1)) {
    return (
      <article className="handout" hidden>
        <h2 className="handout__title">{lesson.title}</h2>
        <p>
          This scenario has {trace.frames.length - 1} steps, too many for a handout: print one of
          the lessons, or a shorter scenario.
        </p>
      </article>
    );
  }
  return <HandoutBody lesson={lesson} trace={trace} />;
}

const HandoutBody = memo(function HandoutBody({ lesson, trace }: { lesson: Lesson; trace: Trace }) {
  const last = trace.frames.length - 1;
  const rows = useMemo(() => tableRows(trace, lesson, last, false), [trace, lesson, last]);
  const tracker = useMemo(() => trackerRows(trace, lesson, last), [trace, lesson, last]);
  return (
    <article className="handout" hidden>
      <header className="handout__header">
        <p className="handout__brand">Django Cache Lab · handout</p>
        <h2 className="handout__title">{lesson.title}</h2>
        <p>{lesson.summary}</p>
      </header>
      <section>
        <h3>Concept flow</h3>
        <ol className="handout__flow">
          {lesson.flow.map((stage) => (
            <li key={stage}>{stage}</li>
          ))}
        </ol>
        <p>{lesson.flowCaption}</p>
      </section>
      <section>
        <h3>Execution sample</h3>
        <pre className="handout__code">
          <code>{lesson.code.source}</code>
        </pre>
        <p>{lesson.code.caption}</p>
      </section>
      <section>
        <h3>Execution table</h3>
        <table className="handout__table">
          <thead>
            <tr>
              {lesson.columns.map((column) => (
                <th key={column.id} scope="col">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.step}>
                {row.cells.map((cell, i) => (
                  <td key={i}>{cell.text}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {tracker.rows.length > 0 ? (
        <section>
          <h3>Variable tracker</h3>
          <table className="handout__table">
            <thead>
              <tr>
                <th scope="col">Variable</th>
                {tracker.columns.map((column) => (
                  <th key={column.index} scope="col">
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tracker.rows.map((row) => (
                <tr key={row.name}>
                  <th scope="row">{row.name}</th>
                  {row.cells.map((cell) => (
                    <td key={cell.index}>{cell.text}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section>
        <h3>Key moments</h3>
        <dl className="handout__moments">
          {lesson.keyMoments.map((moment) => (
            <div key={moment.question}>
              <dt>{moment.question}</dt>
              <dd>
                {moment.answer} (step {moment.step})
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section>
        <h3>Quiz</h3>
        <ol className="handout__quiz">
          {lesson.quiz.map((question) => (
            <li key={question.question}>
              <p>{question.question}</p>
              <ol className="handout__options">
                {question.options.map((option, i) => (
                  <li key={i}>
                    {LETTERS[i]}. {option}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h3>{lesson.snapshot.title}</h3>
        <ul>
          {lesson.snapshot.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </article>
  );
});
