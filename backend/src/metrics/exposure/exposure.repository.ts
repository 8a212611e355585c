import { Inject, Injectable } from '@nestjs/common';
import type { CaseExposure, VenueExposure } from '@epiboard/pipelines';
import { ClickHouseStore } from '../../store/clickhouse-store.js';
import { lineListAsOf, lineListConfirmedBetween } from '../case-counts.repository.js';
import { summariseCases, visitsOfCases, type CaseWindow, type Visit, type VisitExposure } from './exposure.summary.js';

export interface ExposureParams {
  asOf: number;
  /** ± minutes around each of the case's visits. */
  minutes: number;
  /** The infectious window opens this many days before onset (or confirmation when onset is unknown). */
  daysBefore: number;
}

interface VenueInfo {
  code: string;
  /** Codes sharing a venueId are one venue: they share this key (the code itself when there is no venueId). */
  venueKey: string;
  districtCode: string;
  name: string;
  category: string;
}

/**
 * Venue exposure, in steps that each read only what they need (only check-ins that had landed by
 * asOf count):
 * 1. the cases' hashed ids and infectious windows (line list as known at asOf);
 * 2. their own check-ins in those windows, found through the by-person projection: the visits;
 * 3. the visited venues and every other code of the same venue (registry);
 * 4. everyone else checked in at those venues within ± minutes of a visit, both edges included,
 *    found through the table's sorting key (district, venue, time).
 * Each step hands the next its results as query parameters: ClickHouse inlines a CTE wherever it
 * is used, so one query with the steps as CTEs re-ran the line list and the projection look-up
 * several times over (about 0.5 s a case on half a million check-ins).
 * persons = distinct hashed ids other than the case's own; people = each person once, with the
 * largest party they checked in with (companions and family members).
 */
@Injectable()
export class ExposureRepository {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  /** Exposure for each of the given cases (known and not retracted at asOf); absent ids are left out. */
  async forCases(caseIds: string[], p: ExposureParams): Promise<Map<string, Omit<CaseExposure, 'asOf' | 'minutes'>>> {
    const windows = await this.windows(lineListAsOf('case_id IN {caseIds:Array(String)}'), { ...p, caseIds });
    const visits = await this.visits(windows, p);
    const venues = await this.venueInfo(visits.map((v) => v.venueCode));
    const exposures = await this.exposures(visits, windows, venues, p);
    const summaries = summariseCases(windows.map((w) => w.caseId), visits, exposures);
    const out = new Map<string, Omit<CaseExposure, 'asOf' | 'minutes'>>();
    for (const w of windows) {
      const s = summaries.get(w.caseId)!;
      out.set(w.caseId, {
        caseId: w.caseId,
        window: { from: taipeiIso(w.fromMs), to: taipeiIso(w.toMs) },
        visits: s.visits.map((v) => ({
          venueCode: v.venueCode,
          venueName: venues.get(v.venueCode)?.name ?? '',
          districtCode: venues.get(v.venueCode)?.districtCode ?? '',
          time: taipeiIso(v.timeMs),
          exposedPersons: v.exposedPersons,
          exposedPeople: v.exposedPeople,
        })),
        exposedPersons: s.exposedPersons,
        exposedPeople: s.exposedPeople,
      });
    }
    return out;
  }

  /** Venues visited by cases confirmed from `from` to `to`, most cases first, then most people exposed. */
  async venues(from: string, to: string, limit: number, p: ExposureParams): Promise<VenueExposure[]> {
    const windows = await this.windows(lineListConfirmedBetween(), { ...p, from, to });
    const visits = await this.visits(windows, p);
    const venues = await this.venueInfo(visits.map((v) => v.venueCode));
    const exposed = new Map<string, { persons: number; people: number }>();
    if (visits.length > 0) {
      const rows = await this.store.query<{ venue_code: string; persons: string; people: string }>(
        `SELECT venue_code, count() AS persons, sum(party) AS people
         FROM (SELECT venue_code, person_hash, max(party_size) AS party FROM (${NEAR_VISITS}) GROUP BY venue_code, person_hash)
         GROUP BY venue_code`,
        this.nearParams(visits, windows, venues, p),
      );
      for (const r of rows) exposed.set(r.venue_code, { persons: Number(r.persons), people: Number(r.people) });
    }
    const perVenue = new Map<string, { cases: Set<string>; visits: number }>();
    for (const v of visits) {
      const entry = perVenue.get(v.venueCode) ?? { cases: new Set<string>(), visits: 0 };
      entry.cases.add(v.caseId);
      entry.visits++;
      perVenue.set(v.venueCode, entry);
    }
    return [...perVenue]
      .map(([code, e]) => ({
        venueCode: code,
        venueName: venues.get(code)?.name ?? '',
        category: venues.get(code)?.category ?? '',
        districtCode: venues.get(code)?.districtCode ?? '',
        casesVisiting: e.cases.size,
        visits: e.visits,
        exposedPersons: exposed.get(code)?.persons ?? 0,
        exposedPeople: exposed.get(code)?.people ?? 0,
      }))
      .sort((a, b) => b.casesVisiting - a.casesVisiting || b.exposedPeople - a.exposedPeople || (a.venueCode < b.venueCode ? -1 : a.venueCode > b.venueCode ? 1 : 0))
      .slice(0, limit);
  }

