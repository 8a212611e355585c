import type { AreaOverview, DailyPoint, HourlyCheckins, Overview } from '../api/overview';
import { TAIPEI_CITY, TAIPEI_DISTRICTS } from '../api/districts';

/** Ten days across a month end, with a small wave. */
export const FIXTURE_DAYS = ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'];
/** Cases per day of an area with scale 1; the six days before the range had none. */
export const FIXTURE_CASES = [1, 3, 2, 5, 8, 6, 9, 12, 7, 4];

/** The API rounds rates and averages to 4 decimals. */
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

function dailySeries(scale: number, population: number): DailyPoint[] {
  const cases = FIXTURE_CASES.map((n) => n * scale);
  return FIXTURE_DAYS.map((date, i) => {
    const window = cases.slice(Math.max(0, i - 6), i + 1);
    const avg7 = window.reduce((sum, n) => sum + n, 0) / 7;
    return { date, cases: cases[i], avg7, avg7Per100k: round4((avg7 / population) * 1e5) };
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

/** An area as the API builds it: totals and rates follow from its cases and population. */
function area(code: string, name: string, nameEn: string, scale: number, population: number): AreaOverview {
  const daily = dailySeries(scale, population);
  const last7 = daily.slice(-7).reduce((sum, point) => sum + point.cases, 0);
  return {
    code,
    name,
    nameEn,
    population,
    populationDate: '2026-10-31',
    totalCases: daily.reduce((sum, point) => sum + point.cases, 0),
    last7Per100k: round4((last7 / population) * 1e5),
    daily,
    checkinsHourly: hourlySeries(scale),
    checkins: hourlySeries(scale).reduce((sum, h) => sum + h.checkins, 0),
    people: hourlySeries(scale).reduce((sum, h) => sum + h.people, 0),
  };
}

/**
 * Case scale and population per district. 萬華區 (63000070) is the highest on every per-100k map
 * (last 7 days: 255 cases, 150 per 100k), 松山區 (63000010) the lowest; 大安區 (63000030) has the
 * most cases, so "cases" and "per 100k" maps differ.
 */
export const HIGHEST_DISTRICT = '63000070';
export const LOWEST_DISTRICT = '63000010';
export const MOST_CASES_DISTRICT = '63000030';
const DISTRICT_SIZES: Record<string, { scale: number; population: number }> = {
  '63000010': { scale: 1, population: 150_000 },
  '63000020': { scale: 2, population: 220_000 },
  '63000030': { scale: 6, population: 300_000 },
  '63000040': { scale: 3, population: 230_000 },
  '63000050': { scale: 2, population: 160_000 },
  '63000060': { scale: 2, population: 125_000 },
  '63000070': { scale: 5, population: 170_000 },
  '63000080': { scale: 3, population: 270_000 },
  '63000090': { scale: 1, population: 120_000 },
  '63000100': { scale: 3, population: 285_000 },
  '63000110': { scale: 3, population: 280_000 },
  '63000120': { scale: 2, population: 250_000 },
};

export function makeOverview(overrides: Partial<Overview> = {}): Overview {
  const districts = TAIPEI_DISTRICTS.map((district) => {
    const { scale, population } = DISTRICT_SIZES[district.code];
    return area(district.code, district.name, district.nameEn, scale, population);
  });
  return {
    from: '2026-11-24',
    to: '2026-12-03',
    checkinsFrom: '2026-11-26T06:00:00.000Z',
    checkinsTo: '2026-12-03T06:00:00.000Z',
    dataAsOf: '2026-12-03T11:20:05Z',
    version: 1764760805000,
    // The city's own series (scale 20) is what the epicurve snapshot draws.
    city: area(TAIPEI_CITY.code, TAIPEI_CITY.name, TAIPEI_CITY.nameEn, 20, 3_000_000),
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
    city: { ...area(TAIPEI_CITY.code, TAIPEI_CITY.name, TAIPEI_CITY.nameEn, 1, 150_000), last7Per100k: 0, totalCases: 0, daily: [], checkinsHourly: [] },
    districts: [],
    unlocatedImportedCases: 0,
  };
}
