import { Inject, Injectable } from '@nestjs/common';
import { TAIPEI_CITY } from '@epiboard/pipelines';
import { ClickHouseStore } from '../store/clickhouse-store.js';

/**
 * Case counts as known at a time. CDC rows are aggregate counts per key (date, place, sex,
 * origin, age group); every version is kept, so "as of T" is the latest version of each key
 * that had landed by T. The city's line list keeps every report of every case likewise.
 */
const CASE_KEY = 'case_date, county, district, sex, imported, age_group';

const countsAsOf = (extraWhere = '') => `
  SELECT ${CASE_KEY}, argMax(cases, (ingested_at, batch_id)) AS latest FROM cases
  WHERE county = {county:String} AND ingested_at <= fromUnixTimestamp64Milli({asOf:Int64}) ${extraWhere}
  GROUP BY ${CASE_KEY}`;

/**
 * The line list's cases as known at {asOf}: the latest report of each, retracted ones left out.
 * `caseFilter` narrows by case id before grouping (the sorting key starts with case_id).
 */
export const lineListAsOf = (caseFilter = '') => `
  SELECT case_id, argMax(tuple(retracted, confirmed_date, district_code, imported, cluster, village, onset_date, phone_hashes, app_hashes), reported_at) AS latest
  FROM case_reports FINAL
  WHERE reported_at <= fromUnixTimestamp64Milli({asOf:Int64}) ${caseFilter ? `AND ${caseFilter}` : ''}
  GROUP BY case_id
  HAVING latest.1 = 0`;

/**
 * The line list as known at {asOf}, only cases whose latest report is confirmed from {from} to {to}
 * (latest.2). A case whose latest report lies in the range has some report in it, so only those
 * cases are grouped: a week's cases, not the whole line list (7 ms against 260 ms for 200,000).
 */
export const lineListConfirmedBetween = (from = '{from:Date}', to = '{to:Date}') =>
  `SELECT * FROM (${lineListAsOf(`case_id IN (SELECT case_id FROM case_reports WHERE confirmed_date BETWEEN ${from} AND ${to})`)}) WHERE latest.2 BETWEEN ${from} AND ${to}`;

export interface DailyCaseRow {
  district: string;
  date: string;
  imported: boolean;
  cases: number;
}

@Injectable()
export class CaseCountsRepository {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  /** Taipei cases per district, case date and origin, from `from` to `to`, as known at `asOf`. */
  async daily(from: string, to: string, asOf: number): Promise<DailyCaseRow[]> {
    const rows = await this.store.query<{ district: string; date: string; imported: number; cases: string }>(
      `SELECT district, toString(case_date) AS date, imported, sum(latest) AS cases
       FROM (${countsAsOf('AND case_date BETWEEN {from:Date} AND {to:Date}')})
       GROUP BY district, case_date, imported HAVING cases > 0`,
      { county: TAIPEI_CITY.name, from, to, asOf },
    );
    return rows.map((r) => ({ district: r.district, date: r.date, imported: Number(r.imported) === 1, cases: Number(r.cases) }));
  }

  /**
   * What each day's reports changed, by the Taipei date they landed: every new version of a
   * key adds (count rose) or corrects (count fell) against the version before it.
   */
  async byReportDate(from: string, to: string, asOf: number, district: string | undefined): Promise<Array<{ date: string; added: number; corrected: number }>> {
    const rows = await this.store.query<{ date: string; added: string; corrected: string }>(
      `SELECT toString(toDate(ingested_at, 'Asia/Taipei')) AS date, sumIf(delta, delta > 0) AS added, sumIf(delta, delta < 0) AS corrected
       FROM (
         SELECT ingested_at, toInt64(cases) - lagInFrame(toInt64(cases), 1, 0) OVER (PARTITION BY ${CASE_KEY} ORDER BY ingested_at, batch_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS delta
         FROM (SELECT ${CASE_KEY}, ingested_at, batch_id, any(cases) AS cases FROM cases
               WHERE county = {county:String} AND ingested_at <= fromUnixTimestamp64Milli({asOf:Int64}) ${district === undefined ? '' : 'AND district = {district:String}'}
               GROUP BY ${CASE_KEY}, ingested_at, batch_id)
       )
       WHERE toDate(ingested_at, 'Asia/Taipei') BETWEEN {from:Date} AND {to:Date}
       GROUP BY date HAVING added != 0 OR corrected != 0 ORDER BY date`,
      { county: TAIPEI_CITY.name, from, to, asOf, district },
    );
    return rows.map((r) => ({ date: r.date, added: Number(r.added), corrected: Number(r.corrected) }));
  }

  /** Line-list cases confirmed in the range, and those with no known source (no cluster). */
  async sourceOfInfection(from: string, to: string, asOf: number, districtCode: string | undefined): Promise<{ cases: number; unknown: number }> {
    const [row] = await this.store.query<{ cases: string; unknown: string }>(
      `SELECT count() AS cases, countIf(latest.5 = '') AS unknown FROM (${lineListConfirmedBetween()})
       ${districtCode === undefined ? '' : 'WHERE latest.3 = {districtCode:String}'}`,
      { from, to, asOf, districtCode },
    );
    return { cases: Number(row?.cases ?? 0), unknown: Number(row?.unknown ?? 0) };
  }

  /** Line-list cases per district code and village, per confirmed date. */
  async villageDaily(from: string, to: string, asOf: number): Promise<Array<{ districtCode: string; village: string; date: string; cases: number }>> {
    const rows = await this.store.query<{ district_code: string; village: string; date: string; cases: string }>(
      `SELECT latest.3 AS district_code, latest.6 AS village, toString(latest.2) AS date, count() AS cases FROM (${lineListConfirmedBetween()})
       WHERE village != ''
       GROUP BY district_code, village, date`,
      { from, to, asOf },
    );
    return rows.map((r) => ({ districtCode: r.district_code, village: r.village, date: r.date, cases: Number(r.cases) }));
  }

  /** Newest Taipei case date known at `asOf`, or undefined. */
  async latestCaseDate(asOf: number): Promise<string | undefined> {
    const [row] = await this.store.query<{ d: string; n: string }>(
      `SELECT toString(max(case_date)) AS d, count() AS n FROM cases WHERE county = {county:String} AND cases > 0 AND ingested_at <= fromUnixTimestamp64Milli({asOf:Int64})`,
      { county: TAIPEI_CITY.name, asOf },
    );
    return row && Number(row.n) > 0 ? row.d : undefined;
  }
}
