import { jest } from '@jest/globals';
import { Coalescer } from './coalescer.js';

describe('Coalescer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs the first trigger at once, folds a burst into one trailing run, never closer than the interval', async () => {
    const runs: number[] = [];
    const coalescer = new Coalescer(1000, async () => void runs.push(Date.now()));
    const start = Date.now();
    coalescer.trigger();
    await jest.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([start]);
    for (let i = 0; i < 50; i++) {
      coalescer.trigger();
      await jest.advanceTimersByTimeAsync(10);
    }
    await jest.advanceTimersByTimeAsync(2000);
    expect(runs).toEqual([start, start + 1000]);
  });

  it('does not overlap a slow run, and runs again for triggers that came during it', async () => {
    let active = 0;
    let maxActive = 0;
    let count = 0;
    const coalescer = new Coalescer(100, async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 500));
      active--;
      count++;
    });
    coalescer.trigger();
    await jest.advanceTimersByTimeAsync(50);
    coalescer.trigger();
    await jest.advanceTimersByTimeAsync(2000);
    expect(maxActive).toBe(1);
    expect(count).toBe(2);
  });

  it('stop() cancels a pending run', async () => {
    let count = 0;
    const coalescer = new Coalescer(1000, async () => void count++);
    coalescer.trigger();
    await jest.advanceTimersByTimeAsync(0);
    coalescer.trigger();
    coalescer.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(count).toBe(1);
  });
});
