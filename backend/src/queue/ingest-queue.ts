import { Queue, QueueEvents, type JobsOptions } from 'bullmq';
import type { RejectedRecord } from '@epiboard/pipelines';

/** One BullMQ queue carries every ingest batch; the job name says which feed. */
export const INGEST_QUEUE = 'ingest';

export enum IngestJob {
  Cases = 'cases',
  Checkins = 'checkins',
  Venues = 'venues',
  CaseReports = 'case-reports',
  Resources = 'resources',
  Relief = 'relief',
}

/** What the edge enqueues: validated rows, identifiers already hashed, and the rejects. */
export interface IngestBatch<Row = unknown> {
  batchId: string;
  source: string;
  /** Epoch ms the batch was received. */
  receivedAt: number;
  rows: Row[];
  rejected: RejectedRecord[];
}

export interface IngestResult {
  accepted: number;
  rejected: number;
  /** Records already stored by an earlier delivery (same SMS message id, scan id or batch): counted once. */
  duplicates?: number;
}

/**
 * The single place that decides a job's id and options. The id is the batch id, so BullMQ
 * refuses a second job for the same batch; retries back off exponentially.
 */
export function ingestJobOptions(batchId: string, retry: { attempts: number; backoffMs: number }): JobsOptions {
  return {
    jobId: batchId,
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    // Completed jobs go (their batch is recorded in ClickHouse), so Redis memory plateaus.
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    // Failed jobs stay with their payload until replayed: nothing accepted is dropped.
    removeOnFail: false,
  };
}

export type IngestQueue = Queue<IngestBatch, IngestResult, IngestJob>;
export type IngestQueueEvents = QueueEvents;
