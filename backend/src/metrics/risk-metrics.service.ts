import { Inject, Injectable } from '@nestjs/common';
import {
  TAIPEI_DISTRICTS,
  type AreaHotspot,
  type AreaRef,
  type CaseExposure,
  type FootfallAnswer,
  type HotspotsAnswer,
  type IncidenceAnswer,
  type ReliefMetricsAnswer,
  type ResourceMetricsAnswer,
  type RiskLevelsAnswer,
  type RtPoint,
  type VenueExposureAnswer,
} from '@epiboard/pipelines';
import { ReliefRepository } from '../relief/relief.repository.js';
import { ClickHouseStore } from '../store/clickhouse-store.js';
import { CaseCountsRepository, type DailyCaseRow } from './case-counts.repository.js';
import { ExposureRepository, type ExposureParams } from './exposure/exposure.repository.js';
import { poissonExcess, BASELINE_WEEKS } from './hotspots/poisson-hotspots.js';
import { buildIncidence, zeroFilledDays, type DailyOrigin } from './incidence/incidence.builder.js';
import { CITY, InvalidMetricsQuery, type MetricsQuery } from './metrics-query.js';
import { MetricsRepository } from './metrics.repository.js';
import { addDays, choosePopulationDate } from './overview.builder.js';
import { capacityMetric, stockMetric } from './resources/resource-metrics.js';
import { carryForwardTotals, ResourceHistoryRepository } from './resources/resource-history.repository.js';
import { areaRiskLevel, rulesInForce, type RiskRule } from './risk-levels/risk-levels.js';
import { RT_LOOKBACK_DAYS, rtSeries } from './rt/rt.series.js';

const areaOfCode = (code: string): AreaRef => (code === CITY.code ? CITY : (TAIPEI_DISTRICTS.find((d) => d.code === code) as AreaRef));
const nameOfCode = new Map(TAIPEI_DISTRICTS.map((d) => [d.code, d.name]));
const codeOfName = new Map(TAIPEI_DISTRICTS.map((d) => [d.name, d.code]));

/** Case rows of one area (district name '' counts for the city only) as local/imported per day. */
function originDays(rows: DailyCaseRow[], districtCode: string | undefined): DailyOrigin[] {
  const name = districtCode === undefined ? undefined : nameOfCode.get(districtCode);
  return rows.filter((r) => name === undefined || r.district === name).map((r) => ({ date: r.date, local: r.imported ? 0 : r.cases, imported: r.imported ? r.cases : 0 }));
}

/** Risk and resource metrics: ClickHouse does the counting, pure functions the statistics. */
@Injectable()
export class RiskMetricsService {
  constructor(
    @Inject(CaseCountsRepository) private readonly cases: CaseCountsRepository,
    @Inject(MetricsRepository) private readonly overview: MetricsRepository,
    @Inject(ExposureRepository) private readonly exposure: ExposureRepository,
    @Inject(ResourceHistoryRepository) private readonly resourceHistory: ResourceHistoryRepository,
    @Inject(ReliefRepository) private readonly relief: ReliefRepository,
    @Inject(ClickHouseStore) private readonly store: ClickHouseStore,
  ) {}

  /** Newest case date known at asOf: the default end of case ranges. */
  latestCaseDate(asOf: number): Promise<string | undefined> {
    return this.cases.latestCaseDate(asOf);
  }

  async population(districtCode: string | undefined, to: string): Promise<{ population: number; populationDate: string; byDistrict: Map<string, number> }> {
    const rows = await this.overview.populations();
    const populationDate = choosePopulationDate(rows, to) ?? '';
    const byDistrict = new Map(rows.filter((r) => r.asOf === populationDate).map((r) => [codeOfName.get(r.district) ?? r.district, r.population]));
    const population = districtCode === undefined ? [...byDistrict.values()].reduce((s, p) => s + p, 0) : byDistrict.get(districtCode) ?? 0;
    return { population, populationDate, byDistrict };
  }

  async incidence(q: MetricsQuery): Promise<IncidenceAnswer> {
    const start = addDays(q.from < addDays(q.to, -13) ? q.from : addDays(q.to, -13), -6);
    const [rows, byReportDate, unknownSource, pop] = await Promise.all([
      this.cases.daily(start, q.to, q.asOf),
      this.cases.byReportDate(q.from, q.to, q.asOf, q.districtCode === undefined ? undefined : nameOfCode.get(q.districtCode)),
      this.cases.sourceOfInfection(q.from, q.to, q.asOf, q.districtCode),
      this.population(q.districtCode, q.to),
    ]);
    return buildIncidence({ area: q.area, from: q.from, to: q.to, asOf: q.asOf, population: pop.population, populationDate: pop.populationDate, days: originDays(rows, q.districtCode), byReportDate, unknownSource });
  }

