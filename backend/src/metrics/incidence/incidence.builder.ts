import type { AreaRef, IncidenceAnswer, IncidencePoint, ReportDatePoint } from '@epiboard/pipelines';
import { addDays } from '../overview.builder.js';

/** Pure assembly of incidence: zero-filled days, 7-day averages, rates, weekly growth, doubling. */

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface DailyOrigin {
  date: string;
  local: number;
  imported: number;
}

/** Local and imported cases per day from `from` to `to`, zero-filled. */
export function zeroFilledDays(rows: DailyOrigin[], from: string, to: string): DailyOrigin[] {
  const byDate = new Map<string, DailyOrigin>();
  for (const r of rows) {
    const d = byDate.get(r.date) ?? { date: r.date, local: 0, imported: 0 };
    d.local += r.local;
    d.imported += r.imported;
    byDate.set(r.date, d);
  }
  const out: DailyOrigin[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(byDate.get(day) ?? { date: day, local: 0, imported: 0 });
  return out;
}

/**
 * Growth from two consecutive weeks. Doubling (or halving) time assumes steady exponential
 * growth across them: t = 7 · ln 2 / |ln(last7 / previous7)| days.
 */
export function weeklyGrowth(last7: number, previous7: number): Pick<IncidenceAnswer, 'weekOverWeekGrowth' | 'doublingDays' | 'halvingDays'> {
  if (previous7 <= 0) return { weekOverWeekGrowth: null, doublingDays: null, halvingDays: null };
  const ratio = last7 / previous7;
  const growth = round(ratio - 1);
  if (last7 <= 0 || ratio === 1) return { weekOverWeekGrowth: growth, doublingDays: null, halvingDays: null };
  const days = round((7 * Math.LN2) / Math.abs(Math.log(ratio)), 2);
  return ratio > 1 ? { weekOverWeekGrowth: growth, doublingDays: days, halvingDays: null } : { weekOverWeekGrowth: growth, doublingDays: null, halvingDays: days };
}

export interface IncidenceInputs {
  area: AreaRef;
  from: string;
  to: string;
  asOf: number;
  population: number;
  populationDate: string;
  /** The area's cases per day, from 13 days before `from` (for averages and growth) to `to`. */
  days: DailyOrigin[];
  byReportDate: ReportDatePoint[];
  unknownSource: { cases: number; unknown: number };
}

export function buildIncidence(inputs: IncidenceInputs): IncidenceAnswer {
  const series = zeroFilledDays(inputs.days, addDays(inputs.from < addDays(inputs.to, -13) ? inputs.from : addDays(inputs.to, -13), -6), inputs.to);
  const total = (d: DailyOrigin) => d.local + d.imported;
  const byCaseDate: IncidencePoint[] = [];
  series.forEach((d, i) => {
    if (d.date < inputs.from) return;
    const avg7 = series.slice(Math.max(0, i - 6), i + 1).reduce((s, x) => s + total(x), 0) / 7;
    byCaseDate.push({ date: d.date, cases: total(d), local: d.local, imported: d.imported, avg7: round(avg7), avg7Per100k: inputs.population > 0 ? round((avg7 / inputs.population) * 1e5) : 0 });
  });
  const sumBetween = (a: string, b: string) => series.filter((d) => d.date >= a && d.date <= b).reduce((s, d) => s + total(d), 0);
  const last7 = sumBetween(addDays(inputs.to, -6), inputs.to);
  const previous7 = sumBetween(addDays(inputs.to, -13), addDays(inputs.to, -7));
  const local = byCaseDate.reduce((s, d) => s + d.local, 0);
  const imported = byCaseDate.reduce((s, d) => s + d.imported, 0);
  const { cases, unknown } = inputs.unknownSource;
  return {
    area: inputs.area,
    from: inputs.from,
    to: inputs.to,
    asOf: new Date(inputs.asOf).toISOString(),
    population: inputs.population,
    populationDate: inputs.populationDate,
    totalCases: local + imported,
    per100k: inputs.population > 0 ? round(((local + imported) / inputs.population) * 1e5) : 0,
    byCaseDate,
    byReportDate: inputs.byReportDate,
    last7,
    previous7,
    ...weeklyGrowth(last7, previous7),
    local,
    imported,
    importedShare: local + imported > 0 ? round(imported / (local + imported)) : null,
    unknownSource: { cases, unknown, share: cases > 0 ? round(unknown / cases) : null },
  };
}
