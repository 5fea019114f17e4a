import { describe, expect, it } from 'vitest';
import { run, type ActorOutcome, type Frame } from '../../../src/engine';
import { deleteOnUpdate } from '../../../src/lessons/delete-on-update';
import {
  buildCacheView,
  formatSeconds,
  tracksTime,
  ttlOf,
} from '../../../src/features/state-panels/cache-view';

const frames = run(deleteOnUpdate).frames;
const skipped = run(deleteOnUpdate, { skip: [3] }).frames;
const viewAt = (list: readonly Frame[], step: number) =>
  buildCacheView(list[step], step > 0 ? list[step - 1] : null);

/** A frame with only the fields a test cares about changed. */
const withOutcomes = (frame: Frame, outcomes: ActorOutcome[], cache = frame.cache): Frame => ({
  ...frame,
  outcomes,
  cache,
});

describe('Cache view: entries', () => {
  it('is empty at the start, with nothing animated', () => {
    const view = viewAt(frames, 0);
    expect(view.isEmpty).toBe(true);
    expect(view.entries).toEqual([]);
    expect(view.ghosts).toEqual([]);
  });

  it('shows the final key, the raw key and the value; a new entry grows in', () => {
    const [entry] = viewAt(frames, 1).entries;
    expect(entry).toMatchObject({
      key: ':1:user_profile_42',
      rawKey: 'user_profile_42',
      value: "'old_data'",
      isStale: false,
      isNew: true,
      isChanged: false,
      ttlState: 'live',
      ttlText: 'expires in 300s',
    });
  });

  it('flags the entry whose value no longer matches the database, with the DB value', () => {
    const [entry] = viewAt(frames, 2).entries;
    expect(entry).toMatchObject({ isStale: true, dbValue: "'fresh_data'", isNew: false });
  });

  it('keeps flagging it when the invalidation is skipped', () => {
    expect(viewAt(skipped, 4).entries[0]).toMatchObject({ value: "'old_data'", isStale: true });
  });
});

describe('Cache view: deleted entries', () => {
  it('leaves a ghost with the old final key and value for the step that deleted it', () => {
    const view = viewAt(frames, 3);
    expect(view.isEmpty).toBe(true);
    expect(view.ghosts).toEqual([
      { key: ':1:user_profile_42', rawKey: 'user_profile_42', value: "'old_data'" },
    ]);
  });

  it('leaves no ghost for a delete that found nothing, or a key cached again in the step', () => {
    const frame = frames[4];
    const outcomes: ActorOutcome[] = [
      { kind: 'delete', key: 'missing', deleted: false, actor: 'request' },
      { kind: 'delete', key: 'user_profile_42', deleted: true, actor: 'request' },
    ];
    expect(buildCacheView(withOutcomes(frame, outcomes), frames[3]).ghosts).toEqual([]);
  });

  it('falls back to the raw key when the previous frame does not have the entry', () => {
    const outcomes: ActorOutcome[] = [
      { kind: 'delete', key: 'other', deleted: true, actor: 'request' },
    ];
    expect(buildCacheView(withOutcomes(frames[0], outcomes), null).ghosts).toEqual([
      { key: 'other', rawKey: 'other', value: null },
    ]);
  });
});

describe('Cache view: requests', () => {
  it('folds a miss, the DB read and the refill into one request', () => {
    const view = viewAt(frames, 4);
    expect(view.requests).toEqual([
      {
        actor: 'request',
        rawKey: 'user_profile_42',
        isHit: false,
        servedValue: null,
        dbValue: "'fresh_data'",
        cachedValue: "'fresh_data'",
      },
    ]);
    expect(view.calls).toEqual([]);
  });

  it('reports a hit with the value served', () => {
    expect(viewAt(frames, 5).requests[0]).toMatchObject({
      isHit: true,
      servedValue: "'fresh_data'",
      dbValue: null,
    });
  });

  it('lists other cache calls as Django calls with their return values', () => {
    expect(viewAt(frames, 3).calls).toEqual([
      { actor: 'request', call: "cache.delete('user_profile_42')", result: 'True' },
    ]);
    const outcomes: ActorOutcome[] = [
      { kind: 'set', key: 'k', value: "'v'", actor: 'a' },
      { kind: 'add', key: 'lock:k', stored: false, actor: 'b' },
      { kind: 'incrVersion', key: 'k', version: 3, actor: 'a' },
    ];
    expect(buildCacheView(withOutcomes(frames[0], outcomes), null).calls).toEqual([
      { actor: 'a', call: "cache.set('k', 'v')", result: null },
      { actor: 'b', call: "cache.add('lock:k', …)", result: 'False' },
      { actor: 'a', call: "cache.incr_version('k')", result: '3' },
    ]);
  });

  it('has nothing to report for a step that does not touch the cache', () => {
    const view = viewAt(frames, 2);
    expect(view.requests).toEqual([]);
    expect(view.calls).toEqual([]);
  });
});

describe('Cache view: time', () => {
  it('words the time to live', () => {
    expect(ttlOf({ ttl: null, isExpired: false }).text).toBe('never expires');
    expect(ttlOf({ ttl: 30, isExpired: false }).text).toBe('expires in 30s');
    expect(ttlOf({ ttl: 0, isExpired: true })).toEqual({
      state: 'expired',
      text: 'expired (purged on next read)',
    });
    expect(formatSeconds(2.5)).toBe('2.5');
  });

  it('shows the clock only for lessons that move it', () => {
    expect(tracksTime(frames)).toBe(false);
    expect(tracksTime([...frames, { ...frames[0], clock: 5 }])).toBe(true);
  });
});

describe('Cache view: wording', () => {
  it('never produces the word for a differing value in any label', () => {
    for (const list of [frames, skipped]) {
      list.forEach((_, step) => {
        const { entries, ghosts, requests, calls } = viewAt(list, step);
        const labels = JSON.stringify({
          ghosts,
          requests,
          calls,
          entries: entries.map(({ isStale: _flag, ...rest }) => rest),
        });
        expect(labels).not.toMatch(/stale/i);
      });
    }
  });
});
