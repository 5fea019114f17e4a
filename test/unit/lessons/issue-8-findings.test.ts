/**
 * The 14 findings of issue 8 (a Django expert's reading of every lesson on real Django 5.2),
 * each pinned: every test fails on the text or code the lessons had before.
 */
import { describe, expect, it } from 'vitest';
import { generatePractice, run, type Lesson } from '../../../src/engine';
import { catalog } from '../../../src/lessons/catalog';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';
import { noInvalidation } from '../../../src/lessons/no-invalidation';
import { onCommit } from '../../../src/lessons/on-commit';
import { signalInvalidation } from '../../../src/lessons/signal-invalidation';
import { staleSetRace } from '../../../src/lessons/stale-set-race';
import { thunderingHerd } from '../../../src/lessons/thundering-herd';
import { ttlExpiry } from '../../../src/lessons/ttl-expiry';
import { updateOnWrite } from '../../../src/lessons/update-on-write';
import { versionedKeys } from '../../../src/lessons/versioned-keys';
import { lessonIndex } from '../../../src/lessons';

const remedied = (lesson: Lesson): Lesson => ({ ...lesson, ...lesson.remedy?.patch });

/** Every piece of text a lesson shows, main path and remedy. */
function allText(lesson: Lesson): string {
  return JSON.stringify({ ...lesson, steps: [...lesson.steps, ...remedied(lesson).steps] });
}

/** The listing line that contains `needle`, and the lines after it. */
function linesFrom(source: string, needle: string): string[] {
  const lines = source.split('\n');
  const at = lines.findIndex((line) => line.includes(needle));
  expect(at, `listing has ${needle}`).toBeGreaterThanOrEqual(0);
  return lines.slice(at);
}

describe('Issue 8, wrong', () => {
  it('1. delete-on-update deletes the key built from user_id, not profile 42’s', () => {
    const source = deleteOnUpdate.code.source;
    expect(source).toContain("cache.delete(f'user_profile_{user_id}')");
    expect(source).not.toContain("cache.delete('user_profile_42')");
  });

  it('2. on-commit does not claim most writes run inside atomic(): autocommit is the default', () => {
    const text = onCommit.transcript.join(' ');
    expect(text).not.toMatch(/Most writes in Django run inside transaction\.atomic\(\)/);
    expect(text).toMatch(/autocommit by default/);
    expect(text).toMatch(/ATOMIC_REQUESTS/);
  });

  it('3. signal-invalidation: post_save runs after the commit in autocommit, before it only in atomic()', () => {
    const snapshot = signalInvalidation.snapshot.lines.join(' ');
    expect(snapshot).not.toMatch(/post_save is sent before the transaction commits/);
    expect(snapshot).toMatch(/in autocommit, as here, the UPDATE has already committed/);
  });

  it('4. stale-set-race remedy guards incr against a missing counter', () => {
    const source = remedied(staleSetRace).code.source;
    const after = linesFrom(source, 'cache.incr(');
    expect(source.split('\n')[source.split('\n').indexOf(after[0]) - 1]).toMatch(/try:/);
    expect(after[1]).toMatch(/except ValueError/);
  });

  it('5. stale-set-race remedy never restarts an evicted counter at 1', () => {
    const source = remedied(staleSetRace).code.source;
    const add = source.split('\n').find((line) => line.includes('cache.add('));
    expect(add).toBeDefined();
    expect(add).not.toMatch(/, 1, None\)/);
    expect(add).toMatch(/time\.time\(\)/);
  });
});

