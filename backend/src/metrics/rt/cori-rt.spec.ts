import { readFileSync } from 'node:fs';
import { discretiseSerialInterval, estimateRtCori, type RtEstimate } from './cori-rt.js';

// EpiEstim 3.0.0 reference output (mrc-ide/EpiEstim tests, copied with their source in fixtures/SOURCES.md).
const fixture = (name: string) => {
  const [header, ...lines] = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').trim().split('\n');
  const keys = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i]!, v])));
};
const num = (rows: Array<Record<string, string>>, key: string) => rows.map((r) => Number(r[key]));

const flu = fixture('epiestim_flu2009_incidence.csv');
const example2 = fixture('epiestim_example2_local_imported_incidence.csv');
const siTable = fixture('epiestim_serial_interval_distributions.csv');

function expectMatches(actual: ReturnType<typeof estimateRtCori>, expectedFile: string) {
  const expected = fixture(expectedFile);
  const estimates = actual.filter((w): w is RtEstimate => w.shape !== null);
  expect(estimates).toHaveLength(expected.length);
  expected.forEach((row, i) => {
    const w = estimates[i]!;
    expect([w.tStart, w.tEnd]).toEqual([Number(row.t_start), Number(row.t_end)]);
    const pairs: Array<[number, string]> = [
      [w.mean, 'Mean(R)'],
      [w.sd, 'Std(R)'],
      [w.quantiles[0.025], 'Quantile.0.025(R)'],
      [w.quantiles[0.05], 'Quantile.0.05(R)'],
      [w.quantiles[0.25], 'Quantile.0.25(R)'],
      [w.median, 'Median(R)'],
      [w.quantiles[0.75], 'Quantile.0.75(R)'],
      [w.quantiles[0.95], 'Quantile.0.95(R)'],
      [w.quantiles[0.975], 'Quantile.0.975(R)'],
    ];
    for (const [value, key] of pairs) {
      // The reference is printed at 7-9 significant digits: compare within 1e-6 absolute.
      expect(Math.abs(value - Number(row[key]))).toBeLessThan(1e-6);
    }
  });
}

describe('Cori Rt against EpiEstim', () => {
  it('Example 1: Flu2009, non-parametric serial interval', () => {
    const si = num(siTable, 'flu2009_si_distr_nonparametric_example1').filter((_, k) => siTable[k]!.flu2009_si_distr_nonparametric_example1 !== '');
    expectMatches(estimateRtCori({ local: num(flu, 'I_local'), imported: num(flu, 'I_imported'), serialInterval: si }), 'epiestim_flu2009_expected_R_example1_nonparametric_si.csv');
  });

  it('Example 3: Flu2009, parametric serial interval mean 2.6 sd 1.5', () => {
    const si = discretiseSerialInterval(flu.length, 2.6, 1.5);
    expectMatches(estimateRtCori({ local: num(flu, 'I_local'), imported: num(flu, 'I_imported'), serialInterval: si }), 'epiestim_flu2009_expected_R_example3_parametric_si_mean2.6_sd1.5.csv');
  });

  it('Example 2: local and imported cases; imported cases infect but are not counted as infected', () => {
    const si = discretiseSerialInterval(example2.length, 2.6, 1.5);
    expectMatches(estimateRtCori({ local: num(example2, 'I_local'), imported: num(example2, 'I_imported'), serialInterval: si }), 'epiestim_example2_expected_R_parametric_si_local_imported.csv');
  });

  it('discretises the serial interval exactly as EpiEstim discr_si', () => {
    const expected = num(siTable, 'discr_si_mean2.6_sd1.5_example3_len33');
    discretiseSerialInterval(32, 2.6, 1.5).forEach((w, k) => expect(Math.abs(w - expected[k]!)).toBeLessThan(1e-7));
  });

  it('gives no estimate for windows ending before one mean serial interval', () => {
    // Every infection 3 days after its infector: the mean serial interval is 3 days.
    const windows = estimateRtCori({ local: [0, 1, 1, 1, 1, 1], imported: [1, 0, 0, 0, 0, 0], serialInterval: [0, 0, 0, 1], windowDays: 2 });
    expect(windows.map((w) => [w.tEnd, w.shape])).toEqual([[3, null], [4, 3], [5, 3], [6, 3]]);
  });

  it('treats the first day’s local cases as imported', () => {
    const a = estimateRtCori({ local: [3, 2, 2, 2, 2, 2, 2, 2], serialInterval: discretiseSerialInterval(8, 2.6, 1.5) });
    const b = estimateRtCori({ local: [0, 2, 2, 2, 2, 2, 2, 2], imported: [3, 0, 0, 0, 0, 0, 0, 0], serialInterval: discretiseSerialInterval(8, 2.6, 1.5) });
    expect(a).toEqual(b);
  });

  it('refuses a serial interval EpiEstim cannot offset', () => {
    expect(() => discretiseSerialInterval(10, 0.8, 1)).toThrow(/exceed 1 day/);
  });
});
