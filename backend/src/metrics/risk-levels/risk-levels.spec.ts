import { areaRiskLevel, levelOf, rulesInForce, type RiskRule } from './risk-levels.js';

const v1: RiskRule[] = [
  { version: 'v1', effectiveFrom: '2020-01-01', metric: 'new_cases_per_100k', cutPoints: [1, 10, 25, 75], source: 'CAN' },
  { version: 'v1', effectiveFrom: '2020-01-01', metric: 'rt', cutPoints: [0.9, 1.1, 1.4], source: 'CAN' },
  { version: 'v1', effectiveFrom: '2020-01-01', metric: 'icu_occupancy', cutPoints: [0.7, 0.8, 0.85], source: 'CAN' },
];
const v2: RiskRule[] = [{ version: 'v2', effectiveFrom: '2021-06-01', metric: 'new_cases_per_100k', cutPoints: [2, 20, 50, 100], source: 'city' }];
const wanhua = { code: '63000070', name: '萬華區', nameEn: 'Wanhua District' };

describe('risk levels', () => {
  it('reaches a level at its cut point', () => {
    expect([0.99, 1, 9.99, 10, 25, 74.9, 75, 500].map((v) => levelOf(v, [1, 10, 25, 75]))).toEqual([0, 1, 1, 2, 3, 3, 4, 4]);
  });

  it('uses the version in force on the date', () => {
    expect(rulesInForce([...v1, ...v2], '2021-05-31').map((r) => r.version)).toEqual(['v1', 'v1', 'v1']);
    expect(rulesInForce([...v1, ...v2], '2021-06-01').map((r) => r.version)).toEqual(['v2']);
    expect(rulesInForce(v2, '2021-01-01')).toEqual([]);
  });

  it('takes the highest metric as the level and names it as the reason', () => {
    const level = areaRiskLevel(wanhua, { new_cases_per_100k: 12.3, rt: 1.5, icu_occupancy: null }, v1);
    expect(level).toMatchObject({ level: 3, label: 'critical', drivenBy: { metric: 'rt', value: 1.5 } });
    expect(level.metrics.find((m) => m.metric === 'icu_occupancy')).toEqual({ metric: 'icu_occupancy', value: null, level: null, cutPoints: [0.7, 0.8, 0.85] });
  });

  it('is low, with no reason, when no metric has a value', () => {
    expect(areaRiskLevel(wanhua, {}, v1)).toMatchObject({ level: 0, label: 'low', drivenBy: null });
  });
});