  async rt(q: MetricsQuery, serialInterval: { mean: number; sd: number }): Promise<RtPoint[]> {
    const start = addDays(q.from, -RT_LOOKBACK_DAYS);
    const rows = await this.cases.daily(start, q.to, q.asOf);
    return rtSeries(zeroFilledDays(originDays(rows, q.districtCode), start, q.to), q.from, serialInterval);
  }

  async rtByArea(to: string, asOf: number): Promise<Map<string, number | null>> {
    const start = addDays(to, -RT_LOOKBACK_DAYS);
    const rows = await this.cases.daily(start, to, asOf);
    const latest = (code: string | undefined) => rtSeries(zeroFilledDays(originDays(rows, code), start, to), to).at(-1)?.mean ?? null;
    return new Map([[CITY.code, latest(undefined)], ...TAIPEI_DISTRICTS.map((d) => [d.code, latest(d.code)] as [string, number | null])]);
  }

  async caseExposure(caseId: string, p: ExposureParams): Promise<CaseExposure | undefined> {
    const found = (await this.exposure.forCases([caseId], p)).get(caseId);
    return found && { ...found, asOf: new Date(p.asOf).toISOString(), minutes: p.minutes };
  }

  async venueExposure(from: string, to: string, limit: number, p: ExposureParams): Promise<VenueExposureAnswer> {
    return { from, to, asOf: new Date(p.asOf).toISOString(), minutes: p.minutes, venues: await this.exposure.venues(from, to, limit, p) };
  }

  async hotspots(to: string, asOf: number, alpha: number, minExpected: number, exposure: ExposureParams): Promise<HotspotsAnswer> {
    const weekFrom = addDays(to, -6);
    const baselineFrom = addDays(weekFrom, -7 * BASELINE_WEEKS);
    const [rows, villageRows, venues] = await Promise.all([
      this.cases.daily(baselineFrom, to, asOf),
      this.cases.villageDaily(baselineFrom, to, asOf),
      this.exposure.venuesVisitedByCases(weekFrom, to, 2, exposure),
    ]);
    const test = (days: Array<{ date: string; cases: number }>) => {
      const observed = days.filter((d) => d.date >= weekFrom).reduce((s, d) => s + d.cases, 0);
      const baseline = days.filter((d) => d.date < weekFrom).reduce((s, d) => s + d.cases, 0);
      return poissonExcess(observed, baseline, alpha, minExpected);
    };
    const districts: AreaHotspot[] = TAIPEI_DISTRICTS.map((d) => ({ area: areaOfCode(d.code), ...test(rows.filter((r) => r.district === d.name)) }));
    const villageKeys = [...new Set(villageRows.map((r) => `${r.districtCode}\u0000${r.village}`))];
    const villages = villageKeys
      .map((key) => {
        const [districtCode, village] = key.split('\u0000') as [string, string];
        return { districtCode, village, ...test(villageRows.filter((r) => r.districtCode === districtCode && r.village === village)) };
      })
      .sort((a, b) => a.pValue - b.pValue);
    return { to, asOf: new Date(asOf).toISOString(), alpha, minExpected, districts: districts.sort((a, b) => a.pValue - b.pValue), villages, venues };
  }

  /** Check-ins per district and venue category: the 7 days ending `to` against a baseline week. */
  async footfall(to: string, baselineFrom: string, districtCode: string | undefined): Promise<FootfallAnswer> {
    const current = { from: addDays(to, -6), to };
    const baseline = { from: baselineFrom, to: addDays(baselineFrom, 6) };
    const rows = await this.store.query<{ district_code: string; category: string; current_n: string; baseline_n: string }>(
      `SELECT district_code, category,
              sumIf(checkins, day BETWEEN {cFrom:Date} AND {cTo:Date}) AS current_n,
              sumIf(checkins, day BETWEEN {bFrom:Date} AND {bTo:Date}) AS baseline_n
       FROM checkins_daily
       WHERE (day BETWEEN {cFrom:Date} AND {cTo:Date} OR day BETWEEN {bFrom:Date} AND {bTo:Date}) ${districtCode === undefined ? '' : 'AND district_code = {districtCode:String}'}
       GROUP BY district_code, category ORDER BY district_code, category`,
      { cFrom: current.from, cTo: current.to, bFrom: baseline.from, bTo: baseline.to, districtCode },
    );
    const ratio = (c: number, b: number) => (b > 0 ? Math.round((c / b) * 1e4) / 1e4 : null);
    const shaped = rows.map((r) => ({ districtCode: r.district_code, category: r.category, current: Number(r.current_n), baseline: Number(r.baseline_n), ratio: ratio(Number(r.current_n), Number(r.baseline_n)) }));
    const c = shaped.reduce((s, r) => s + r.current, 0);
    const b = shaped.reduce((s, r) => s + r.baseline, 0);
    return { current, baseline, rows: shaped, city: { current: c, baseline: b, ratio: ratio(c, b) } };
  }

