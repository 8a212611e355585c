import { Inject, Injectable } from '@nestjs/common';
import type { CaseExposure, VenueExposure } from '@epiboard/pipelines';
import { ClickHouseStore } from '../../store/clickhouse-store.js';
import { LINE_LIST_AS_OF } from '../case-counts.repository.js';

export interface ExposureParams {
  asOf: number;
  /** ± minutes around each of the case's visits. */
  minutes: number;
  /** The infectious window opens this many days before onset (or confirmation when onset is unknown). */
  daysBefore: number;
}

/**
 * Venue exposure, all in ClickHouse:
 * 1. each case's hashed ids and infectious window (line list as known at asOf);
 * 2. its visits: its own check-ins in the window (the by-person projection finds them);
 * 3. everyone else checked in at the same venue (codes sharing a venueId count as one venue)
 *    within ± minutes of a visit, both edges included;
 * 4. persons = distinct hashed ids other than the case's own; people = each person once, with
 *    the largest party they checked in with (companions and family members).
 * Only check-ins that had landed by asOf count.
 */
const exposureCte = (caseFilter: string) => `
  case_windows AS (
    SELECT case_id, arrayDistinct(arrayConcat(latest.8, latest.9)) AS hashes,
           toDateTime64(toDateTime(ifNull(latest.7, latest.2) - {daysBefore:UInt16}, 'Asia/Taipei'), 3, 'Asia/Taipei') AS w_from,
           toDateTime64(toDateTime(latest.2 + 1, 'Asia/Taipei'), 3, 'Asia/Taipei') AS w_to
    FROM (${LINE_LIST_AS_OF}) WHERE ${caseFilter}
  ),
  case_persons AS (SELECT case_id, arrayJoin(hashes) AS person_hash, hashes, w_from, w_to FROM case_windows),
  venue_keys AS (SELECT code, if(argMax(venue_id, updated_at) = '', code, argMax(venue_id, updated_at)) AS venue_key FROM venues GROUP BY code),
  visits AS (
    SELECT p.case_id AS case_id, p.hashes AS hashes, c.venue_code AS venue_code, c.time AS visit_time,
           if(k.venue_key = '', c.venue_code, k.venue_key) AS venue_key
    FROM (SELECT person_hash, time, venue_code FROM checkins
          WHERE person_hash IN (SELECT person_hash FROM case_persons) AND ingested_at <= fromUnixTimestamp64Milli({asOf:Int64})) AS c
    INNER JOIN case_persons AS p ON p.person_hash = c.person_hash
    LEFT JOIN venue_keys AS k ON k.code = c.venue_code
    WHERE c.time >= p.w_from AND c.time < p.w_to
  ),
  nearby AS (
    SELECT c.venue_code AS venue_code, if(k.venue_key = '', c.venue_code, k.venue_key) AS venue_key, c.time AS time, c.person_hash AS person_hash, c.party_size AS party_size
    FROM (SELECT venue_code, time, person_hash, party_size FROM checkins
          WHERE (venue_code IN (SELECT venue_code FROM visits)
                 OR venue_code IN (SELECT code FROM venue_keys WHERE venue_key IN (SELECT venue_key FROM visits)))
            AND time >= (SELECT min(visit_time) FROM visits) - toIntervalMinute({minutes:UInt32})
            AND time <= (SELECT max(visit_time) FROM visits) + toIntervalMinute({minutes:UInt32})
            AND ingested_at <= fromUnixTimestamp64Milli({asOf:Int64})) AS c
    LEFT JOIN venue_keys AS k ON k.code = c.venue_code
  ),
  exposures AS (
    SELECT v.case_id AS case_id, v.venue_code AS venue_code, v.visit_time AS visit_time, n.person_hash AS person_hash, n.party_size AS party_size
    FROM visits AS v INNER JOIN nearby AS n ON n.venue_key = v.venue_key
    WHERE abs(toUnixTimestamp64Milli(n.time) - toUnixTimestamp64Milli(v.visit_time)) <= {minutes:UInt32} * 60000
      AND NOT has(v.hashes, n.person_hash)
  )`;

const taipeiIso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

