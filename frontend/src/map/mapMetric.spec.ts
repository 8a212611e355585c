import { HIGHEST_DISTRICT, LOWEST_DISTRICT, MOST_CASES_DISTRICT, makeEmptyOverview, makeOverview } from '../test/overviewFixture';
import { describeDistrictValue, describeMapMetric, districtMapValues, effectiveMapDay, mapValueOf } from './mapMetric';

const overview = makeOverview();
const valueOf = (values: { code: string; value: number }[], code: string) => values.find((district) => district.code === code)?.value;

describe('effectiveMapDay', () => {
  it('is the chosen day when it lies in the range, else the range’s last day', () => {
    expect(effectiveMapDay(overview, '2026-11-28')).toBe('2026-11-28');
    expect(effectiveMapDay(overview, '2026-11-24')).toBe('2026-11-24');
    expect(effectiveMapDay(overview, null)).toBe('2026-12-03');
    expect(effectiveMapDay(overview, '2026-11-23')).toBe('2026-12-03');
    expect(effectiveMapDay(overview, '2021-05-20')).toBe('2026-12-03');
  });
});

// 萬華區: 5 × [1,3,2,5,8,6,9,12,7,4] cases, population 170,000; the API rounds avg7Per100k to 4 decimals.
describe('districtMapValues', () => {
  it('7-day per 100k on the range’s last day: avg7Per100k × 7 of that day', () => {
    const values = districtMapValues(overview, '7day-per100k', '2026-12-03');
    // 255 cases in the 7 days → 21.4286 per 100k a day (rounded by the API) → ×7
    expect(valueOf(values, HIGHEST_DISTRICT)).toBeCloseTo(150.0002, 10);
    expect(valueOf(values, LOWEST_DISTRICT)).toBeCloseTo(33.9997, 10);
    expect(valueOf(values, MOST_CASES_DISTRICT)).toBeCloseTo(101.9998, 10);
    // …which is the API's last7Per100k up to the rounding of the daily rate
    expect(valueOf(values, HIGHEST_DISTRICT)).toBeCloseTo(overview.districts.find((d) => d.code === HIGHEST_DISTRICT)!.last7Per100k, 3);
  });

  it('7-day per 100k on a chosen day', () => {
    const values = districtMapValues(overview, '7day-per100k', '2026-11-28');
    // 5 × (1+3+2+5+8) = 95 cases in the 7 days to 11-28 → 7.9832 a day → 55.8824
    expect(valueOf(values, HIGHEST_DISTRICT)).toBeCloseTo(55.8824, 10);
    expect(valueOf(values, LOWEST_DISTRICT)).toBeCloseTo(12.6665, 10);
  });

  it('cases in range: totalCases', () => {
    const values = districtMapValues(overview, 'range-cases', '2026-12-03');
    expect(valueOf(values, HIGHEST_DISTRICT)).toBe(285);
    expect(valueOf(values, MOST_CASES_DISTRICT)).toBe(342);
    expect(valueOf(values, LOWEST_DISTRICT)).toBe(57);
  });

  it('cases per 100k in range: totalCases / population × 100,000', () => {
    const values = districtMapValues(overview, 'range-per100k', '2026-12-03');
    expect(valueOf(values, HIGHEST_DISTRICT)).toBeCloseTo(167.647058823529, 10);
    expect(valueOf(values, MOST_CASES_DISTRICT)).toBe(114);
    expect(valueOf(values, LOWEST_DISTRICT)).toBe(38);
  });

  it('lists all 12 districts at 0 on an empty store, in every mode', () => {
    for (const mode of ['7day-per100k', 'range-cases', 'range-per100k'] as const) {
      const values = districtMapValues(makeEmptyOverview(), mode, '2026-12-03');
      expect(values).toHaveLength(12);
      expect(values.every((district) => district.value === 0)).toBe(true);
    }
  });

  it('gives 0 per 100k, not Infinity, for a district without a population figure', () => {
    const area = { ...overview.districts[0], population: 0 };
    expect(mapValueOf(area, 'range-per100k', '2026-12-03')).toBe(0);
  });
});

describe('describeMapMetric', () => {
  it('names the metric with its day, or with its range', () => {
    expect(describeMapMetric('7day-per100k', '2026-11-28', overview).title).toBe('7日每十萬人 7-day per 100k（截至 ending 2026-11-28）');
    expect(describeMapMetric('range-cases', '2026-11-28', overview).title).toBe('區間病例 Cases in range（2026-11-24 – 2026-12-03）');
    expect(describeMapMetric('range-per100k', '2026-11-28', overview).title).toBe('區間每十萬人 Cases per 100k in range（2026-11-24 – 2026-12-03）');
  });

  it('tells a district’s tooltip which metric, over what, and the value', () => {
    const wanhua = { code: HIGHEST_DISTRICT, name: '萬華區', nameEn: 'Wanhua District', value: 1234.56 };
    expect(describeDistrictValue(wanhua, describeMapMetric('range-cases', '2026-12-03', overview))).toBe(
      '萬華區 Wanhua District：區間病例 Cases in range（2026-11-24 – 2026-12-03）：1,235',
    );
    expect(describeDistrictValue(wanhua, describeMapMetric('7day-per100k', '2026-12-03', overview))).toBe(
      '萬華區 Wanhua District：7日每十萬人 7-day per 100k（截至 ending 2026-12-03）：1,234.6',
    );
  });
});