  /** Resources on `date` (a Taipei day), from the figures known at asOf. */
  async resources(districtCode: string | undefined, date: string, asOf: number): Promise<ResourceMetricsAnswer> {
    const today = date;
    const since = addDays(today, -37);
    const keep = (r: { districtCode: string }) => districtCode === undefined || r.districtCode === districtCode;
    const [capacityRows, stockRows] = await Promise.all([this.resourceHistory.capacityDays(since, today, asOf), this.resourceHistory.stockDays(since, today, asOf)]);
    const from = addDays(today, -7);
    const capacity = [...carryForwardTotals(capacityRows.filter(keep), from, today)].map(([kind, v]) => capacityMetric(kind, v.facilities, v.days));
    const stock = [...carryForwardTotals(stockRows.filter(keep), from, today)].map(([item, v]) => stockMetric(item, v.facilities, v.days.map((d) => ({ date: d.date, quantity: d.total }))));
    return { date, asOf: new Date(asOf).toISOString(), districtCode: districtCode ?? null, capacity: capacity.sort((a, b) => a.kind.localeCompare(b.kind)), stock: stock.sort((a, b) => a.item.localeCompare(b.item)) };
  }

  async reliefMetrics(from: string, to: string, districtCode: string | undefined, asOf: number): Promise<ReliefMetricsAnswer> {
    const [summary, times] = await Promise.all([this.relief.summary(from, to, asOf), this.relief.processingDays(from, to, asOf)]);
    const timeOf = new Map(times.map((t) => [`${t.program}\u0000${t.districtCode}`, t]));
    const rows = summary
      .filter((r) => districtCode === undefined || r.districtCode === districtCode)
      .map((r) => {
        const t = timeOf.get(`${r.program}\u0000${r.districtCode}`);
        return { ...r, medianDays: t?.median ?? null, p90Days: t?.p90 ?? null };
      });
    return { from, to, asOf: new Date(asOf).toISOString(), rows };
  }

  async riskRules(): Promise<RiskRule[]> {
    const rows = await this.store.query<{ version: string; effective_from: string; metric: RiskRule['metric']; cut_points: number[]; source: string }>(
      'SELECT version, toString(effective_from) AS effective_from, metric, cut_points, source FROM risk_level_rules FINAL ORDER BY version, metric',
    );
    return rows.map((r) => ({ version: r.version, effectiveFrom: r.effective_from, metric: r.metric, cutPoints: r.cut_points.map(Number), source: r.source }));
  }

  /** Levels on `date`: 7-day average daily cases per 100k, the latest Rt, ICU occupancy. */
  async riskLevels(date: string, asOf: number): Promise<RiskLevelsAnswer> {
    const rules = rulesInForce(await this.riskRules(), date);
    if (rules.length === 0) throw new InvalidMetricsQuery(`no risk level rules are in force on ${date}`);
    const [rows, pop, rt, resources] = await Promise.all([this.cases.daily(addDays(date, -6), date, asOf), this.population(undefined, date), this.rtByArea(date, asOf), this.resourceHistory.capacityDays(addDays(date, -37), date, asOf)]);
    const perDay100k = (code: string | undefined) => {
      const population = code === undefined ? [...pop.byDistrict.values()].reduce((s, p) => s + p, 0) : pop.byDistrict.get(code) ?? 0;
      const cases = originDays(rows, code).reduce((s, d) => s + d.local + d.imported, 0);
      return population > 0 ? Math.round((cases / 7 / population) * 1e5 * 100) / 100 : null;
    };
    const icu = (code: string | undefined) => {
      const days = carryForwardTotals(resources.filter((r) => r.key === 'icu_beds' && (code === undefined || r.districtCode === code)), date, date).get('icu_beds')?.days.at(-1);
      return days && days.occupied !== null && days.total > 0 ? Math.round((days.occupied / days.total) * 1e4) / 1e4 : null;
    };
    const level = (area: AreaRef, code: string | undefined) => areaRiskLevel(area, { new_cases_per_100k: perDay100k(code), rt: rt.get(code ?? CITY.code) ?? null, icu_occupancy: icu(code) }, rules);
    const rule = rules[0]!;
    return {
      date,
      asOf: new Date(asOf).toISOString(),
      rules: { version: rule.version, effectiveFrom: rule.effectiveFrom, source: [...new Set(rules.map((r) => r.source))].join('; ') },
      city: level(CITY, undefined),
      districts: TAIPEI_DISTRICTS.map((d) => level(areaOfCode(d.code), d.code)),
    };
  }
}
