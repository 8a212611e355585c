import { Inject, Injectable } from '@nestjs/common';
import type { ReliefCounts } from '@epiboard/pipelines';
import { ClickHouseStore } from '../store/clickhouse-store.js';

/** What GET /api/relief/summary answers per program and district: the counts of the metrics row. */
export type ReliefSummaryRow = ReliefCounts;

/**
 * One row per application first (FINAL: an event sent twice is one event), so an application
 * counts once per status however many events it has; it counts in the district of its first event.
 * Paid counts as decided: a payment follows an approval even when the approval event is missing.
 * Aliases differ from column names: in ClickHouse an alias would shadow the column.
 */
const SUMMARY = `
  SELECT program, home_district AS district_code,
         countIf(was_submitted) AS submitted_n, countIf(was_approved) AS approved_n, countIf(was_rejected) AS rejected_n,
         countIf(was_paid) AS paid_n, countIf(is_pending) AS backlog_n
  FROM (
    SELECT program, application_id,
           argMin(district_code, at) AS home_district,
           countIf(status = 'submitted' AND toDate(at) >= {from:Date}) > 0 AS was_submitted,
           countIf(status = 'approved' AND toDate(at) >= {from:Date}) > 0 AS was_approved,
           countIf(status = 'rejected' AND toDate(at) >= {from:Date}) > 0 AS was_rejected,
           countIf(status = 'paid' AND toDate(at) >= {from:Date}) > 0 AS was_paid,
           countIf(status = 'submitted') > 0 AND countIf(status IN ('approved', 'rejected', 'paid')) = 0 AS is_pending
    FROM relief_events FINAL
    WHERE toDate(at) <= {to:Date} AND ingested_at <= fromUnixTimestamp64Milli({asOf:Int64})
    GROUP BY program, application_id
  )
  GROUP BY program, district_code
  HAVING submitted_n + approved_n + rejected_n + paid_n + backlog_n > 0
  ORDER BY program, district_code`;

@Injectable()
export class ReliefRepository {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  /** `from` and `to` are Taipei dates, both included (the column's time zone is Taipei's). */
  async summary(from: string, to: string, asOf = Date.now()): Promise<ReliefSummaryRow[]> {
    const rows = await this.store.query<Record<'program' | 'district_code' | 'submitted_n' | 'approved_n' | 'rejected_n' | 'paid_n' | 'backlog_n', string>>(SUMMARY, { from, to, asOf });
    // Counts are UInt64, which ClickHouse writes as JSON strings.
    return rows.map((r) => ({
      program: r.program,
      districtCode: r.district_code,
      submitted: Number(r.submitted_n),
      approved: Number(r.approved_n),
      rejected: Number(r.rejected_n),
      paid: Number(r.paid_n),
      backlog: Number(r.backlog_n),
    }));
  }

  /**
   * Days from submission to decision (approved or rejected; paid without either counts as
   * decided when paid) for applications decided from `from` to `to`: median and 90th percentile.
   */
  async processingDays(from: string, to: string, asOf: number): Promise<Array<{ program: string; districtCode: string; median: number | null; p90: number | null }>> {
    const rows = await this.store.query<{ program: string; district_code: string; median: number | null; p90: number | null; n: string }>(
      `SELECT program, home_district AS district_code, count() AS n,
              quantileExact(0.5)(days) AS median, quantileExact(0.9)(days) AS p90
       FROM (
         SELECT program, application_id, argMin(district_code, at) AS home_district,
                minIf(at, status = 'submitted') AS submitted_at,
                minIf(at, status IN ('approved', 'rejected', 'paid')) AS decided_at,
                countIf(status = 'submitted') > 0 AS has_submitted,
                countIf(status IN ('approved', 'rejected', 'paid')) > 0 AS has_decision,
                (toUnixTimestamp64Milli(decided_at) - toUnixTimestamp64Milli(submitted_at)) / 86400000 AS days
         FROM relief_events FINAL
         WHERE ingested_at <= fromUnixTimestamp64Milli({asOf:Int64})
         GROUP BY program, application_id
       )
       WHERE has_submitted AND has_decision AND toDate(decided_at) BETWEEN {from:Date} AND {to:Date}
       GROUP BY program, district_code`,
      { from, to, asOf },
    );
    const round = (x: number | null) => (x === null ? null : Math.round(Number(x) * 100) / 100);
    return rows.map((r) => ({ program: r.program, districtCode: r.district_code, median: Number(r.n) > 0 ? round(r.median) : null, p90: Number(r.n) > 0 ? round(r.p90) : null }));
  }
}
