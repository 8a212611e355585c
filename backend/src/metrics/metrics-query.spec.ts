import { InvalidMetricsQuery, parseAsOf, parseMetricsQuery, parseNumber } from './metrics-query.js';

const now = Date.parse('2021-06-01T04:00:00Z');

describe('parseMetricsQuery', () => {
  it('defaults to the city, the asOf day and the days before it', () => {
    expect(parseMetricsQuery({}, { now, defaultDays: 7 })).toEqual({ from: '2021-05-26', to: '2021-06-01', asOf: now, area: { code: '63000', name: '臺北市', nameEn: 'Taipei City' }, districtCode: undefined });
  });

  it('takes a district by any spelling', () => {
    for (const district of ['萬華區', '萬華', 'Wanhua', '63000070']) expect(parseMetricsQuery({ district }, { now, defaultDays: 7 }).districtCode).toBe('63000070');
  });

  it('refuses what it cannot answer, saying why', () => {
    expect(() => parseMetricsQuery({ district: '板橋區' }, { now, defaultDays: 7 })).toThrow(/not one of Taipei's 12 districts/);
    expect(() => parseMetricsQuery({ from: '2021-02-30' }, { now, defaultDays: 7 })).toThrow(InvalidMetricsQuery);
    expect(() => parseMetricsQuery({ from: '2021-06-02', to: '2021-06-01' }, { now, defaultDays: 7 })).toThrow(/after/);
    expect(() => parseMetricsQuery({ asOf: 'yesterday' }, { now, defaultDays: 7 })).toThrow(/asOf must be/);
    expect(() => parseMetricsQuery({ from: '2010-01-01', to: '2021-01-01' }, { now, defaultDays: 7 })).toThrow(/at most/);
  });
});

describe('parseAsOf', () => {
  it('reads a time with its offset, and a date as the end of that Taipei day', () => {
    expect(parseAsOf('2021-05-20T12:00:00+08:00', now)).toBe(Date.parse('2021-05-20T04:00:00Z'));
    expect(parseAsOf('2021-05-20', now)).toBe(Date.parse('2021-05-20T15:59:59.999Z'));
    expect(() => parseAsOf('2021-05-20T12:00:00', now)).toThrow(/offset/);
  });
});

describe('parseNumber', () => {
  it('bounds the value', () => {
    expect(parseNumber('siMean', '4.7', 1, { min: 1, max: 30, exclusiveMin: true })).toBe(4.7);
    expect(() => parseNumber('siMean', '1', 1, { min: 1, max: 30, exclusiveMin: true })).toThrow(/above 1/);
    expect(() => parseNumber('minutes', 'x', 60, { min: 0, max: 1440 })).toThrow(/minutes must be a number/);
  });
});
