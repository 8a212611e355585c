import type { RtPoint } from '@epiboard/pipelines';
import { addDays } from '../overview.builder.js';
import type { DailyOrigin } from '../incidence/incidence.builder.js';
import { discretiseSerialInterval, estimateRtCori, type RtPrior } from './cori-rt.js';

/**
 * COVID-19 serial interval: mean 4.7 days, sd 2.9 (Nishiura, Linton & Akhmetzhanov 2020,
 * Int J Infect Dis 93:284-286). Configurable per request.
 */
export const DEFAULT_SERIAL_INTERVAL = { mean: 4.7, sd: 2.9 };

/** Days of history before `from` fed to the estimator, so early windows see their infectors. */
export const RT_LOOKBACK_DAYS = 42;

/**
 * EpiEstim's rule of thumb (min_nb_cases_per_time_period): below this many local cases in a
 * window the posterior CV exceeds 0.3 under the default prior, and the window is marked.
 */
export const MIN_LOCAL_CASES = 11;

/** Rt for each 7-day window ending from `from` to `to`; `days` runs from `from − RT_LOOKBACK_DAYS` to `to`, zero-filled. */
export function rtSeries(days: DailyOrigin[], from: string, serialInterval = DEFAULT_SERIAL_INTERVAL, prior?: RtPrior): RtPoint[] {
  const si = discretiseSerialInterval(days.length, serialInterval.mean, serialInterval.sd);
  const windows = estimateRtCori({ local: days.map((d) => d.local), imported: days.map((d) => d.imported), serialInterval: si, prior });
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const start = days[0]?.date ?? from;
  return windows
    .map((w): RtPoint => {
      const date = addDays(start, w.tEnd - 1);
      if (w.shape === null) return { date, mean: null, median: null, lower: null, upper: null, localCases: w.localCases, insufficient: 'the window ends within one mean serial interval of the first day' };
      if (w.localCases < MIN_LOCAL_CASES) return { date, mean: null, median: null, lower: null, upper: null, localCases: w.localCases, insufficient: `fewer than ${MIN_LOCAL_CASES} local cases in the window (posterior CV above 0.3)` };
      return { date, mean: round(w.mean), median: round(w.median), lower: round(w.quantiles[0.025]), upper: round(w.quantiles[0.975]), localCases: w.localCases };
    })
    .filter((p) => p.date >= from);
}
