import { describe, expect, it } from 'vitest';
import { createClock } from '../../../src/engine/clock';

describe('Simulated clock', () => {
  it('starts at 0', () => {
    expect(createClock().now()).toBe(0);
  });

  it('starts where it is told', () => {
    expect(createClock(42).now()).toBe(42);
  });

  it('advances by the given seconds, fractions included', () => {
    const clock = createClock();
    clock.advance(10);
    clock.advance(0.5);
    clock.advance(0);
    expect(clock.now()).toBe(10.5);
  });

  it('refuses to go backwards', () => {
    const clock = createClock(5);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(clock.now()).toBe(5);
  });

  it('refuses non-finite steps', () => {
    const clock = createClock();
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(clock.now()).toBe(0);
  });

  it('refuses a non-finite start', () => {
    expect(() => createClock(Number.NaN)).toThrow(RangeError);
  });

  it('keeps clocks independent', () => {
    const a = createClock();
    const b = createClock();
    a.advance(3);
    expect(b.now()).toBe(0);
  });
});
