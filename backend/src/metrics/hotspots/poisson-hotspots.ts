import { poissonUpperTail } from '../stats/gamma.js';

/**
 * A place is a hotspot when its cases in the last 7 days are more than its own recent past
 * predicts: H0 is X ~ Poisson(λ) with λ the mean weekly count of the 28 days before the week,
 * floored at `minExpected` (so one case in a quiet district is not an alarm); it is flagged when
 * P(X ≥ observed) < alpha. One-sided: only excess matters.
 */
export const DEFAULT_ALPHA = 0.01;
export const DEFAULT_MIN_EXPECTED = 1;
export const BASELINE_WEEKS = 4;

export interface PoissonTest {
  observed: number;
  expected: number;
  pValue: number;
  hotspot: boolean;
}

export function poissonExcess(observed: number, baselineCases: number, alpha = DEFAULT_ALPHA, minExpected = DEFAULT_MIN_EXPECTED): PoissonTest {
  const expected = Math.max(baselineCases / BASELINE_WEEKS, minExpected);
  const pValue = poissonUpperTail(observed, expected);
  return { observed, expected: Math.round(expected * 1e4) / 1e4, pValue: Number(pValue.toPrecision(6)), hotspot: observed > 0 && pValue < alpha };
}
