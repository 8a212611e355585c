import { Inject, Injectable } from '@nestjs/common';
import { ClickHouseStore } from '../store/clickhouse-store.js';

/** Relief applications of one program in one district over a range of Taipei dates. */
export interface ReliefSummaryRow {
  program: string;
  districtCode: string;
  /** Applications submitted in the range. */
  submitted: number;
  /** Applications approved in the range. */
  approved: number;
  /** Applications rejected in the range. */
  rejected: number;
  /** Applications paid in the range. */
  paid: number;
  /** Applications submitted by the end of the range and not yet decided by then. */
  backlog: number;
}

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
    WHERE toDate(at) <= {to:Date}
    GROUP BY program, application_id
  )
  GROUP BY program, district_code
  HAVING submitted_n + approved_n + rejected_n + paid_n + backlog_n > 0
  ORDER BY program, district_code`;

@Injectable()
export class ReliefRepository {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  /** `from` and `to` are Taipei dates, both included (the column's time zone is Taipei's). */
  async summary(from: string, to: string): Promise<ReliefSummaryRow[]> {
    const rows = await this.store.query<Record<'program' | 'district_code' | 'submitted_n' | 'approved_n' | 'rejected_n' | 'paid_n' | 'backlog_n', string>>(SUMMARY, { from, to });
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
}
