import type { AreaOverview, DailyPoint, HourlyCheckins, Overview } from '../api/overview';
import { TAIPEI_CITY, TAIPEI_DISTRICTS } from '../api/districts';

/** Ten days across a month end, with a small wave. */
export const FIXTURE_DAYS = ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'];

function dailySeries(scale: number): DailyPoint[] {
  const cases = [1, 3, 2, 5, 8, 6, 9, 12, 7, 4].map((n) => n * scale);
  return FIXTURE_DAYS.map((date, i) => {
    const window = cases.slice(Math.max(0, i - 6), i + 1);
    const avg7 = window.reduce((sum, n) => sum + n, 0) / 7;
    return { date, cases: cases[i], avg7, avg7Per100k: avg7 / 2 };
  });
}

/** Six hours of the last day, 08:00–13:00 Taipei time (the window ends 14:00). */
function hourlySeries(scale: number): HourlyCheckins[] {
  return [8, 9, 10, 11, 12, 13].map((hour, i) => ({
    hour: `2026-12-03T${String(hour).padStart(2, '0')}:00:00+08:00`,
    checkins: (i + 1) * 10 * scale,
    people: (i + 1) * 14 * scale,
  }));
}

function area(code: string, name: string, nameEn: string, scale: number, last7Per100k: number): AreaOverview {
  const daily = dailySeries(scale);
  return {
    code,
    name,
    nameEn,
    population: 150_000 * scale,
    populationDate: '2026-10-31',
    totalCases: daily.reduce((sum, point) => sum + point.cases, 0),
    last7Per100k,
    daily,
    checkinsHourly: hourlySeries(scale),
  };
}

/** 12 districts; 萬華區 (63000070) is the highest on the map, 松山區 (63000010) the lowest. */
export const HIGHEST_DISTRICT = '63000070';
export const LOWEST_DISTRICT = '63000010';

export function makeOverview(overrides: Partial<Overview> = {}): Overview {
  const districts = TAIPEI_DISTRICTS.map((district, i) => {
    const rate = district.code === HIGHEST_DISTRICT ? 48.5 : district.code === LOWEST_DISTRICT ? 0.5 : 3 + i * 2;
    return area(district.code, district.name, district.nameEn, 1 + (i % 3), rate);
  });
  return {
    from: '2026-11-24',
    to: '2026-12-03',
    checkinsFrom: '2026-11-26T06:00:00.000Z',
    checkinsTo: '2026-12-03T06:00:00.000Z',
    dataAsOf: '2026-12-03T11:20:05Z',
    version: 1764760805000,
    city: area(TAIPEI_CITY.code, TAIPEI_CITY.name, TAIPEI_CITY.nameEn, 20, 12.3),
    districts,
    unlocatedImportedCases: 0,
    ...overrides,
  };
}

/** What the API answers before any case has landed. */
export function makeEmptyOverview(): Overview {
  return {
    from: '2026-09-05',
    to: '2026-12-03',
    checkinsFrom: '2026-11-26T04:00:00.000Z',
    checkinsTo: '2026-12-03T04:00:00.000Z',
    dataAsOf: null,
    version: 1764734400000,
    city: { ...area(TAIPEI_CITY.code, TAIPEI_CITY.name, TAIPEI_CITY.nameEn, 1, 0), totalCases: 0, daily: [], checkinsHourly: [] },
    districts: [],
    unlocatedImportedCases: 0,
  };
}
