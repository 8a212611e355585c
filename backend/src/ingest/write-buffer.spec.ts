import { jest } from '@jest/globals';
import { WriteBuffer } from './write-buffer.js';

describe('WriteBuffer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const recorder = () => {
    const writes: number[][][] = [];
    const write = async (sets: number[][]) => {
      writes.push(sets);
      await new Promise((r) => setTimeout(r, 50));
      return sets.map((s) => s.length);
    };
    return { writes, write };
  };

  it('writes a lone batch at once, then groups what arrives during and soon after a write', async () => {
    const { writes, write } = recorder();
    const buffer = new WriteBuffer(write, { maxRows: 1000, intervalMs: 500 }, (rows) => rows.length);
    const first = buffer.add([1, 2]);
    await jest.advanceTimersByTimeAsync(0);
    expect(writes).toEqual([[[1, 2]]]);
    const later = [buffer.add([3]), buffer.add([4, 5]), buffer.add([6])];
    await jest.advanceTimersByTimeAsync(100);
    expect(writes).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(500);
    expect(writes).toEqual([[[1, 2]], [[3], [4, 5], [6]]]);
    expect(await first).toBe(2);
    expect(await Promise.all(later)).toEqual([1, 2, 1]);
  });

  it('flushes on size without waiting for the timer, never splitting a batch', async () => {
    const { writes, write } = recorder();
    const buffer = new WriteBuffer(write, { maxRows: 3, intervalMs: 10_000 }, (rows) => rows.length);
    void buffer.add([0]);
    await jest.advanceTimersByTimeAsync(100);
    void buffer.add([1, 2]);
    void buffer.add([3, 4]);
    await jest.advanceTimersByTimeAsync(0);
    expect(writes.map((w) => w.flat())).toEqual([[0], [1, 2]]);
    await jest.advanceTimersByTimeAsync(100);
    expect(writes.map((w) => w.flat())).toEqual([[0], [1, 2]]);
    const drained = buffer.drain();
    await jest.advanceTimersByTimeAsync(200);
    await drained;
    expect(writes.map((w) => w.flat())).toEqual([[0], [1, 2], [3, 4]]);
  });

  it('rejects every batch of a failed write, and keeps going after', async () => {
    let fail = true;
    const buffer = new WriteBuffer(async (sets: number[][]) => {
      if (fail) throw new Error('store down');
      return sets.map(() => 'ok');
    }, { maxRows: 10, intervalMs: 0 }, (rows) => rows.length);
    const a = buffer.add([1]);
    const b = buffer.add([2]);
    const settled = Promise.allSettled([a, b]);
    await jest.advanceTimersByTimeAsync(10);
    expect((await settled).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(a).rejects.toThrow('store down');
    fail = false;
    const c = buffer.add([3]);
    await jest.advanceTimersByTimeAsync(10);
    await expect(c).resolves.toBe('ok');
  });

  it('drain() writes what is pending at shutdown', async () => {
    const { writes, write } = recorder();
    const buffer = new WriteBuffer(write, { maxRows: 100, intervalMs: 60_000 }, (rows) => rows.length);
    void buffer.add([1]);
    await jest.advanceTimersByTimeAsync(0);
    void buffer.add([2]);
    const drained = buffer.drain();
    await jest.advanceTimersByTimeAsync(200);
    await drained;
    expect(writes.map((w) => w.flat())).toEqual([[1], [2]]);
  });
});
