import type { ReliefMetricRow } from '../api/risk';
import { reliefByProgram } from './relief';

const row = (program: string, districtCode: string, n: number, medianDays: number | null, p90Days: number | null): ReliefMetricRow => ({
  program,
  districtCode,
  submitted: 10 * n,
  approved: 6 * n,
  rejected: n,
  paid: 5 * n,
  backlog: 3 * n,
  medianDays,
  p90Days,
});

describe('reliefByProgram', () => {
  const rows = [row('防疫補償', '63000070', 2, 3, 9), row('防疫補償', '63000010', 1, 5, 12), row('紓困生活補貼', '63000070', 5, null, null), row('紓困生活補貼', '63000010', 1, 4, 4)];

  it('sums the counts over districts, busiest program first, and gives the range of district medians', () => {
    const summary = reliefByProgram(rows);
    expect(summary.map((p) => p.program)).toEqual(['紓困生活補貼', '防疫補償']);
    expect(summary[1]).toEqual({
      program: '防疫補償',
      submitted: 30,
      approved: 18,
      rejected: 3,
      paid: 15,
      backlog: 9,
      medianDays: { kind: 'range', min: 3, max: 5 },
      p90Days: { kind: 'range', min: 9, max: 12 },
    });
    // Only one district decided any: its figures are exact.
    expect(summary[0].medianDays).toEqual({ kind: 'exact', days: 4 });
  });

  it('keeps only the district asked for, with its exact times', () => {
    const summary = reliefByProgram(rows, '63000070');
    const compensation = summary.find((p) => p.program === '防疫補償');
    const living = summary.find((p) => p.program === '紓困生活補貼');
    expect(compensation).toMatchObject({ submitted: 20, medianDays: { kind: 'exact', days: 3 }, p90Days: { kind: 'exact', days: 9 } });
    expect(living).toMatchObject({ submitted: 50, medianDays: null, p90Days: null });
  });
});
