import { Inject, Injectable } from '@nestjs/common';
import type { CaseCountRow, CaseReportRow, RejectedRecord, ReliefEventRow, ResourceSnapshotRow, VenueRow } from '@epiboard/pipelines';
import { ClickHouseStore } from '../store/clickhouse-store.js';
import type { IngestBatch } from '../queue/ingest-queue.js';

/** A row of the checkins table as it is inserted (time in epoch ms). */
export interface StoredCheckin {
  time: number;
  venue_code: string;
  district_code: string;
  channel: 'sms' | 'app';
  person_hash: string;
  party_size: number;
  dedup_key: string;
  batch_id: string;
  ingested_at: number;
}

/** A ClickHouse string literal for any text: backslashes and quotes escaped. */
export function quoteSqlString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Every write of the ingest path. Each insert carries a deduplication token derived from
 * the batch id and the table, so a batch retried after a partial or complete insert adds nothing.
 */
@Injectable()
export class IngestRepository {
  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  async insertCases(batch: IngestBatch, rows: CaseCountRow[]): Promise<void> {
    const ingestedAt = Date.now();
    await this.store.insert(
      'cases',
      rows.map((r) => ({
        case_date: r.caseDate,
        county: r.county,
        district: r.district,
        sex: r.sex,
        imported: r.imported ? 1 : 0,
        age_group: r.ageGroup,
        cases: r.count,
        source: batch.source,
        batch_id: batch.batchId,
        ingested_at: ingestedAt,
      })),
      `${batch.batchId}:cases`,
    );
  }

  /**
   * One insert for check-ins from many batches. No deduplication token: on a retry the rows may
   * be grouped differently; exactness comes from the keys (see existingCheckinKeys).
   */
  async insertCheckins(rows: StoredCheckin[]): Promise<void> {
    await this.store.insert('checkins', rows);
  }

  /**
   * Which of these keys are stored already. A redelivery comes close in time to the original,
   * so only partitions around the rows' times are searched (the bloom filter does the rest).
   */
  async existingCheckinKeys(keys: string[], fromMs: number, toMs: number): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const DAY = 86_400_000;
    // Keys are inlined, not bound: a bound array of 10,000 keys would travel in the URL to a
    // ClickHouse server. quoteSqlString makes that safe for any text.
    const rows = await this.store.query<{ dedup_key: string }>(
      `SELECT dedup_key FROM checkins
       WHERE time >= fromUnixTimestamp64Milli({fromMs:Int64}) AND time <= fromUnixTimestamp64Milli({toMs:Int64})
         AND dedup_key IN (${keys.map(quoteSqlString).join(',')})`,
      { fromMs: fromMs - 2 * DAY, toMs: toMs + 2 * DAY },
      { max_query_size: String(64 * 1024 * 1024) as never },
    );
    return new Set(rows.map((r) => r.dedup_key));
  }

  async upsertVenues(batch: IngestBatch, rows: VenueRow[]): Promise<void> {
    const updatedAt = Date.now();
    await this.store.insert(
      'venues',
      rows.map((v) => ({
        code: v.code,
        venue_id: v.venueId,
        name: v.name,
        category: v.category,
        district_code: v.districtCode,
        village: v.village,
        address: v.address,
        lat: v.lat,
        lon: v.lon,
        updated_at: updatedAt,
      })),
      `${batch.batchId}:venues`,
    );
  }

  async insertCaseReports(batch: IngestBatch, rows: CaseReportRow[]): Promise<void> {
    const ingestedAt = Date.now();
    await this.store.insert(
      'case_reports',
      rows.map((r) => ({
        case_id: r.caseId,
        reported_at: r.reportedAt,
        retracted: r.retracted ? 1 : 0,
        onset_date: r.onsetDate,
        confirmed_date: r.confirmedDate,
        district_code: r.districtCode,
        village: r.village,
        age_group: r.ageGroup,
        sex: r.sex,
        imported: r.imported ? 1 : 0,
        cluster: r.cluster,
        phone_hashes: r.phoneHashes,
        app_hashes: r.appHashes,
        batch_id: batch.batchId,
        ingested_at: ingestedAt,
      })),
      `${batch.batchId}:case_reports`,
    );
  }

  /** Snapshots in long format: one row per facility, kind (or item) and time, one insert per table. */
  async insertResourceSnapshots(batch: IngestBatch, rows: ResourceSnapshotRow[]): Promise<void> {
    const ingestedAt = Date.now();
    const facility = (s: ResourceSnapshotRow) => ({ time: s.time, facility_id: s.facilityId, facility_name: s.facilityName, facility_type: s.facilityType, district_code: s.districtCode });
    const stamp = { batch_id: batch.batchId, ingested_at: ingestedAt };
    await this.store.insert(
      'resource_capacity',
      rows.flatMap((s) => s.capacity.map((c) => ({ ...facility(s), kind: c.kind, total: c.total, occupied: c.occupied, ...stamp }))),
      `${batch.batchId}:resource_capacity`,
    );
    await this.store.insert(
      'resource_stock',
      rows.flatMap((s) => s.stock.map((st) => ({ ...facility(s), item: st.item, quantity: st.quantity, ...stamp }))),
      `${batch.batchId}:resource_stock`,
    );
  }

  async insertReliefEvents(batch: IngestBatch, rows: ReliefEventRow[]): Promise<void> {
    const ingestedAt = Date.now();
    await this.store.insert(
      'relief_events',
      rows.map((r) => ({ application_id: r.applicationId, program: r.program, district_code: r.districtCode, status: r.status, at: r.at, amount: r.amount, batch_id: batch.batchId, ingested_at: ingestedAt })),
      `${batch.batchId}:relief_events`,
    );
  }

  /** District of each known venue code; codes not in the registry are absent from the map. */
  async venueDistricts(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.store.query<{ code: string; district_code: string }>(
      'SELECT code, argMax(district_code, updated_at) AS district_code FROM venues WHERE code IN {codes:Array(String)} GROUP BY code',
      { codes },
    );
    return new Map(rows.map((r) => [r.code, r.district_code]));
  }

  async insertDeadLetters(batch: IngestBatch, rejected: RejectedRecord[]): Promise<void> {
    await this.store.insert(
      'ingest_dead_letter',
      rejected.map((r) => ({
        received_at: batch.receivedAt,
        source: batch.source,
        batch_id: batch.batchId,
        position: r.position,
        reason: r.reason,
        raw: r.raw,
      })),
      `${batch.batchId}:dead`,
    );
  }

  async recordBatch(batch: IngestBatch, accepted: number, rejected: number): Promise<void> {
    await this.store.insert('ingest_batches', [
      { batch_id: batch.batchId, source: batch.source, accepted, rejected, received_at: batch.receivedAt, landed_at: Date.now() },
    ]);
  }

  async findBatch(batchId: string): Promise<{ accepted: number; rejected: number } | undefined> {
    const [row] = await this.store.query<{ accepted: number; rejected: number }>(
      'SELECT accepted, rejected FROM ingest_batches FINAL WHERE batch_id = {batchId:String} LIMIT 1',
      { batchId },
    );
    return row && { accepted: Number(row.accepted), rejected: Number(row.rejected) };
  }

  async deadLetters(batchId: string, limit: number): Promise<Array<{ position: string; reason: string; raw: string }>> {
    return this.store.query(
      'SELECT position, reason, raw FROM ingest_dead_letter WHERE batch_id = {batchId:String} ORDER BY received_at, toUInt64OrZero(extract(position, \'\\\\d+\')), position LIMIT {limit:UInt32}',
      { batchId, limit },
    );
  }
}
