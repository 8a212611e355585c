import { addDays } from '../overview.builder.js';
import { discretiseSerialInterval, estimateRtCori } from './cori-rt.js';
import { MIN_LOCAL_CASES, rtSeries } from './rt.series.js';

const days = (counts: number[], start = '2021-05-01') => counts.map((local, i) => ({ date: addDays(start, i), local, imported: 0 }));

describe('rtSeries', () => {
  it('labels each window by its end date and answers only windows ending in the range', () => {
    const series = rtSeries(days(new Array(30).fill(20)), '2021-05-25');
    expect(series.map((p) => p.date)).toEqual(['2021-05-25', '2021-05-26', '2021-05-27', '2021-05-28', '2021-05-29', '2021-05-30']);
    // Flat incidence: R near 1.
    expect(series.at(-1)!.mean!).toBeGreaterThan(0.9);
    expect(series.at(-1)!.mean!).toBeLessThan(1.1);
    expect(series.at(-1)!.lower!).toBeLessThan(series.at(-1)!.median!);
    expect(series.at(-1)!.upper!).toBeGreaterThan(series.at(-1)!.median!);
  });

  it('gives the Cori estimate for the window, unchanged', () => {
    const input = days([1, 2, 4, 8, 12, 16, 20, 24, 28, 30, 30, 30]);
    const [last] = rtSeries(input, '2021-05-12', { mean: 4.7, sd: 2.9 }).slice(-1);
    const reference = estimateRtCori({ local: input.map((d) => d.local), serialInterval: discretiseSerialInterval(12, 4.7, 2.9) }).at(-1)!;
    expect(reference.shape).not.toBeNull();
    if (reference.shape !== null) expect(last!.mean).toBeCloseTo(reference.mean, 6);
  });

  it('marks windows with too few cases instead of guessing', () => {
    const series = rtSeries(days([0, 1, 0, 2, 1, 0, 1, 3, 0, 1, 2, 0, 1, 0]), '2021-05-10');
    expect(series.every((p) => p.mean === null && p.insufficient !== undefined)).toBe(true);
    expect(series[0]!.insufficient).toContain(String(MIN_LOCAL_CASES));
  });
});
