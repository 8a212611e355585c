import { capacityMetric, stockMetric } from './resource-metrics.js';

describe('capacityMetric', () => {
  it('projects the runway from the 7-day trend', () => {
    const days = [
      { date: '2021-05-20', total: 100, occupied: 40 },
      { date: '2021-05-24', total: 100, occupied: 50 },
      { date: '2021-05-27', total: 100, occupied: 54 },
    ];
    // 14 more in 7 days: 2 a day; 46 free: 23 days.
    expect(capacityMetric('icu_beds', 3, days)).toEqual({ kind: 'icu_beds', total: 100, occupied: 54, free: 46, occupancy: 0.54, trendPerDay: 2, runwayDays: 23, facilities: 3 });
  });

  it('has no runway when emptying, and no occupancy when only totals were reported', () => {
    expect(capacityMetric('icu_beds', 1, [{ date: '2021-05-20', total: 10, occupied: 8 }, { date: '2021-05-21', total: 10, occupied: 6 }])).toMatchObject({ trendPerDay: -2, runwayDays: null });
    expect(capacityMetric('quarantine_rooms', 1, [{ date: '2021-05-20', total: 1000, occupied: null }])).toMatchObject({ occupancy: null, trendPerDay: null, runwayDays: null, free: 1000 });
  });
});

describe('stockMetric', () => {
  it('divides stock by the average daily use, not counting deliveries as negative use', () => {
    const days = [
      { date: '2021-05-20', quantity: 1000 },
      { date: '2021-05-22', quantity: 800 },
      { date: '2021-05-24', quantity: 1500 },
      { date: '2021-05-27', quantity: 1080 },
    ];
    // Used 200 + 420 = 620 in 7 days: 88.57 a day; 1080 / 88.57 = 12.2 days.
    expect(stockMetric('rapid_tests', 2, days)).toEqual({ item: 'rapid_tests', quantity: 1080, avgDailyUse7: 88.57, daysOfSupply: 12.2, facilities: 2 });
  });

  it('says nothing about supply when nothing was used', () => {
    expect(stockMetric('ppe_sets', 1, [{ date: '2021-05-20', quantity: 5 }])).toMatchObject({ avgDailyUse7: null, daysOfSupply: null });
  });
});
