import { gammaCdf, gammaQuantile } from '../stats/gamma.js';

/**
 * The instantaneous reproduction number by the method of Cori et al. (2013), with the
 * conventions of the R package EpiEstim (estimate_R), so an epidemiologist can check a figure
 * against the reference implementation:
 * - gamma prior on R (default mean 5, sd 5);
 * - the infection pressure Λ(t) = Σ_k w(k)·I(t−k) counts local and imported cases (both infect);
 *   only local cases are counted as infected (the posterior shape);
 * - the first day's local cases are treated as imported (nothing earlier could have infected them);
 * - a window ending on or before the mean serial interval has no estimate.
 * Days are 1-based as in R: window [tStart, tEnd] covers days tStart..tEnd.
 */

export const QUANTILE_LEVELS = [0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975] as const;

export interface RtPrior {
  mean: number;
  sd: number;
}

export const EPIESTIM_DEFAULT_PRIOR: RtPrior = { mean: 5, sd: 5 };

export interface RtEstimate {
  tStart: number;
  tEnd: number;
  /** Local cases in the window: what the estimate rests on. */
  localCases: number;
  /** Posterior gamma shape and scale. */
  shape: number;
  scale: number;
  mean: number;
  sd: number;
  median: number;
  /** Posterior quantiles keyed by level (0.025 … 0.975). */
  quantiles: Record<(typeof QUANTILE_LEVELS)[number], number>;
  /** Posterior coefficient of variation: 1 / √shape. */
  cv: number;
}

/** A window EpiEstim leaves NA: it ends before one mean serial interval has passed. */
export interface RtNoEstimate {
  tStart: number;
  tEnd: number;
  localCases: number;
  shape: null;
}

export type RtWindow = RtEstimate | RtNoEstimate;

/**
 * EpiEstim's discr_si: the serial interval as 1 + a gamma with the given mean and sd,
 * discretised so the probability of k days is the mass of a triangular kernel around k.
 * Returns w(0..maxK); w(0) is 0.
 */
export function discretiseSerialInterval(maxK: number, mean: number, sd: number): number[] {
  if (!(mean > 1)) throw new RangeError(`the serial interval's mean must exceed 1 day (it is offset by one day), got ${mean}`);
  if (!(sd > 0)) throw new RangeError(`the serial interval's sd must be positive, got ${sd}`);
  const a = ((mean - 1) / sd) ** 2;
  const b = sd ** 2 / (mean - 1);
  const cdf = (k: number, shape: number) => (k <= 0 ? 0 : gammaCdf(k, shape, b));
  const w: number[] = [];
  for (let k = 0; k <= maxK; k++) {
    let p = k * cdf(k, a) + (k - 2) * cdf(k - 2, a) - 2 * (k - 1) * cdf(k - 1, a);
    p += a * b * (2 * cdf(k - 1, a + 1) - cdf(k - 2, a + 1) - cdf(k, a + 1));
    w.push(Math.max(0, p));
  }
  return w;
}

/** Λ(t) for t = 1..T (index t−1); Λ(1) is undefined in EpiEstim and not used. */
export function overallInfectivity(total: readonly number[], si: readonly number[]): number[] {
  const lambda = [NaN];
  for (let t = 2; t <= total.length; t++) {
    let sum = 0;
    for (let k = 0; k < t && k < si.length; k++) sum += si[k]! * total[t - 1 - k]!;
    lambda.push(sum);
  }
  return lambda;
}

export interface CoriInput {
  local: readonly number[];
  imported?: readonly number[];
  /** Discrete serial interval w(0), w(1), …; EpiEstim's si_distr. */
  serialInterval: readonly number[];
  windowDays?: number;
  prior?: RtPrior;
}

/** Sliding windows of `windowDays` days (EpiEstim's default t_start = 2..T−6 for 7 days). */
export function estimateRtCori(input: CoriInput): RtWindow[] {
  const T = input.local.length;
  const windowDays = input.windowDays ?? 7;
  const prior = input.prior ?? EPIESTIM_DEFAULT_PRIOR;
  const imported = input.imported ?? new Array<number>(T).fill(0);
  if (imported.length !== T) throw new RangeError('local and imported incidence must have the same length');
  const local = [...input.local];
  const origin = [...imported];
  if (T > 0 && local[0]! > 0) {
    origin[0]! += local[0]!;
    local[0] = 0;
  }
  const total = local.map((l, i) => l + origin[i]!);
  // EpiEstim pads the serial interval with zeros to T + 1 values before taking its mean.
  const si = [...input.serialInterval];
  while (si.length < T + 1) si.push(0);
  const meanSi = si.reduce((s, w, k) => s + w * k, 0);
  const lambda = overallInfectivity(total, si);
  const aPrior = (prior.mean / prior.sd) ** 2;
  const bPrior = prior.sd ** 2 / prior.mean;

  const windows: RtWindow[] = [];
  for (let tStart = 2; tStart + windowDays - 1 <= T; tStart++) {
    const tEnd = tStart + windowDays - 1;
    let cases = 0;
    let pressure = 0;
    for (let t = tStart; t <= tEnd; t++) {
      cases += local[t - 1]!;
      pressure += lambda[t - 1]!;
    }
    if (!(tEnd > meanSi)) {
      windows.push({ tStart, tEnd, localCases: cases, shape: null });
      continue;
    }
    const shape = aPrior + cases;
    const scale = 1 / (1 / bPrior + pressure);
    const q = (p: number) => gammaQuantile(p, shape, scale);
    const quantiles = Object.fromEntries(QUANTILE_LEVELS.map((p) => [p, q(p)])) as RtEstimate['quantiles'];
    windows.push({ tStart, tEnd, localCases: cases, shape, scale, mean: shape * scale, sd: Math.sqrt(shape) * scale, median: quantiles[0.5], quantiles, cv: 1 / Math.sqrt(shape) });
  }
  return windows;
}