@Injectable()
export class ExposureRepository {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  /** Exposure for each of the given cases (known and not retracted at asOf); absent ids are left out. */
  async forCases(caseIds: string[], p: ExposureParams): Promise<Map<string, Omit<CaseExposure, 'asOf' | 'minutes'>>> {
    const params = { ...p, caseIds };
    const [windows, visits, totals] = await Promise.all([
      this.store.query<{ case_id: string; w_from: string; w_to: string }>(
        `WITH ${exposureCte('case_id IN {caseIds:Array(String)}')}
         SELECT case_id, toUnixTimestamp64Milli(w_from) AS w_from, toUnixTimestamp64Milli(w_to) AS w_to FROM case_windows`,
        params,
      ),
      this.store.query<{ case_id: string; venue_code: string; venue_name: string; district_code: string; t: string; persons: string; people: string }>(
        `WITH ${exposureCte('case_id IN {caseIds:Array(String)}')},
         per_visit AS (
           SELECT v.case_id AS case_id, v.venue_code AS venue_code, v.visit_time AS visit_time,
                  uniqExactIf(e.person_hash, e.person_hash != '') AS persons
           FROM visits AS v LEFT JOIN exposures AS e ON e.case_id = v.case_id AND e.venue_code = v.venue_code AND e.visit_time = v.visit_time
           GROUP BY case_id, venue_code, visit_time
         ),
         people_per_visit AS (
           SELECT case_id, venue_code, visit_time, sum(party) AS people FROM (
             SELECT case_id, venue_code, visit_time, person_hash, max(party_size) AS party FROM exposures GROUP BY case_id, venue_code, visit_time, person_hash
           ) GROUP BY case_id, venue_code, visit_time
         )
         SELECT pv.case_id AS case_id, pv.venue_code AS venue_code, ifNull(vn.name, '') AS venue_name, ifNull(vn.district_code, '') AS district_code,
                toUnixTimestamp64Milli(pv.visit_time) AS t, pv.persons AS persons, ifNull(pp.people, 0) AS people
         FROM per_visit AS pv
         LEFT JOIN people_per_visit AS pp ON pp.case_id = pv.case_id AND pp.venue_code = pv.venue_code AND pp.visit_time = pv.visit_time
         LEFT JOIN (SELECT code, argMax(name, updated_at) AS name, argMax(district_code, updated_at) AS district_code FROM venues GROUP BY code) AS vn ON vn.code = pv.venue_code
         ORDER BY case_id, t`,
        params,
      ),
      this.store.query<{ case_id: string; persons: string; people: string }>(
        `WITH ${exposureCte('case_id IN {caseIds:Array(String)}')}
         SELECT case_id, count() AS persons, sum(party) AS people
         FROM (SELECT case_id, person_hash, max(party_size) AS party FROM exposures GROUP BY case_id, person_hash)
         GROUP BY case_id`,
        params,
      ),
    ]);
    const out = new Map<string, Omit<CaseExposure, 'asOf' | 'minutes'>>();
    for (const w of windows) out.set(w.case_id, { caseId: w.case_id, window: { from: taipeiIso(Number(w.w_from)), to: taipeiIso(Number(w.w_to)) }, visits: [], exposedPersons: 0, exposedPeople: 0 });
    for (const v of visits) {
      out.get(v.case_id)?.visits.push({ venueCode: v.venue_code, venueName: v.venue_name, districtCode: v.district_code, time: taipeiIso(Number(v.t)), exposedPersons: Number(v.persons), exposedPeople: Number(v.people) });
    }
    for (const t of totals) {
      const e = out.get(t.case_id);
      if (e) Object.assign(e, { exposedPersons: Number(t.persons), exposedPeople: Number(t.people) });
    }
    return out;
  }

  /** Venues visited by cases confirmed from `from` to `to`, most cases first, then most people exposed. */
  async venues(from: string, to: string, limit: number, p: ExposureParams): Promise<VenueExposure[]> {
    const rows = await this.store.query<{ venue_code: string; name: string; category: string; district_code: string; cases: string; visits: string; persons: string; people: string }>(
      `WITH ${exposureCte('latest.2 BETWEEN {from:Date} AND {to:Date}')},
       visit_counts AS (SELECT venue_code, uniqExact(case_id) AS cases, uniqExact(case_id, visit_time) AS visits FROM visits GROUP BY venue_code),
       exposed AS (
         SELECT venue_code, count() AS persons, sum(party) AS people
         FROM (SELECT venue_code, person_hash, max(party_size) AS party FROM exposures GROUP BY venue_code, person_hash)
         GROUP BY venue_code
       )
       SELECT vc.venue_code AS venue_code, ifNull(vn.name, '') AS name, ifNull(vn.category, '') AS category, ifNull(vn.district_code, '') AS district_code,
              vc.cases AS cases, vc.visits AS visits, ifNull(ex.persons, 0) AS persons, ifNull(ex.people, 0) AS people
       FROM visit_counts AS vc
       LEFT JOIN exposed AS ex ON ex.venue_code = vc.venue_code
       LEFT JOIN (SELECT code, argMax(name, updated_at) AS name, argMax(category, updated_at) AS category, argMax(district_code, updated_at) AS district_code FROM venues GROUP BY code) AS vn ON vn.code = vc.venue_code
       ORDER BY cases DESC, people DESC, venue_code
       LIMIT {limit:UInt32}`,
      { ...p, from, to, limit },
    );
    return rows.map((r) => ({
      venueCode: r.venue_code,
      venueName: r.name,
      category: r.category,
      districtCode: r.district_code,
      casesVisiting: Number(r.cases),
      visits: Number(r.visits),
      exposedPersons: Number(r.persons),
      exposedPeople: Number(r.people),
    }));
  }

  /** Venues where at least `minCases` distinct cases checked in from `from` to `to` (Taipei dates, visit times). */
  async venuesVisitedByCases(from: string, to: string, minCases: number, p: ExposureParams): Promise<Array<{ venueCode: string; venueName: string; districtCode: string; cases: number }>> {
    // A visit in the range belongs to a case confirmed from then until one infectious window later.
    const rows = await this.store.query<{ venue_code: string; name: string; district_code: string; cases: string }>(
      `WITH ${exposureCte('latest.2 BETWEEN {from:Date} AND {caseTo:Date}')}
       SELECT v.venue_code AS venue_code, vn.name AS name, vn.district_code AS district_code, uniqExact(v.case_id) AS cases
       FROM visits AS v
       LEFT JOIN (SELECT code, argMax(name, updated_at) AS name, argMax(district_code, updated_at) AS district_code FROM venues GROUP BY code) AS vn ON vn.code = v.venue_code
       WHERE toDate(v.visit_time) BETWEEN {from:Date} AND {to:Date}
       GROUP BY venue_code, name, district_code HAVING cases >= {minCases:UInt32}
       ORDER BY cases DESC, venue_code`,
      { ...p, from, to, caseTo: addDaysIso(to, 30), minCases },
    );
    return rows.map((r) => ({ venueCode: r.venue_code, venueName: r.name, districtCode: r.district_code, cases: Number(r.cases) }));
  }
}

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
