import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  IdentifierHasher,
  loadTownshipRegistry,
  parseCaseRecords,
  parseCaseReports,
  parseCapacityPressCsv,
  parseCdcCaseCsv,
  parseCheckins,
  parseReliefEvents,
  parseResourceSnapshots,
  parseScans,
  parseSmsMessages,
  parseVenues,
  redactPhoneLike,
  type ParsedBatch,
  type TownshipRegistry,
} from '@epiboard/pipelines';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { IngestJob, ingestJobOptions, type IngestBatch, type IngestQueue, type IngestResult } from '../queue/ingest-queue.js';
import { INGEST_QUEUE_TOKEN } from '../queue/queue.module.js';
import { RedisConnection } from '../queue/redis-connection.js';
import type { Redis } from 'ioredis';
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
  /** True when the idempotency key named a batch already received: nothing new was queued. */
  replayed?: boolean;
}

export interface SubmitOptions {
  /** Client-chosen key (the Idempotency-Key header): the same key is the same batch. */
  idempotencyKey?: string;
  source?: string;
}

/** A stable UUID-shaped batch id for an idempotency key. */
export function batchIdForKey(scope: string, key: string): string {
  const h = createHash('sha256').update(`${scope}\n${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Thrown when the queue cannot durably take a batch: the caller must not answer 2xx. */
export class QueueUnavailableError extends Error {}

/** Records in one request, at most: a bound on the job kept in Redis and on one insert. */
export const MAX_RECORDS_PER_BATCH = 100_000;

export class TooManyRecordsError extends Error {}

/** Too many batches waiting: the caller should retry later (429). */
export class QueueFullError extends Error {}

export interface FailedBatch {
  batchId: string;
  job: string;
  source: string;
  rows: number;
  rejected: number;
  attempts: number;
  error: string;
  failedAt: string | null;
}

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
  /** For reading single fields of a job's hash. */
  private readonly redis: Redis;
  /** Edge counts of recent batches, so a status poll need not load a job's (large) data. */
  private readonly receipts = new Map<string, { accepted: number; rejected: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(INGEST_QUEUE_TOKEN) private readonly queue: IngestQueue,
    @Inject(IngestRepository) private readonly repository: IngestRepository,
    @Inject(RedisConnection) redisConnection: RedisConnection,
  ) {
    this.redis = redisConnection.connect('command');
    this.hasher = new IdentifierHasher(loadIdentifierSecret(config.dataDir, config.hashSecret));
  }

  submitCaseCsv(text: string, options: SubmitOptions = {}): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Cases, options.source ?? 'cdc-csv', () => parseCdcCaseCsv(text, this.towns), options);
  }

  submitCaseRecords(items: unknown, options: SubmitOptions = {}): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Cases, options.source ?? 'cases-json', () => parseCaseRecords(items, this.towns), options);
  }

  /** Plain check-ins have no id of their own: the batch and position are their key, so a retried batch counts once. */
  submitCheckins(items: unknown, options: SubmitOptions = {}): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Checkins, options.source ?? 'checkins', () => parseCheckins(items, this.hasher, Date.now(), true), options);
  }

  /** 1922 SMS as the carrier delivers them; the message id is the key. */
  submitSms(body: unknown, options: SubmitOptions = {}): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Checkins, options.source ?? 'sms-1922', () => parseSmsMessages(body, this.hasher, Date.now()), options);
  }

  /** TaipeiPASS scans; the scan id is the key. */
  submitScans(body: unknown, options: SubmitOptions = {}): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Checkins, options.source ?? 'taipeipass', () => parseScans(body, this.hasher, Date.now()), options);
  }

  /** The city's case line list; identifiers of the case are hashed here. */
  submitCaseReports(body: unknown, options: SubmitOptions = {}): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.CaseReports, options.source ?? 'case-reports', () => parseCaseReports(body, this.hasher, Date.now()), options);
  }

  submitVenues(items: unknown, options: SubmitOptions = {}): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Venues, options.source ?? 'venues', () => parseVenues(items), options);
  }

  /** Facility snapshots as JSON; the same facility, kind or item and time again counts once. */
  submitResources(body: unknown, options: SubmitOptions = {}): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Resources, options.source ?? 'resources', () => parseResourceSnapshots(body, Date.now()), options);
  }

  /** The press-figure CSV: Taipei City's figures become city snapshots, the other lines dead letters. */
  submitCapacityPressCsv(text: string, options: SubmitOptions = {}): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Resources, options.source ?? 'capacity-press-csv', () => parseCapacityPressCsv(text, Date.now()), options);
  }

  /** Relief application status events; no applicant data passes. */
  submitRelief(body: unknown, options: SubmitOptions = {}): Promise<SubmitReceipt> {
    return this.enqueue(IngestJob.Relief, options.source ?? 'relief', () => parseReliefEvents(body, Date.now()), options);
  }

  /**
   * Validates, then enqueues one job whose id is the batch id. With an idempotency key the batch
   * id is derived from it, so the same request sent again is recognised and not queued twice.
   */
  private async enqueue(job: IngestJob, source: string, parse: (batchId: string) => ParsedBatch<unknown>, options: SubmitOptions): Promise<SubmitReceipt> {
    const batchId = options.idempotencyKey ? batchIdForKey(`${job}:${source}`, options.idempotencyKey) : randomUUID();
    if (options.idempotencyKey) {
      const earlier = await this.status(batchId).catch((error: Error) => {
        throw new QueueUnavailableError(`could not check the idempotency key (${error.message})`);
      });
      if (earlier) return { batchId, accepted: earlier.accepted, rejected: earlier.rejected, replayed: true };
    }
    const parsed = parse(batchId);
    const records = parsed.rows.length + parsed.rejected.length;
    if (records === 0) throw new EmptyBatchError('the body holds no records');
    if (records > MAX_RECORDS_PER_BATCH) throw new TooManyRecordsError(`the body holds ${records} records; send at most ${MAX_RECORDS_PER_BATCH} per request`);
    // Defence in depth: whatever a parser wrote in a reason, no phone-like run leaves the edge.
    parsed.rejected = parsed.rejected.map((r) => ({ ...r, reason: redactPhoneLike(r.reason.toWellFormed()).slice(0, 500) }));
    await this.checkQueueDepth();
    const batch: IngestBatch = { batchId, source, receivedAt: Date.now(), rows: parsed.rows, rejected: parsed.rejected };
    try {
      await this.queue.add(job, batch, ingestJobOptions(batch.batchId, this.config.ingest));
    } catch (error) {
      throw new QueueUnavailableError(`the ingest queue did not take the batch (${(error as Error).message}); nothing was accepted`);
    }
    const receipt = { accepted: parsed.rows.length, rejected: parsed.rejected.length };
    this.remember(batch.batchId, receipt);
    return { batchId: batch.batchId, ...receipt };
  }

  /** Backpressure: beyond the configured depth, refuse (429) rather than let Redis grow without bound. */
  private async checkQueueDepth(): Promise<void> {
    let depth: number;
    try {
      const counts = await this.queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
      depth = Object.values(counts).reduce((a, b) => a + b, 0);
    } catch (error) {
      throw new QueueUnavailableError(`the ingest queue did not answer (${(error as Error).message})`);
    }
    if (depth >= this.config.ingest.maxQueueDepth) throw new QueueFullError(`the ingest queue holds ${depth} batches, its limit is ${this.config.ingest.maxQueueDepth}; retry later`);
  }

  /** Batches that failed every attempt, with their payloads kept in Redis. */
  async failedBatches(limit = 100): Promise<FailedBatch[]> {
    const jobs = await this.queue.getFailed(0, limit - 1).catch((error: Error) => {
      throw new QueueUnavailableError(`the ingest queue did not answer (${error.message})`);
    });
    return jobs.map((job) => ({
      batchId: String(job.id),
      job: job.name,
      source: job.data.source,
      rows: job.data.rows.length,
      rejected: job.data.rejected.length,
      attempts: job.attemptsMade,
      error: job.failedReason,
      failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    }));
  }

  /** Puts a failed batch back on the queue; its deduplication makes a replay safe. */
  async replayFailed(batchId: string): Promise<'replayed' | 'not-failed' | 'unknown'> {
    try {
      const job = await this.queue.getJob(batchId);
      if (!job) return 'unknown';
      if ((await job.getState()) !== 'failed') return 'not-failed';
      await job.retry('failed');
      return 'replayed';
    } catch (error) {
      throw new QueueUnavailableError(`the ingest queue did not answer (${(error as Error).message})`);
    }
  }

  /**
   * State from BullMQ while the job exists; from ClickHouse once BullMQ has forgotten it. Reads
   * only the fields it needs: a job's data can be megabytes, and clients poll this.
   */
  async status(batchId: string): Promise<BatchStatus | undefined> {
    try {
      const state = await this.queue.getJobState(batchId);
      if (state !== 'unknown') {
        const [returnvalue, failedReason] = await this.redis.hmget(this.queue.toKey(batchId), 'returnvalue', 'failedReason');
        if (state === 'completed' && returnvalue) return { batchId, state: 'done', duplicates: 0, ...(JSON.parse(returnvalue) as IngestResult) };
        const receipt = this.receipts.get(batchId) ?? (await this.receiptFromJob(batchId));
        if (state === 'failed') return { batchId, ...receipt, state: 'failed', error: failedReason ?? 'unknown error' };
        return { batchId, ...receipt, state: state === 'active' ? 'running' : 'queued' };
      }
    } catch (error) {
      throw new QueueUnavailableError(`the ingest queue did not answer (${(error as Error).message})`);
    }
    const landed = await this.repository.findBatch(batchId);
    return landed && { batchId, state: 'done', ...landed };
  }

  /** After a restart the receipt is not in memory: count it from the job itself (rare). */
  private async receiptFromJob(batchId: string): Promise<{ accepted: number; rejected: number }> {
    const job = await this.queue.getJob(batchId);
    const receipt = { accepted: job?.data.rows.length ?? 0, rejected: job?.data.rejected.length ?? 0 };
    this.remember(batchId, receipt);
    return receipt;
  }

  private remember(batchId: string, receipt: { accepted: number; rejected: number }): void {
    this.receipts.set(batchId, receipt);
    // Bounded: the oldest receipts go first (a Map iterates in insertion order).
    if (this.receipts.size > 50_000) this.receipts.delete(this.receipts.keys().next().value!);
  }

  deadLetters(batchId: string, limit = 100) {
    return this.repository.deadLetters(batchId, limit);
  }
}