describe('Issue 8, misleading', () => {
  it('6. every lesson says LocMemCache is per process: each has several requests or workers', () => {
    for (const lesson of catalog) {
      // A write and a later read are two requests, which several worker processes may serve.
      const requests = lesson.steps.filter((s) => s.ops.some((op) => op.op === 'request'));
      const writes = lesson.steps.filter((s) => s.ops.some((op) => op.op.startsWith('db.')));
      expect(requests.length + writes.length, lesson.id).toBeGreaterThan(1);
      expect(lesson.tableNote, lesson.id).toMatch(/LocMemCache is per process/);
    }
  });

  it('7. stale-set-race: the stamp holds only when bumped after COMMIT, and per profile', () => {
    const text = allText(staleSetRace);
    expect(text).toMatch(/if the bump runs after COMMIT/);
    const source = remedied(staleSetRace).code.source;
    expect(source).not.toContain("'profile:gen'");
    expect(source).toContain("f'gen:profile:{user_id}'");
    const bumps = remedied(staleSetRace)
      .steps.flatMap((s) => s.ops)
      .filter((o) => o.op === 'cache.incr');
    expect(bumps).toEqual([{ op: 'cache.incr', key: 'gen:profile:42' }]);
  });

  it('8. on-commit remedy does not promise that no request can slip the old row back', () => {
    const text = allText(onCommit);
    expect(text).not.toMatch(/No request can slip the old row back in/);
    expect(remedied(onCommit).steps[5].narration).toMatch(/still slips it back in/);
  });

  it('9. thundering-herd remedy: bounded wait, re-check after add(), owner token, honest count', () => {
    const lesson = remedied(thunderingHerd);
    const source = lesson.code.source;
    expect(source).not.toMatch(/while True/);
    expect(source).toMatch(/for _ in range\(\d+\)/);
    const afterAdd = linesFrom(source, 'if cache.add(lock, token');
    expect(afterAdd.slice(1, 3).join('\n')).toMatch(/data = cache\.get\(key\)\s+# re-check/);
    expect(source).toMatch(/if cache\.get\(lock\) == token:/);
    expect(thunderingHerd.remedy?.description).toMatch(/'few queries', not 'one'/);
    // The winner's step re-checks the cache before querying.
    const winner = lesson.steps[6].ops.map((o) => o.op);
    expect(winner.slice(0, 2)).toEqual(['cache.get', 'db.get']);
  });

  it('10. a get() + save() runs two SQL queries in update-on-write and versioned-keys', () => {
    for (const lesson of [updateOnWrite, versionedKeys]) {
      const trace = run(lesson);
      const saves = lesson.steps.flatMap((s, i) =>
        s.ops.some((o) => o.op === 'db.save') ? [i + 1] : [],
      );
      expect(saves.length, lesson.id).toBeGreaterThan(0);
      for (const n of saves) expect(trace.frames[n].stepQueries, `${lesson.id} step ${n}`).toBe(2);
    }
  });

  it('10. every step that saves reads the row first, as its listing does: get() + save() is 2 queries', () => {
    // The listings of delete-on-update, no-invalidation (main and remedy) and ttl-expiry run
    // Model.objects.get() then save(); their step 2 once modelled only the save (1 query).
    for (const lesson of catalog) {
      for (const [path, played] of [
        ['main', lesson],
        ['remedy', remedied(lesson)],
      ] as const) {
        if (path === 'remedy' && !lesson.remedy) continue;
        for (const [i, step] of played.steps.entries()) {
          const ops = step.ops.map((o) => o.op);
          const save = ops.indexOf('db.save');
          if (save < 0) continue;
          expect(ops.slice(0, save), `${lesson.id} ${path} step ${i + 1}`).toContain('db.get');
        }
      }
    }
    for (const lesson of [deleteOnUpdate, noInvalidation, remedied(noInvalidation), ttlExpiry]) {
      const step2 = run(lesson).frames[2];
      const kinds = step2.outcomes.map((o) => o.kind).filter((kind) => kind !== 'clock');
      expect(kinds.slice(0, 2), lesson.id).toEqual(['db.read', 'db.write']);
      expect(step2.stepQueries, lesson.id).toBe(2);
    }
  });

  it('11. versioned-keys shows the ValueError guard it tells the learner to write', () => {
    const after = linesFrom(versionedKeys.code.source, 'cache.incr(GEN_KEY)');
    expect(after[1]).toMatch(/except ValueError/);
    const step8 = versionedKeys.steps[7];
    expect(step8.lines).toEqual(
      expect.arrayContaining([versionedKeys.code.source.split('\n').indexOf(after[1]) + 1]),
    );
  });

  it('12. the seed keeps its words and adds an "In real Django…" note beside each that contradicts Django', () => {
    expect(deleteOnUpdate.flowCaption).toMatch(
      /^When data changes, Django identifies which cached data is affected, then either deletes or updates the cache to keep it fresh\. In real Django, /,
    );
    const t = deleteOnUpdate.transcript;
    const after = (sentence: string) => t[t.indexOf(sentence) + 1];
    expect(after('Django then finds which cached data is affected.')).toMatch(/^In real Django, /);
    expect(after('This way, the cache always serves up-to-date information.')).toMatch(
      /^In real Django, /,
    );
    expect(deleteOnUpdate.keyMoments[2].answer).toMatch(
      /as shown in step 4\. In real Django, step 4 is not that strategy/,
    );
    expect(deleteOnUpdate.tableNote).toMatch(
      /In real Django, step 1's Cache State Before is an empty cache, \{\}/,
    );
  });

  it('13. practice saves with update_fields, so no other column is overwritten', () => {
    const codes = Array.from({ length: 200 }, (_, seed) => generatePractice(seed))
      .flatMap((q) => q.scenario.steps.map((s) => s.code))
      .filter((code) => code.includes('.save('));
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(code).toMatch(/\.save\(update_fields=\['data'\]\)$/);
  });

  describe('14. also', () => {
    it('no-invalidation remedy row 6 names a hit, not a fetch', () => {
      const step6 = remedied(noInvalidation).steps[5];
      expect(step6.action).not.toBe('Next request fetches fresh data');
      expect(step6.shows).toEqual(['hit']);
    });

    it('says once that `if data is None` cannot tell a cached None from a miss', () => {
      expect(deleteOnUpdate.code.caption).toMatch(/cached None as a miss/);
      expect(deleteOnUpdate.code.caption).toMatch(/get_or_set/);
    });

    it('calls update_profile a helper, not the update view', () => {
      for (const lesson of catalog) expect(allText(lesson), lesson.id).not.toMatch(/update view/i);
      expect(lessonIndex.map((m) => m.summary).join(' ')).not.toMatch(/update view/i);
    });

    it('names the QuerySet.update() helper for what it is', () => {
      expect(allText(signalInvalidation)).not.toContain('bulk_update_profile');
      expect(signalInvalidation.code.source).toContain('def update_profile_with_queryset(');
    });

    it('says timeout=None entries also die with the process', () => {
      expect(allText(ttlExpiry)).toMatch(/timeout=None[^"]*the end of the process/);
    });

    it('says write-through here is the app-level set on write', () => {
      expect(updateOnWrite.code.caption).toMatch(/app-level set on write/);
    });
  });
});
