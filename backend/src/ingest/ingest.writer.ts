import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { CaseCountRow, CaseReportRow, CheckinRow, RejectedRecord, ReliefEventRow, ResourceSnapshotRow, VenueRow } from '@epiboard/pipelines';
import { IngestJob, type IngestBatch, type IngestResult } from '../queue/ingest-queue.js';
import { IngestRepository, type StoredCheckin } from './ingest.repository.js';
import { WriteBuffer } from './write-buffer.js';

/** What the worker knows about this run of a job. */
export interface JobRun {
  /** No earlier run of this job was ever started (not retried, not recovered from a dead worker). */
  firstRun: boolean;
}

/** Check-ins of one batch after the shared write: what landed, what was there already, what was refused. */
interface CheckinOutcome {
  inserted: number;
  duplicates: number;
  unknownVenue: RejectedRecord[];
}

/**
 * `firstRun`: this batch was never started before, so keys made from its own id (the plain
 * feed's batch:<id>:<n>) cannot be stored yet and need no look-up. SMS and scan keys always do.
 */
type BatchRows = { batchId: string; rows: CheckinRow[]; firstRun: boolean };

/** The key that makes a delivery the same check-in: its SMS or scan id, or its batch and position. */
function keyOf(row: CheckinRow, batchId: string): string | undefined {
  return row.dedupKey ?? (row.item !== undefined ? `batch:${batchId}:${row.item}` : undefined);
}

/** Where a check-in was in its request: "item 7" for the plain feed, else its SMS or scan key. */
function positionOf(row: CheckinRow): string {
  return row.item !== undefined ? `item ${row.item}` : (row.dedupKey ?? 'record');
}

/**
 * The worker side of ingest: lands validated batches in ClickHouse. BullMQ delivers at least
 * once, so every handler is idempotent: cases and venues by per-batch deduplication tokens,
 * check-ins by their keys (a key already stored is a duplicate, not a new check-in).
 */
@Injectable()
export class IngestWriter implements OnModuleDestroy {
  /** Check-ins from many small batches (one SMS per request) share one insert. */
  private readonly checkinBuffer = new WriteBuffer<BatchRows, CheckinOutcome>((sets) => this.writeCheckinSets(sets), { maxRows: 50_000, intervalMs: 250 }, (b) => b.rows.length);

  constructor(@Inject(IngestRepository) private readonly repository: IngestRepository) {}

  /** One handler per job name; the worker refuses to start if one is missing. */
  readonly handlers: Record<IngestJob, (batch: IngestBatch, run: JobRun) => Promise<IngestResult>> = {
    [IngestJob.Cases]: (batch) => this.writeCases(batch as IngestBatch<CaseCountRow>),
    [IngestJob.Checkins]: (batch, run) => this.writeCheckins(batch as IngestBatch<CheckinRow>, run),
    [IngestJob.Venues]: (batch) => this.writeVenues(batch as IngestBatch<VenueRow>),
    [IngestJob.CaseReports]: (batch) => this.writeCaseReports(batch as IngestBatch<CaseReportRow>),
    [IngestJob.Resources]: (batch) => this.writeResources(batch as IngestBatch<ResourceSnapshotRow>),
    [IngestJob.Relief]: (batch) => this.writeRelief(batch as IngestBatch<ReliefEventRow>),
  };

  /** Shutdown: what is buffered is written before the connections close. */
  async onModuleDestroy(): Promise<void> {
    await this.checkinBuffer.drain();
  }

  private async writeCases(batch: IngestBatch<CaseCountRow>): Promise<IngestResult> {
    await this.repository.insertCases(batch, batch.rows);
    return this.finish(batch, batch.rows.length, batch.rejected);
  }

  private async writeCheckins(batch: IngestBatch<CheckinRow>, run: JobRun): Promise<IngestResult> {
    const outcome = await this.checkinBuffer.add({ batchId: batch.batchId, rows: batch.rows, firstRun: run.firstRun });
    return this.finish(batch, outcome.inserted + outcome.duplicates, [...batch.rejected, ...outcome.unknownVenue], outcome.duplicates);
  }

