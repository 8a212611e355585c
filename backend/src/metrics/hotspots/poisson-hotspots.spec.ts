import { poissonExcess } from './poisson-hotspots.js';

describe('poissonExcess', () => {
  it('flags a week far above the baseline', () => {
    // Baseline 40 cases in 4 weeks: λ = 10; P(X ≥ 25 | 10) = 1 − Σ_{k<25} e^−10 10^k / k! = 4.69494e-5.
    const t = poissonExcess(25, 40);
    expect(t.expected).toBe(10);
    expect(t.pValue).toBeCloseTo(4.69494e-5, 9);
    expect(t.hotspot).toBe(true);
  });

  it('does not flag a week near the baseline', () => {
    expect(poissonExcess(12, 40)).toMatchObject({ hotspot: false });
  });

  it('floors the expectation so a single case in a quiet place is no alarm', () => {
    expect(poissonExcess(1, 0)).toMatchObject({ expected: 1, hotspot: false });
    // P(X ≥ 5 | 1) ≈ 0.00366 < 0.01.
    expect(poissonExcess(5, 0)).toMatchObject({ hotspot: true });
    expect(poissonExcess(0, 0)).toMatchObject({ pValue: 1, hotspot: false });
  });
});