  /** Venues where at least `minCases` distinct cases checked in from `from` to `to` (Taipei dates, visit times). */
  async venuesVisitedByCases(from: string, to: string, minCases: number, p: ExposureParams): Promise<Array<{ venueCode: string; venueName: string; districtCode: string; cases: number }>> {
    // A visit in the range belongs to a case confirmed from then until one infectious window later.
    const windows = await this.windows(lineListConfirmedBetween('{from:Date}', '{caseTo:Date}'), { ...p, from, caseTo: addDaysIso(to, 30) });
    // Only visits on those days count: read no check-ins outside them.
    const visits = (await this.visits(windows, p, { fromMs: taipeiMidnight(from), toMs: taipeiMidnight(addDaysIso(to, 1)) })).filter((v) => {
      const day = taipeiIso(v.timeMs).slice(0, 10);
      return day >= from && day <= to;
    });
    const casesAt = new Map<string, Set<string>>();
    for (const v of visits) casesAt.set(v.venueCode, (casesAt.get(v.venueCode) ?? new Set()).add(v.caseId));
    const hot = [...casesAt].filter(([, cases]) => cases.size >= minCases);
    const venues = await this.venueInfo(hot.map(([code]) => code));
    return hot
      .map(([code, cases]) => ({ venueCode: code, venueName: venues.get(code)?.name ?? '', districtCode: venues.get(code)?.districtCode ?? '', cases: cases.size }))
      .sort((a, b) => b.cases - a.cases || (a.venueCode < b.venueCode ? -1 : 1));
  }

  /** Step 1: the hashed ids and infectious window of each case of a line list as known at asOf (lineListAsOf or lineListConfirmedBetween). */
  private async windows(lineList: string, params: Record<string, unknown>): Promise<CaseWindow[]> {
    const rows = await this.store.query<{ case_id: string; hashes: string[]; w_from: string; w_to: string }>(
      `SELECT case_id, arrayDistinct(arrayConcat(latest.8, latest.9)) AS hashes,
              toUnixTimestamp64Milli(toDateTime64(toDateTime(ifNull(latest.7, latest.2) - {daysBefore:UInt16}, 'Asia/Taipei'), 3, 'Asia/Taipei')) AS w_from,
              toUnixTimestamp64Milli(toDateTime64(toDateTime(latest.2 + 1, 'Asia/Taipei'), 3, 'Asia/Taipei')) AS w_to
       FROM (${lineList})`,
      params,
    );
    return rows.map((r) => ({ caseId: r.case_id, hashes: r.hashes, fromMs: Number(r.w_from), toMs: Number(r.w_to) }));
  }

  /** Step 2: the cases' own check-ins inside their windows (and inside `only`, when given). */
  private async visits(windows: CaseWindow[], p: ExposureParams, only?: { fromMs: number; toMs: number }): Promise<Visit[]> {
    const hashes = [...new Set(windows.flatMap((w) => w.hashes))];
    if (hashes.length === 0) return [];
    const from = Math.max(least(windows.map((w) => w.fromMs)), only?.fromMs ?? -Infinity);
    const to = Math.min(greatest(windows.map((w) => w.toMs)), only?.toMs ?? Infinity);
    if (from >= to) return [];
    const rows = await this.store.query<{ person_hash: string; venue_code: string; t: string }>(
      `SELECT person_hash, venue_code, toUnixTimestamp64Milli(time) AS t FROM checkins
       WHERE person_hash IN {hashes:Array(String)}
         AND time >= fromUnixTimestamp64Milli({from:Int64}) AND time < fromUnixTimestamp64Milli({to:Int64})
         AND ingested_at <= fromUnixTimestamp64Milli({asOf:Int64})`,
      { hashes, from, to, asOf: p.asOf },
    );
    return visitsOfCases(windows, rows.map((r) => ({ personHash: r.person_hash, venueCode: r.venue_code, timeMs: Number(r.t) })));
  }

