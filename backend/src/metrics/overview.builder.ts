import { TAIPEI_CITY, TAIPEI_DISTRICTS, type AreaOverview, type DailyPoint, type HourlyCheckins, type Overview } from '@epiboard/pipelines';

/** Pure assembly of the overview from query results: zero-filled days, trailing averages, rates. */

export interface PopulationRow {
  district: string;
  asOf: string;
  population: number;
}

export interface OverviewInputs {
  from: string;
  to: string;
  /** Cases per (district, date) for Taipei from six days before `from` to `to`; district '' = city only. */
  dailyCases: Array<{ district: string; date: string; cases: number }>;
  populations: PopulationRow[];
  /** Check-ins per (district code, hour) in the check-in window. */
  hourlyCheckins: Array<{ districtCode: string; hour: string; checkins: number; people: number }>;
  checkinsFrom: string;
  checkinsTo: string;
  dataAsOf: string | null;
  unlocatedImportedCases: number;
  version: number;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The population figure for a range: the latest month-end at or before `to`; before the first
 * figure, the first one. Every district uses the same date, so the city is their sum.
 */
export function choosePopulationDate(populations: PopulationRow[], to: string): string | undefined {
  const dates = [...new Set(populations.map((p) => p.asOf))].sort();
  return dates.filter((d) => d <= to).pop() ?? dates[0];
}

/** Daily points from `from` to `to`; `counts` may hold the six days before `from` for the average. */
export function buildDailySeries(counts: Map<string, number>, from: string, to: string, population: number): DailyPoint[] {
  const points: DailyPoint[] = [];
  const window: number[] = [];
  for (let day = addDays(from, -6); day <= to; day = addDays(day, 1)) {
    window.push(counts.get(day) ?? 0);
    if (window.length > 7) window.shift();
    if (day < from) continue;
    const avg7 = window.reduce((s, c) => s + c, 0) / 7;
    points.push({ date: day, cases: counts.get(day) ?? 0, avg7: round(avg7), avg7Per100k: population > 0 ? round((avg7 / population) * 100_000) : 0 });
  }
  return points;
}

export function buildOverview(inputs: OverviewInputs): Overview {
  const populationDate = choosePopulationDate(inputs.populations, inputs.to) ?? '';
  const populationOf = new Map(inputs.populations.filter((p) => p.asOf === populationDate).map((p) => [p.district, p.population]));

  const area = (code: string, name: string, nameEn: string, population: number, districtFilter: (d: string) => boolean, checkinFilter: (c: string) => boolean): AreaOverview => {
    const counts = new Map<string, number>();
    for (const r of inputs.dailyCases) if (districtFilter(r.district)) counts.set(r.date, (counts.get(r.date) ?? 0) + r.cases);
    const daily = buildDailySeries(counts, inputs.from, inputs.to, population);
    const last7 = daily.slice(-7).reduce((s, p) => s + p.cases, 0);
    const hourly = new Map<string, HourlyCheckins>();
    for (const h of inputs.hourlyCheckins) {
      if (!checkinFilter(h.districtCode)) continue;
      const point = hourly.get(h.hour) ?? { hour: h.hour, checkins: 0, people: 0 };
      point.checkins += h.checkins;
      point.people += h.people;
      hourly.set(h.hour, point);
    }
    const checkinsHourly = [...hourly.values()].sort((a, b) => a.hour.localeCompare(b.hour));
    return {
      code,
      name,
      nameEn,
      population,
      populationDate,
      totalCases: daily.reduce((s, p) => s + p.cases, 0),
      last7Per100k: population > 0 ? round((last7 / population) * 100_000) : 0,
      daily,
      checkinsHourly,
      checkins: checkinsHourly.reduce((s, h) => s + h.checkins, 0),
      people: checkinsHourly.reduce((s, h) => s + h.people, 0),
    };
  };

  const districts = TAIPEI_DISTRICTS.map((d) => area(d.code, d.name, d.nameEn, populationOf.get(d.name) ?? 0, (x) => x === d.name, (c) => c === d.code));
  const cityPopulation = districts.reduce((s, d) => s + d.population, 0);
  const city = area(TAIPEI_CITY.code, TAIPEI_CITY.name, TAIPEI_CITY.nameEn, cityPopulation, () => true, () => true);

  return {
    from: inputs.from,
    to: inputs.to,
    checkinsFrom: inputs.checkinsFrom,
    checkinsTo: inputs.checkinsTo,
    dataAsOf: inputs.dataAsOf,
    version: inputs.version,
    city,
    districts,
    unlocatedImportedCases: inputs.unlocatedImportedCases,
  };
}
