import type {
  AreaRiskLevel,
  HotspotsAnswer,
  IncidenceAnswer,
  ReliefMetricsAnswer,
  ResourceMetricsAnswer,
  RiskLevelLabel,
  RiskLevelsAnswer,
  RtPoint,
  VenueExposureAnswer,
} from '../api/risk';
import { TAIPEI_CITY, TAIPEI_DISTRICTS } from '../api/districts';
import type { MetricsPanelsData, MetricsPanelsState, PanelState } from '../live/metricsPanelsFeed';
import { FIXTURE_DAYS } from './overviewFixture';

const AS_OF = '2026-12-03T11:20:05.000Z';
const CUT_POINTS = { new_cases_per_100k: [1, 10, 25, 75], rt: [0.9, 1.1, 1.4, 1.7], icu_occupancy: [0.7, 0.8, 0.85, 0.9] } as const;
const LABELS: RiskLevelLabel[] = ['low', 'medium', 'high', 'critical', 'extreme'];

/**
 * Rt over the overview fixture's ten days: no estimate on the first two (too few cases), a
 * one-day gap on 11-29 (marked insufficient) and on 12-01 (no mean), estimates elsewhere.
 */
export function makeRtPoints(): RtPoint[] {
  const means = [null, null, 1.8, 1.6, 1.45, null, 1.3, null, 1.1, 0.95];
  const localCases = [1, 4, 6, 11, 19, 25, 34, 46, 53, 57];
  return FIXTURE_DAYS.map((date, i): RtPoint => {
    const mean = means[i];
    if (mean === null) {
      const none = { date, mean: null, median: null, lower: null, upper: null, localCases: localCases[i] };
      if (i === 7) return none; // no mean, and no reason given
      return { ...none, insufficient: i < 2 ? 'fewer than 12 local cases in the window' : 'posterior too wide' };
    }
    return { date, mean, median: mean - 0.01, lower: Math.round((mean - 0.35) * 100) / 100, upper: Math.round((mean + 0.4) * 100) / 100, localCases: localCases[i] };
  });
}

function areaLevel(code: string, name: string, nameEn: string, level: number, drivenBy: AreaRiskLevel['drivenBy']): AreaRiskLevel {
  const values: Record<string, number | null> = { new_cases_per_100k: 12.3, rt: 1.05, icu_occupancy: null };
  if (drivenBy) values[drivenBy.metric] = drivenBy.value;
  return {
    area: { code, name, nameEn },
    level,
    label: LABELS[level],
    drivenBy,
    metrics: (['new_cases_per_100k', 'rt', 'icu_occupancy'] as const).map((metric) => {
      const value = values[metric];
      return { metric, value, level: value === null ? null : CUT_POINTS[metric].filter((cut) => value >= cut).length, cutPoints: [...CUT_POINTS[metric]] };
    }),
  };
}

/** The city at medium, driven by 12.3 new cases per 100k; 萬華區 critical by Rt 1.52; the others from low to high. */
export function makeRiskLevels(): RiskLevelsAnswer {
  return {
    date: '2026-12-03',
    asOf: AS_OF,
    rules: { version: 'v1', effectiveFrom: '2020-01-01', source: 'Harvard Global Health Institute; CAN' },
    city: areaLevel(TAIPEI_CITY.code, TAIPEI_CITY.name, TAIPEI_CITY.nameEn, 2, { metric: 'new_cases_per_100k', value: 12.3 }),
    districts: TAIPEI_DISTRICTS.map((d, i) =>
      d.code === '63000070'
        ? areaLevel(d.code, d.name, d.nameEn, 3, { metric: 'rt', value: 1.52 })
        : areaLevel(d.code, d.name, d.nameEn, i % 3, i % 3 === 0 ? null : { metric: 'new_cases_per_100k', value: 5 + i }),
    ),
  };
}

export function makeIncidence(): IncidenceAnswer {
  return {
    area: { code: TAIPEI_CITY.code, name: TAIPEI_CITY.name, nameEn: TAIPEI_CITY.nameEn },
    from: '2026-11-24',
    to: '2026-12-03',
    asOf: AS_OF,
    population: 3_000_000,
    populationDate: '2026-10-31',
    totalCases: 1140,
    per100k: 38,
    byCaseDate: [],
    byReportDate: [],
    last7: 1020,
    previous7: 600,
    weekOverWeekGrowth: 0.7,
    doublingDays: 9.1,
    halvingDays: null,
    local: 1100,
    imported: 40,
    importedShare: 0.0351,
    unknownSource: { cases: 500, unknown: 120, share: 0.24 },
  };
}

