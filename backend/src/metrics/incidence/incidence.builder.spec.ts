import { buildIncidence, weeklyGrowth, zeroFilledDays } from './incidence.builder.js';

const area = { code: '63000070', name: '萬華區', nameEn: 'Wanhua District' };

describe('weeklyGrowth', () => {
  it('doubles in 7 days when a week doubles', () => {
    expect(weeklyGrowth(20, 10)).toEqual({ weekOverWeekGrowth: 1, doublingDays: 7, halvingDays: null });
  });
  it('halves in 7 days when a week halves', () => {
    expect(weeklyGrowth(5, 10)).toEqual({ weekOverWeekGrowth: -0.5, doublingDays: null, halvingDays: 7 });
  });
  it('says nothing it cannot know', () => {
    expect(weeklyGrowth(5, 0)).toEqual({ weekOverWeekGrowth: null, doublingDays: null, halvingDays: null });
    expect(weeklyGrowth(10, 10)).toEqual({ weekOverWeekGrowth: 0, doublingDays: null, halvingDays: null });
    expect(weeklyGrowth(0, 10)).toEqual({ weekOverWeekGrowth: -1, doublingDays: null, halvingDays: null });
  });
});

describe('buildIncidence', () => {
  const days = [
    { date: '2021-05-01', local: 7, imported: 0 },
    { date: '2021-05-09', local: 10, imported: 0 },
    { date: '2021-05-15', local: 20, imported: 1 },
  ];
  const answer = buildIncidence({ area, from: '2021-05-14', to: '2021-05-16', asOf: Date.parse('2021-05-17T00:00:00Z'), population: 200_000, populationDate: '2021-04-30', days, byReportDate: [], unknownSource: { cases: 4, unknown: 1 } });

  it('counts local and imported by case date, with 7-day averages per 100k', () => {
    expect(answer.byCaseDate).toEqual([
      { date: '2021-05-14', cases: 0, local: 0, imported: 0, avg7: 1.4286, avg7Per100k: 0.7143 },
      { date: '2021-05-15', cases: 21, local: 20, imported: 1, avg7: 4.4286, avg7Per100k: 2.2143 },
      { date: '2021-05-16', cases: 0, local: 0, imported: 0, avg7: 3, avg7Per100k: 1.5 },
    ]);
    expect(answer).toMatchObject({ local: 20, imported: 1, importedShare: 0.0476, totalCases: 21, per100k: 10.5 });
  });

  it('compares the last 7 days with the 7 before, even past the range start', () => {
    expect(answer).toMatchObject({ last7: 21, previous7: 10, weekOverWeekGrowth: 1.1 });
    expect(answer.doublingDays).toBeCloseTo((7 * Math.LN2) / Math.log(2.1), 2);
  });

  it('gives the share of line-list cases with an unknown source', () => {
    expect(answer.unknownSource).toEqual({ cases: 4, unknown: 1, share: 0.25 });
  });
});

describe('zeroFilledDays', () => {
  it('sums rows of one day and fills the gaps', () => {
    expect(zeroFilledDays([{ date: '2021-01-02', local: 1, imported: 0 }, { date: '2021-01-02', local: 0, imported: 2 }], '2021-01-01', '2021-01-02')).toEqual([
      { date: '2021-01-01', local: 0, imported: 0 },
      { date: '2021-01-02', local: 1, imported: 2 },
    ]);
  });
});
