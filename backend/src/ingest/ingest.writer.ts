import { Inject, Injectable } from '@nestjs/common';
import type { CaseCountRow, CheckinRow, RejectedRecord, VenueRow } from '@epiboard/pipelines';
import { IngestJob, type IngestBatch, type IngestResult } from '../queue/ingest-queue.js';
import { IngestRepository } from './ingest.repository.js';

/**
 * The worker side of ingest: lands one validated batch in ClickHouse. Every handler is
 * idempotent (deduplication tokens per batch and table), because BullMQ delivers at least once.
 */
@Injectable()
export class IngestWriter {
  constructor(@Inject(IngestRepository) private readonly repository: IngestRepository) {}

  /** One handler per job name; the worker refuses to start if one is missing. */
  readonly handlers: Record<IngestJob, (batch: IngestBatch) => Promise<IngestResult>> = {
    [IngestJob.Cases]: (batch) => this.writeCases(batch as IngestBatch<CaseCountRow>),
    [IngestJob.Checkins]: (batch) => this.writeCheckins(batch as IngestBatch<CheckinRow>),
    [IngestJob.Venues]: (batch) => this.writeVenues(batch as IngestBatch<VenueRow>),
  };

  private async writeCases(batch: IngestBatch<CaseCountRow>): Promise<IngestResult> {
    await this.repository.insertCases(batch, batch.rows);
    return this.finish(batch, batch.rows.length, batch.rejected);
  }

  /** Check-ins take their district from the venue registry; an unknown venue is rejected. */
  private async writeCheckins(batch: IngestBatch<CheckinRow>): Promise<IngestResult> {
    const districts = await this.repository.venueDistricts([...new Set(batch.rows.map((r) => r.venueCode))]);
    const known: Array<CheckinRow & { districtCode: string }> = [];
    const rejected = [...batch.rejected];
    batch.rows.forEach((row, i) => {
      const districtCode = districts.get(row.venueCode);
      if (districtCode !== undefined) known.push({ ...row, districtCode });
      // The row is already hashed: safe to keep whole.
      else rejected.push({ position: `row ${i}`, reason: `unknown venue code ${row.venueCode}`, raw: JSON.stringify(row) });
    });
    await this.repository.insertCheckins(batch, known);
    return this.finish(batch, known.length, rejected);
  }

  private async writeVenues(batch: IngestBatch<VenueRow>): Promise<IngestResult> {
    await this.repository.upsertVenues(batch, batch.rows);
    return this.finish(batch, batch.rows.length, batch.rejected);
  }

  private async finish(batch: IngestBatch, accepted: number, rejected: RejectedRecord[]): Promise<IngestResult> {
    await this.repository.insertDeadLetters(batch, rejected);
    await this.repository.recordBatch(batch, accepted, rejected.length);
    return { accepted, rejected: rejected.length };
  }
}