  /**
   * One write for several batches. Flushes never overlap (WriteBuffer), so the look-up of
   * stored keys and the insert cannot race another flush in this process.
   */
  private async writeCheckinSets(sets: BatchRows[]): Promise<CheckinOutcome[]> {
    const all = sets.flatMap((s) => s.rows);
    if (all.length === 0) return sets.map(() => ({ inserted: 0, duplicates: 0, unknownVenue: [] }));
    const districts = await this.repository.venueDistricts([...new Set(all.map((r) => r.venueCode))]);
    // A plain batch's own keys cannot be stored before its first run: only SMS and scan ids, and retries, are looked up.
    const toCheck = sets.flatMap((s) => s.rows.filter((r) => districts.has(r.venueCode) && (r.dedupKey !== undefined || (r.item !== undefined && !s.firstRun))).map((r) => ({ key: keyOf(r, s.batchId)!, time: r.time })));
    const keys = [...new Set(toCheck.map((r) => r.key))];
    const times = toCheck.map((r) => r.time);
    const seen = keys.length ? await this.repository.existingCheckinKeys(keys, Math.min(...times), Math.max(...times)) : new Set<string>();

    const toInsert: StoredCheckin[] = [];
    const ingestedAt = Date.now();
    const outcomes = sets.map(({ batchId, rows }) => {
      const outcome: CheckinOutcome = { inserted: 0, duplicates: 0, unknownVenue: [] };
      rows.forEach((row) => {
        const districtCode = districts.get(row.venueCode);
        if (districtCode === undefined) {
          // The row is already hashed: safe to keep whole.
          outcome.unknownVenue.push({ position: positionOf(row), reason: `unknown venue code ${row.venueCode} (register it with POST /api/ingest/venues first)`, raw: JSON.stringify(row) });
          return;
        }
        const key = keyOf(row, batchId);
        if (key && seen.has(key)) {
          outcome.duplicates++;
        } else {
          if (key) seen.add(key);
          // Built once, in the table's shape: at 50,000 rows a flush, copies cost.
          toInsert.push({ time: row.time, venue_code: row.venueCode, district_code: districtCode, channel: row.channel, person_hash: row.personHash, party_size: row.partySize, dedup_key: key ?? '', batch_id: batchId, ingested_at: ingestedAt });
          outcome.inserted++;
        }
      });
      return outcome;
    });
    await this.repository.insertCheckins(toInsert);
    return outcomes;
  }

  private async writeCaseReports(batch: IngestBatch<CaseReportRow>): Promise<IngestResult> {
    await this.repository.insertCaseReports(batch, batch.rows);
    return this.finish(batch, batch.rows.length, batch.rejected);
  }

  /** Accepted counts snapshots; their figures land in resource_capacity and resource_stock. */
  private async writeResources(batch: IngestBatch<ResourceSnapshotRow>): Promise<IngestResult> {
    await this.repository.insertResourceSnapshots(batch, batch.rows);
    return this.finish(batch, batch.rows.length, batch.rejected);
  }

  private async writeRelief(batch: IngestBatch<ReliefEventRow>): Promise<IngestResult> {
    await this.repository.insertReliefEvents(batch, batch.rows);
    return this.finish(batch, batch.rows.length, batch.rejected);
  }

  private async writeVenues(batch: IngestBatch<VenueRow>): Promise<IngestResult> {
    await this.repository.upsertVenues(batch, batch.rows);
    return this.finish(batch, batch.rows.length, batch.rejected);
  }

  private async finish(batch: IngestBatch, accepted: number, rejected: RejectedRecord[], duplicates = 0): Promise<IngestResult> {
    await this.repository.insertDeadLetters(batch, rejected);
    await this.repository.recordBatch(batch, accepted, rejected.length);
    return { accepted, rejected: rejected.length, ...(duplicates ? { duplicates } : {}) };
  }
}
