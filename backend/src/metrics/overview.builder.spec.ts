import { addDays, buildDailySeries, buildOverview, choosePopulationDate, type OverviewInputs } from './overview.builder.js';

describe('buildDailySeries', () => {
  it('zero-fills days and averages over the trailing 7 days, including days before the range', () => {
    const counts = new Map([
      ['2021-05-01', 7],
      ['2021-05-07', 14],
      ['2021-05-08', 21],
    ]);
    const series = buildDailySeries(counts, '2021-05-07', '2021-05-09', 100_000);
    expect(series).toEqual([
      { date: '2021-05-07', cases: 14, avg7: 3, avg7Per100k: 3 },
      { date: '2021-05-08', cases: 21, avg7: 5, avg7Per100k: 5 },
      { date: '2021-05-09', cases: 0, avg7: 5, avg7Per100k: 5 },
    ]);
  });

  it('gives 0 per 100k rather than infinity when the population is unknown', () => {
    expect(buildDailySeries(new Map([['2021-05-01', 7]]), '2021-05-01', '2021-05-01', 0)[0]!.avg7Per100k).toBe(0);
  });
});

describe('choosePopulationDate', () => {
  const pops = ['2021-04-30', '2021-06-30', '2021-09-30'].map((asOf) => ({ district: '萬華區', asOf, population: 1 }));
  it.each([
    ['2021-07-31', '2021-06-30'],
    ['2021-06-30', '2021-06-30'],
    ['2020-12-31', '2021-04-30'],
    ['2023-01-01', '2021-09-30'],
  ])('range ending %s uses %s', (to, expected) => expect(choosePopulationDate(pops, to)).toBe(expected));
});

describe('buildOverview', () => {
  const inputs: OverviewInputs = {
    from: '2021-05-10',
    to: '2021-05-16',
    dailyCases: [
      { district: '萬華區', date: '2021-05-15', cases: 10 },
      { district: '萬華區', date: '2021-05-16', cases: 20 },
      { district: '大安區', date: '2021-05-16', cases: 5 },
      // A Taipei case without a district counts for the city only.
      { district: '', date: '2021-05-16', cases: 1 },
      // Before the range: feeds the average, not the total.
      { district: '萬華區', date: '2021-05-09', cases: 100 },
    ],
    populations: [
      { district: '萬華區', asOf: '2021-04-30', population: 200_000 },
      { district: '大安區', asOf: '2021-04-30', population: 300_000 },
    ],
    hourlyCheckins: [
      { districtCode: '63000070', hour: '2021-05-16T12:00:00+08:00', checkins: 3, people: 5 },
      { districtCode: '63000030', hour: '2021-05-16T12:00:00+08:00', checkins: 2, people: 2 },
    ],
    checkinsFrom: 'a',
    checkinsTo: 'b',
    dataAsOf: '2021-05-16T10:00:00.000Z',
    unlocatedImportedCases: 4,
    version: 9,
  };
  const overview = buildOverview(inputs);
  const wanhua = overview.districts.find((d) => d.name === '萬華區')!;

  it('answers all 12 districts, in Chinese and English, with totals for the range', () => {
    expect(overview.districts).toHaveLength(12);
    expect(wanhua).toMatchObject({ code: '63000070', nameEn: 'Wanhua District', population: 200_000, populationDate: '2021-04-30', totalCases: 30 });
    expect(overview.districts.find((d) => d.name === '松山區')).toMatchObject({ totalCases: 0, population: 0 });
    expect(overview.city).toMatchObject({ code: '63000', name: '臺北市', totalCases: 36, population: 500_000 });
  });

  it('uses the days before the range in the first 7-day averages', () => {
    expect(wanhua.daily[0]).toEqual({ date: '2021-05-10', cases: 0, avg7: 14.2857, avg7Per100k: 7.1429 });
  });

  it('gives the last-7-days rate the map shades by', () => {
    expect(wanhua.last7Per100k).toBe(15);
    expect(overview.city.last7Per100k).toBe(7.2);
  });

  it('sums check-ins per hour for the city and keeps districts apart', () => {
    expect(overview.city.checkinsHourly).toEqual([{ hour: '2021-05-16T12:00:00+08:00', checkins: 5, people: 7 }]);
    expect(wanhua.checkinsHourly).toEqual([{ hour: '2021-05-16T12:00:00+08:00', checkins: 3, people: 5 }]);
    expect(wanhua).toMatchObject({ checkins: 3, people: 5 });
    expect(overview.city).toMatchObject({ checkins: 5, people: 7 });
  });

  it('passes the version, data-as-of and unlocated imported cases through', () => {
    expect(overview).toMatchObject({ version: 9, dataAsOf: '2021-05-16T10:00:00.000Z', unlocatedImportedCases: 4 });
  });
});

describe('addDays', () => {
  it('crosses months and leap days', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
  });
});
