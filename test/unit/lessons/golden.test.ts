/**
 * Golden traces: every lesson's run (normal path, remedy, and each what-if skip) written by the
 * test runner as readable Markdown tables in `__golden__/<id>.md`. A change to a lesson or to
 * the engine shows up as a diff of those files; `npx vitest run -u` rewrites them after a
 * reviewed change. What each lesson teaches is stated as behaviour tests in `<id>.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { run, skippableSteps, type Lesson, type Trace } from '../../../src/engine';
import { catalog } from '../../../src/lessons/catalog';
import { shownStep } from '../../../src/lessons/vocabulary';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;

function table(header: string[], rows: string[][]): string {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

/** One run as two tables: the steps as the app shows them, and the tracked variables. */
function traceTables(lesson: Lesson, trace: Trace): string {
  const steps = trace.frames.slice(1).map((frame) => {
    const shown = shownStep(lesson, trace, frame.index);
    const stage =
      shown.stage >= 0
        ? lesson.flow[shown.stage]
        : shown.missedStage >= 0
          ? `(skipped) ${lesson.flow[shown.missedStage]}`
          : '-';
    const stale = frame.cache.filter((e) => e.isStale).map((e) => e.rawKey);
    return [
      String(frame.index),
      frame.actor,
      `t=${frame.clock}s`,
      shown.action,
      frame.cacheKey,
      frame.cacheBefore,
      frame.cacheAfter,
      shown.result,
      shown.source,
      frame.event,
      `${frame.stepQueries}/${frame.queries}`,
      stage,
      stale.join(', ') || '-',
    ];
  });
  const names = lesson.tracked.map((t) => t.name);
  const tracker = names.map((name) => [name, ...trace.frames.map((f) => f.vars[name] ?? '')]);
  return [
    table(
      [
        'Step',
        'Actor',
        'Clock',
        'Action',
        'Cache Key',
        'Before',
        'After',
        'Result',
        'Text',
        'Event',
        'Queries',
        'Stage',
        'Stale',
      ],
      steps,
    ),
    '',
    table(['Variable', 'Start', ...trace.frames.slice(1).map((f) => `${f.index}`)], tracker),
  ].join('\n');
}

function goldenOf(lesson: Lesson): string {
  const parts = [
    `# ${lesson.id}: ${lesson.title}`,
    '',
    '## Normal path',
    '',
    traceTables(lesson, run(lesson)),
  ];
  for (const n of skippableSteps(lesson)) {
    parts.push(
      '',
      `## What-if: skip step ${n}`,
      '',
      traceTables(lesson, run(lesson, { skip: [n] })),
    );
  }
  if (lesson.remedy) {
    const remedied = { ...lesson, ...lesson.remedy.patch };
    parts.push('', `## Remedy: ${lesson.remedy.label}`, '', traceTables(remedied, run(remedied)));
    for (const n of skippableSteps(remedied)) {
      parts.push(
        '',
        `## Remedy, what-if: skip step ${n}`,
        '',
        traceTables(remedied, run(remedied, { skip: [n] })),
      );
    }
  }
  return `${parts.join('\n')}\n`;
}

describe('Golden traces', () => {
  it.each(catalog.map((lesson) => [lesson.id, lesson] as const))('%s', async (id, lesson) => {
    await expect(goldenOf(lesson)).toMatchFileSnapshot(`./__golden__/${id}.md`);
  });
});
