import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  IdentifierHasher,
  loadTownshipRegistry,
  parseCaseRecords,
  parseCdcCaseCsv,
  parseCheckins,
  parseScans,
  parseSmsMessages,
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
  /** Valid records that an earlier delivery had already stored (counted once). */
  duplicates?: number;
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

  /** Plain check-ins have no id of their own: the batch and position are their key, so a retried batch counts once. */
  submitCheckins(items: unknown, source = 'checkins'): Promise<SubmitReceipt> {
    const batchId = randomUUID();
    const parsed = parseCheckins(items, this.hasher, Date.now());
    parsed.rows.forEach((row, i) => (row.dedupKey = `batch:${batchId}:${i}`));
    return this.enqueue(IngestJob.Checkins, source, parsed, batchId);
  }

  /** 1922 SMS as the carrier delivers them; the message id is the key. */
  submitSms(body: unknown, source = 'sms-1922'): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Checkins, source, parseSmsMessages(body, this.hasher, Date.now()));
  }

  /** TaipeiPASS scans; the scan id is the key. */
  submitScans(body: unknown, source = 'taipeipass'): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Checkins, source, parseScans(body, this.hasher, Date.now()));
  }

  submitVenues(items: unknown, source = 'venues'): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Venues, source, parseVenues(items));
  }

  private async enqueue(job: IngestJob, source: string, parsed: ParsedBatch<unknown>, batchId = randomUUID()): Promise<SubmitReceipt> {
    if (parsed.rows.length + parsed.rejected.length === 0) throw new EmptyBatchError('the body holds no records');
    const batch: IngestBatch = { batchId, source, receivedAt: Date.now(), rows: parsed.rows, rejected: parsed.rejected };
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
      if (state === 'completed' && job.returnvalue) return { batchId, state: 'done', duplicates: 0, ...job.returnvalue };
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