export function makeHotspots(): HotspotsAnswer {
  const area = (code: string) => {
    const d = TAIPEI_DISTRICTS.find((district) => district.code === code)!;
    return { code: d.code, name: d.name, nameEn: d.nameEn };
  };
  return {
    to: '2026-12-03',
    asOf: AS_OF,
    alpha: 0.01,
    minExpected: 1,
    districts: [
      { area: area('63000070'), observed: 255, expected: 60.5, pValue: 0.00001, hotspot: true },
      { area: area('63000030'), observed: 40, expected: 30, pValue: 0.05, hotspot: false },
    ],
    villages: [{ districtCode: '63000070', village: '青山里', observed: 30, expected: 2, pValue: 0.0021, hotspot: true }],
    venues: [{ venueCode: '27702513651291', venueName: '萬華茶藝館', districtCode: '63000070', cases: 6 }],
  };
}

export function makeVenueExposure(): VenueExposureAnswer {
  return {
    from: '2026-11-24',
    to: '2026-12-03',
    asOf: AS_OF,
    minutes: 60,
    venues: [
      { venueCode: '27702513651291', venueName: '萬華茶藝館', category: 'tea house', districtCode: '63000070', casesVisiting: 6, visits: 9, exposedPersons: 41, exposedPeople: 58 },
      { venueCode: '27702513651292', venueName: '西門市場', category: 'market', districtCode: '63000070', casesVisiting: 3, visits: 3, exposedPersons: 120, exposedPeople: 150 },
    ],
  };
}

export function makeResources(): ResourceMetricsAnswer {
  return {
    date: '2026-12-03',
    asOf: AS_OF,
    districtCode: null,
    capacity: [
      { kind: 'icu_beds', total: 100, occupied: 92, free: 8, occupancy: 0.92, trendPerDay: 2, runwayDays: 4, facilities: 3 },
      { kind: 'isolation_beds', total: 500, occupied: 300, free: 200, occupancy: 0.6, trendPerDay: -5, runwayDays: null, facilities: 6 },
      { kind: 'quarantine_rooms', total: 1000, occupied: 0, free: 1000, occupancy: null, trendPerDay: null, runwayDays: null, facilities: 1 },
    ],
    stock: [
      { item: 'rapid_tests', quantity: 12_000, avgDailyUse7: 800, daysOfSupply: 15, facilities: 2 },
      { item: 'ppe_sets', quantity: 3_000, avgDailyUse7: null, daysOfSupply: null, facilities: 1 },
    ],
  };
}

export function makeRelief(): ReliefMetricsAnswer {
  return {
    from: '2026-11-24',
    to: '2026-12-03',
    asOf: AS_OF,
    rows: [
      { program: '防疫補償', districtCode: '63000070', submitted: 40, approved: 25, rejected: 3, paid: 20, backlog: 12, medianDays: 3, p90Days: 8 },
      { program: '防疫補償', districtCode: '63000010', submitted: 10, approved: 6, rejected: 1, paid: 5, backlog: 3, medianDays: 5, p90Days: 11 },
      { program: '紓困生活補貼', districtCode: '63000070', submitted: 20, approved: 10, rejected: 4, paid: 8, backlog: 6, medianDays: 7, p90Days: 14 },
    ],
  };
}

export function makePanelsData(): MetricsPanelsData {
  return {
    incidence: makeIncidence(),
    rt: makeRtPoints(),
    riskLevels: makeRiskLevels(),
    hotspots: makeHotspots(),
    exposure: makeVenueExposure(),
    resources: makeResources(),
    relief: makeRelief(),
  };
}

const loaded = <T>(data: T): PanelState<T> => ({ data, error: null, loading: false });

/** Every panel with its fixture answer. */
export function makeLoadedPanels(): MetricsPanelsState {
  const data = makePanelsData();
  return {
    incidence: loaded(data.incidence),
    rt: loaded(data.rt),
    riskLevels: loaded(data.riskLevels),
    hotspots: loaded(data.hotspots),
    exposure: loaded(data.exposure),
    resources: loaded(data.resources),
    relief: loaded(data.relief),
  };
}
