import { gammaCdf, gammaQuantile, lnGamma, poissonUpperTail } from './gamma.js';

describe('gamma functions', () => {
  it('ln Γ matches known values', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    // Γ(x + 1) = x Γ(x), a hundred times over.
    let expected = lnGamma(0.5);
    for (let k = 0; k < 100; k++) expected += Math.log(k + 0.5);
    expect(lnGamma(100.5)).toBeCloseTo(expected, 9);
  });

  it('the CDF of an exponential is 1 - e^-x', () => {
    for (const x of [0.1, 1, 3, 12]) expect(gammaCdf(x, 1, 1)).toBeCloseTo(1 - Math.exp(-x), 14);
    expect(gammaCdf(0, 2, 1)).toBe(0);
  });

  it('the CDF of shape 2 is 1 - (1 + x) e^-x, on both sides of the mode', () => {
    for (const x of [0.5, 2.5, 9]) expect(gammaCdf(x, 2, 1)).toBeCloseTo(1 - (1 + x) * Math.exp(-x), 14);
  });

  it('quantiles invert the CDF across shapes', () => {
    for (const shape of [0.3, 1, 2.5, 17, 400]) {
      for (const p of [0.025, 0.5, 0.975]) {
        const q = gammaQuantile(p, shape, 2);
        expect(gammaCdf(q, shape, 2)).toBeCloseTo(p, 12);
      }
    }
    // qgamma(0.975, 1, 5) = -5 log(0.025)
    expect(gammaQuantile(0.975, 1, 5)).toBeCloseTo(-5 * Math.log(0.025), 11);
  });

  it('Poisson upper tail equals the summed probabilities', () => {
    const mean = 3.2;
    let below = 0;
    for (let i = 0; i < 7; i++) below += Math.exp(-mean + i * Math.log(mean) - lnGamma(i + 1));
    expect(poissonUpperTail(7, mean)).toBeCloseTo(1 - below, 13);
    expect(poissonUpperTail(0, mean)).toBe(1);
  });
});
