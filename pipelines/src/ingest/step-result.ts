/**
 * What one ingest step makes of one input record: a clean row, or a rejection with its
 * reason. Only infrastructure failures throw; bad data never does.
 */
export type StepResult<T> = { ok: true; row: T } | { ok: false; reason: string };

export const accept = <T>(row: T): StepResult<T> => ({ ok: true, row });
export const reject = <T = never>(reason: string): StepResult<T> => ({ ok: false, reason });

/** A rejected record as it goes to `ingest_dead_letter`: identifiers already redacted. */
export interface RejectedRecord {
  /** Where in the input: "line 12" or "item 3". */
  position: string;
  reason: string;
  /** The raw record with identifiers replaced by their keyed hash. */
  raw: string;
}

export interface ParsedBatch<T> {
  rows: T[];
  rejected: RejectedRecord[];
}