  /** Step 3: the registry's latest record of each visited code and of every other code of the same venue. */
  private async venueInfo(codes: string[]): Promise<Map<string, VenueInfo>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows = await this.store.query<{ code: string; venue_key: string; district_code: string; name: string; category: string }>(
      // Grouped once, and only the versions of the visited codes and of codes that ever carried one
      // of their venueIds, not the whole registry; then kept: the visited codes and the codes whose
      // latest venueId is the latest venueId of one of them.
      `SELECT code, if(argMax(venue_id, updated_at) = '', code, argMax(venue_id, updated_at)) AS venue_key,
              argMax(district_code, updated_at) AS district_code, argMax(name, updated_at) AS name, argMax(category, updated_at) AS category
       FROM venues
       WHERE code IN {codes:Array(String)} OR venue_id IN (${VISITED_VENUE_IDS})
       GROUP BY code
       HAVING code IN {codes:Array(String)} OR venue_key IN (${VISITED_VENUE_IDS})`,
      { codes: unique },
    );
    const out = new Map<string, VenueInfo>(rows.map((r) => [r.code, { code: r.code, venueKey: r.venue_key, districtCode: r.district_code, name: r.name, category: r.category }]));
    // A code the registry does not know (it would have been dead-lettered, but be safe) is a venue of its own.
    for (const code of unique) if (!out.has(code)) out.set(code, { code, venueKey: code, districtCode: '', name: '', category: '' });
    return out;
  }

  /** Step 4: each person near each visit, with the largest party they came with. */
  private async exposures(visits: Visit[], windows: CaseWindow[], venues: Map<string, VenueInfo>, p: ExposureParams): Promise<VisitExposure[]> {
    if (visits.length === 0) return [];
    const rows = await this.store.query<{ case_id: string; venue_code: string; visit_t: string; person_hash: string; party: number }>(
      `SELECT case_id, venue_code, visit_t, person_hash, max(party_size) AS party FROM (${NEAR_VISITS})
       GROUP BY case_id, venue_code, visit_t, person_hash`,
      this.nearParams(visits, windows, venues, p),
    );
    return rows.map((r) => ({ caseId: r.case_id, venueCode: r.venue_code, timeMs: Number(r.visit_t), personHash: r.person_hash, party: Number(r.party) }));
  }

  private nearParams(visits: Visit[], windows: CaseWindow[], venues: Map<string, VenueInfo>, p: ExposureParams): Record<string, unknown> {
    const hashesOf = new Map(windows.map((w) => [w.caseId, w.hashes]));
    const keyOf = (code: string) => venues.get(code)?.venueKey ?? code;
    const visitedKeys = new Set(visits.map((v) => keyOf(v.venueCode)));
    const codes = [...venues.values()].filter((v) => visitedKeys.has(v.venueKey));
    const margin = p.minutes * 60_000;
    return {
      vCase: visits.map((v) => v.caseId),
      vCode: visits.map((v) => v.venueCode),
      vKey: visits.map((v) => keyOf(v.venueCode)),
      vTime: visits.map((v) => v.timeMs),
      vHashes: visits.map((v) => hashesOf.get(v.caseId) ?? []),
      codes: codes.map((v) => v.code),
      keys: codes.map((v) => v.venueKey),
      nearFrom: least(visits.map((v) => v.timeMs)) - margin,
      nearTo: greatest(visits.map((v) => v.timeMs)) + margin,
      minutes: p.minutes,
      asOf: p.asOf,
    };
  }
}

/** The latest venueId of each visited code that has one. */
const VISITED_VENUE_IDS = `
  SELECT vid FROM (SELECT argMax(venue_id, updated_at) AS vid FROM venues WHERE code IN {codes:Array(String)} GROUP BY code) WHERE vid != ''`;

/**
 * Everyone checked in at a visited venue (any of its codes) within ± {minutes} of a visit, the
 * case's own ids left out. The visits arrive as parallel arrays; the check-ins are read by the
 * sorting key (district, venue code, time) without naming the district: a check-in carries the
 * district its venue had when it landed, which a later registry record may have changed, and
 * with only 12 districts ClickHouse's exclusion search skips to the venue codes all the same.
 */
const NEAR_VISITS = `
  SELECT vs.case_id AS case_id, vs.venue_code AS venue_code, vs.t AS visit_t, n.person_hash AS person_hash, n.party_size AS party_size
  FROM (
    SELECT v.1 AS case_id, v.2 AS venue_code, v.3 AS venue_key, v.4 AS t, v.5 AS hashes
    FROM (SELECT arrayJoin(arrayZip({vCase:Array(String)}, {vCode:Array(String)}, {vKey:Array(String)}, {vTime:Array(Int64)}, {vHashes:Array(Array(String))})) AS v)
  ) AS vs
  INNER JOIN (
    SELECT transform(venue_code, {codes:Array(String)}, {keys:Array(String)}, venue_code) AS venue_key, toUnixTimestamp64Milli(time) AS t, person_hash, party_size
    FROM checkins
    WHERE venue_code IN {codes:Array(String)}
      AND time >= fromUnixTimestamp64Milli({nearFrom:Int64}) AND time <= fromUnixTimestamp64Milli({nearTo:Int64})
      AND ingested_at <= fromUnixTimestamp64Milli({asOf:Int64})
  ) AS n ON n.venue_key = vs.venue_key
  WHERE abs(n.t - vs.t) <= {minutes:UInt32} * 60000 AND NOT has(vs.hashes, n.person_hash)`;

// Not Math.min(...xs): spreading tens of thousands of arguments can overflow the stack.
const least = (xs: number[]) => xs.reduce((a, b) => (b < a ? b : a), Infinity);
const greatest = (xs: number[]) => xs.reduce((a, b) => (b > a ? b : a), -Infinity);

const taipeiMidnight = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

const taipeiIso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
