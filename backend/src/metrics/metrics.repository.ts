import { Inject, Injectable } from '@nestjs/common';
import { TAIPEI_CITY } from '@epiboard/pipelines';
import { ClickHouseStore } from '../store/clickhouse-store.js';
import type { PopulationRow } from './overview.builder.js';

/**
 * Case rows are aggregate counts keyed by date, place, sex, origin and age group, as the CDC
 * publishes them. The CDC re-publishes the whole file with corrections, so a later row for a
 * key replaces the earlier one (all versions are kept, which later allows as-of questions).
 */
const CASE_KEY = 'case_date, county, district, sex, imported, age_group';
const LATEST_CASE_COUNTS = `SELECT ${CASE_KEY}, argMax(cases, (ingested_at, batch_id)) AS latest FROM cases WHERE ingested_at <= fromUnixTimestamp64Milli({asOf:Int64})`;

/** The ClickHouse questions behind the metrics; answers are plain numbers and strings. */
@Injectable()
export class MetricsRepository {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  async dailyCases(from: string, to: string, asOf = Date.now()): Promise<Array<{ district: string; date: string; cases: number }>> {
    const rows = await this.store.query<{ district: string; date: string; cases: string }>(
      `SELECT district, toString(case_date) AS date, sum(latest) AS cases
       FROM (${LATEST_CASE_COUNTS} AND county = {county:String} AND case_date BETWEEN {from:Date} AND {to:Date} GROUP BY ${CASE_KEY})
       GROUP BY district, case_date`,
      { county: TAIPEI_CITY.name, from, to, asOf },
    );
    return rows.map((r) => ({ district: r.district, date: r.date, cases: Number(r.cases) }));
  }

  async unlocatedImportedCases(from: string, to: string, asOf = Date.now()): Promise<number> {
    const [row] = await this.store.query<{ n: string }>(
      `SELECT sum(latest) AS n FROM (${LATEST_CASE_COUNTS} AND county = '' AND case_date BETWEEN {from:Date} AND {to:Date} GROUP BY ${CASE_KEY})`,
      { from, to, asOf },
    );
    return Number(row?.n ?? 0);
  }

  /** Newest case date for Taipei, or undefined on an empty store. */
  async latestCaseDate(asOf = Date.now()): Promise<string | undefined> {
    const [row] = await this.store.query<{ d: string; n: string }>(
      `SELECT toString(max(case_date)) AS d, count() AS n FROM cases WHERE county = {county:String} AND ingested_at <= fromUnixTimestamp64Milli({asOf:Int64})`,
      { county: TAIPEI_CITY.name, asOf },
    );
    return row && Number(row.n) > 0 ? row.d : undefined;
  }

  async populations(): Promise<PopulationRow[]> {
    const rows = await this.store.query<{ district: string; as_of: string; population: number }>(
      `SELECT district, toString(as_of) AS as_of, population FROM district_populations FINAL WHERE county = {county:String}`,
      { county: TAIPEI_CITY.name },
    );
    return rows.map((r) => ({ district: r.district, asOf: r.as_of, population: Number(r.population) }));
  }

  /** Epoch ms of the newest check-in, or undefined when there are none. */
  async latestCheckinTime(): Promise<number | undefined> {
    const [row] = await this.store.query<{ t: string; n: string }>('SELECT toUnixTimestamp64Milli(max(time)) AS t, count() AS n FROM checkins');
    return row && Number(row.n) > 0 ? Number(row.t) : undefined;
  }

  /** Check-ins and people per district and hour in [fromMs, toMs) (whole hours), from the hourly roll-up. */
  async hourlyCheckins(fromMs: number, toMs: number): Promise<Array<{ districtCode: string; hour: string; checkins: number; people: number }>> {
    const rows = await this.store.query<{ district_code: string; label: string; checkins: string; people: string }>(
      `SELECT district_code, formatDateTime(hour, '%Y-%m-%dT%H:00:00+08:00', 'Asia/Taipei') AS label, sum(checkins) AS checkins, sum(people) AS people
       FROM checkins_hourly
       WHERE hour >= toDateTime(intDiv({fromMs:Int64}, 1000), 'Asia/Taipei') AND hour < toDateTime(intDiv({toMs:Int64}, 1000), 'Asia/Taipei')
       GROUP BY district_code, hour`,
      { fromMs, toMs },
    );
    return rows.map((r) => ({ districtCode: r.district_code, hour: r.label, checkins: Number(r.checkins), people: Number(r.people) }));
  }

  async dataAsOf(): Promise<string | null> {
    const [row] = await this.store.query<{ t: string; n: string }>('SELECT toUnixTimestamp64Milli(max(landed_at)) AS t, count() AS n FROM ingest_batches');
    return row && Number(row.n) > 0 ? new Date(Number(row.t)).toISOString() : null;
  }
}
