import { Queue, QueueEvents, type JobsOptions } from 'bullmq';
import type { RejectedRecord } from '@epiboard/pipelines';

/** One BullMQ queue carries every ingest batch; the job name says which feed. */
export const INGEST_QUEUE = 'ingest';

export enum IngestJob {
  Cases = 'cases',
  Checkins = 'checkins',
  Venues = 'venues',
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
export function ingestJobOptions(batchId: string): JobsOptions {
  return {
    jobId: batchId,
    attempts: 8,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

export type IngestQueue = Queue<IngestBatch, IngestResult, IngestJob>;
export type IngestQueueEvents = QueueEvents;
