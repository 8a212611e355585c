import { NO_CASES_COLOR, buildChoroplethScale, countScale, countTicks, dayDomain, hourDomain, labelColorOn } from './scales';
import { formatDay } from '../format/time';

describe('buildChoroplethScale', () => {
  const values = [0.5, 3, 7.2, 11, 19.9, 48.5];

  it('gives the highest and the lowest district different colours', () => {
    const { color } = buildChoroplethScale(values);
    expect(color(48.5)).not.toBe(color(0.5));
  });

  it('uses classes with round edges from 0 up to at least the highest value', () => {
    const { bins } = buildChoroplethScale(values);
    expect(bins[0].from).toBe(0);
    expect(bins[bins.length - 1].to).toBeGreaterThanOrEqual(48.5);
    expect(bins.length).toBeGreaterThanOrEqual(3);
    expect(bins.length).toBeLessThanOrEqual(9);
    bins.slice(1).forEach((bin, i) => expect(bin.from).toBe(bins[i].to));
  });

  it('colours each value with its class colour', () => {
    const { color, bins } = buildChoroplethScale(values);
    for (const bin of bins) {
      expect(color((bin.from + bin.to) / 2)).toBe(bin.color);
    }
    expect(color(48.5)).toBe(bins[bins.length - 1].color);
  });

  it('paints everything neutral when there are no cases at all', () => {
    const { color, bins } = buildChoroplethScale([0, 0, 0]);
    expect(color(0)).toBe(NO_CASES_COLOR);
    expect(bins).toEqual([{ from: 0, to: 0, color: NO_CASES_COLOR }]);
    expect(buildChoroplethScale([]).color(0)).toBe(NO_CASES_COLOR);
  });

  it('treats a non-finite value as zero rather than throwing', () => {
    const { color } = buildChoroplethScale([1, 10]);
    expect(color(Number.NaN)).toBe(color(0));
  });
});

describe('labelColorOn', () => {
  it('uses white on dark fills and dark text on light ones', () => {
    expect(labelColorOn('#800026')).toBe('#ffffff');
    expect(labelColorOn('#ffffcc')).not.toBe('#ffffff');
  });
});

describe('dayDomain', () => {
  it('spans the requested range, end day included', () => {
    const [start, end] = dayDomain([], '2026-11-24', '2026-12-03');
    expect([formatDay(start), formatDay(end)]).toEqual(['2026-11-24', '2026-12-04']);
  });

  it('widens to data outside the range', () => {
    const [start] = dayDomain(['2026-11-20'], '2026-11-24', '2026-12-03');
    expect(formatDay(start)).toBe('2026-11-20');
  });

  it('still returns a one-day domain when nothing parses', () => {
    const [start, end] = dayDomain([], '', 'nope');
    expect(end.getTime() - start.getTime()).toBe(24 * 3600 * 1000);
  });
});

describe('hourDomain', () => {
  // Wall-clock Dates carry Taipei time in their UTC fields, hence the +8h in the expectations.
  it('spans the window [checkinsFrom, checkinsTo) in Taipei wall-clock time', () => {
    const [start, end] = hourDomain([], '2026-11-26T06:00:00.000Z', '2026-12-03T06:00:00.000Z');
    expect(start.toISOString()).toBe('2026-11-26T14:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-03T14:00:00.000Z');
  });

  it('widens to cover the last hour of data in full', () => {
    const [, end] = hourDomain(['2026-12-03T15:00:00+08:00'], '2026-11-26T06:00:00.000Z', '2026-12-03T06:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-03T16:00:00.000Z');
  });

  it('falls back to a week when the window is missing', () => {
    const [start, end] = hourDomain([], '', '');
    expect(end.getTime() - start.getTime()).toBe(7 * 24 * 3600 * 1000);
  });
});

describe('countScale', () => {
  it('starts at zero and ends on a round number at or above the maximum', () => {
    expect(countScale(37, [100, 0]).domain()).toEqual([0, 40]);
  });

  it('has a usable domain when every count is zero', () => {
    expect(countScale(0, [100, 0]).domain()).toEqual([0, 1]);
  });

  it('ticks whole numbers only', () => {
    expect(countTicks(countScale(0, [100, 0]))).toEqual([0, 1]);
    expect(countTicks(countScale(37, [100, 0]))).toEqual([0, 10, 20, 30, 40]);
  });
});
