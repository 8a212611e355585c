import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  IdentifierHasher,
  loadTownshipRegistry,
  parseCaseRecords,
  parseCdcCaseCsv,
  parseCheckins,
  parseVenues,
  type ParsedBatch,
  type TownshipRegistry,
} from '@epiboard/pipelines';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { IngestJob, ingestJobOptions, type IngestBatch, type IngestQueue } from '../queue/ingest-queue.js';
import { INGEST_QUEUE_TOKEN } from '../queue/queue.module.js';
import { IngestRepository } from './ingest.repository.js';
import { loadIdentifierSecret } from './identifier-secret.js';

export type BatchState = 'queued' | 'running' | 'done' | 'failed';

export interface BatchStatus {
  batchId: string;
  state: BatchState;
  accepted: number;
  rejected: number;
  /** Why the batch failed, when it did. */
  error?: string;
}

export interface SubmitReceipt {
  batchId: string;
  accepted: number;
  rejected: number;
}

/** Thrown when the queue cannot durably take a batch: the caller must not answer 2xx. */
export class QueueUnavailableError extends Error {}

/** A body that parsed but holds no record at all. */
export class EmptyBatchError extends Error {}

/**
 * The edge of ingest: validates, hashes identifiers, and enqueues one job per batch.
 * Nothing raw goes past this class.
 */
@Injectable()
export class IngestService {
  private readonly hasher: IdentifierHasher;
  private readonly towns: TownshipRegistry = loadTownshipRegistry();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(INGEST_QUEUE_TOKEN) private readonly queue: IngestQueue,
    @Inject(IngestRepository) private readonly repository: IngestRepository,
  ) {
    this.hasher = new IdentifierHasher(loadIdentifierSecret(config.dataDir, config.hashSecret));
  }

  submitCaseCsv(text: string, source = 'cdc-csv'): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Cases, source, parseCdcCaseCsv(text, this.towns));
  }

  submitCaseRecords(items: unknown, source = 'cases-json'): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Cases, source, parseCaseRecords(items, this.towns));
  }

  submitCheckins(items: unknown, source = 'checkins'): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Checkins, source, parseCheckins(items, this.hasher, Date.now()));
  }

  submitVenues(items: unknown, source = 'venues'): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Venues, source, parseVenues(items));
  }

  private async enqueue(job: IngestJob, source: string, parsed: ParsedBatch<unknown>): Promise<SubmitReceipt> {
    if (parsed.rows.length + parsed.rejected.length === 0) throw new EmptyBatchError('the body holds no records');
    const batch: IngestBatch = { batchId: randomUUID(), source, receivedAt: Date.now(), rows: parsed.rows, rejected: parsed.rejected };
    try {
      await this.queue.add(job, batch, ingestJobOptions(batch.batchId));
    } catch (error) {
      throw new QueueUnavailableError(`the ingest queue did not take the batch (${(error as Error).message})`);
    }
    return { batchId: batch.batchId, accepted: parsed.rows.length, rejected: parsed.rejected.length };
  }

  /** State from BullMQ while the job exists; from ClickHouse once BullMQ has forgotten it. */
  async status(batchId: string): Promise<BatchStatus | undefined> {
    const job = await this.queue.getJob(batchId);
    if (job) {
      const state = await job.getState();
      if (state === 'completed' && job.returnvalue) return { batchId, state: 'done', ...job.returnvalue };
      const base = { batchId, accepted: job.data.rows.length, rejected: job.data.rejected.length };
      if (state === 'failed') return { ...base, state: 'failed', error: job.failedReason };
      if (state === 'active') return { ...base, state: 'running' };
      return { ...base, state: 'queued' };
    }
    const landed = await this.repository.findBatch(batchId);
    return landed && { batchId, state: 'done', ...landed };
  }

  deadLetters(batchId: string, limit = 100) {
    return this.repository.deadLetters(batchId, limit);
  }
}
