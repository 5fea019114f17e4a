import { it } from 'vitest';
import { run, parseLesson, type Lesson } from '../../../src/engine';
import { noInvalidation } from '../../../src/lessons/no-invalidation';
import { updateOnWrite } from '../../../src/lessons/update-on-write';
import { ttlExpiry } from '../../../src/lessons/ttl-expiry';
import { versionedKeys } from '../../../src/lessons/versioned-keys';

function dump(lesson: Lesson, name: string) {
  const { remedy, ...rest } = lesson;
  void remedy;
  parseLesson(JSON.parse(JSON.stringify(rest)));
  const t = run(lesson);
  const out: string[] = [`=== ${name}`];
  for (const f of t.frames) {
    out.push(
      JSON.stringify([
        f.index,
        f.actor,
        f.clock,
        f.cacheKey,
        f.cacheBefore,
        f.cacheAfter,
        f.result,
        f.event,
        f.stepQueries,
        f.queries,
      ]),
    );
    out.push('   vars ' + JSON.stringify(f.vars));
    out.push('   out ' + JSON.stringify(f.outcomes.map(({ actor, ...o }) => ({ a: actor, ...o }))));
    out.push(
      '   cache ' +
        JSON.stringify(f.cache.map((e) => [e.rawKey, e.value, e.ttl, e.isExpired, e.isStale])),
    );
  }
  console.log(out.join('\n'));
}
it('dump', () => {
  dump(noInvalidation, 'no-inv');
  dump({ ...noInvalidation, ...noInvalidation.remedy!.patch }, 'no-inv remedy');
  dump(updateOnWrite, 'uow');
  dump(ttlExpiry, 'ttl');
  dump(versionedKeys, 'vk');
});
