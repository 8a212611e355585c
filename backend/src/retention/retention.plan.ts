import { CHECKIN_RETENTION_DAYS } from '@epiboard/pipelines';

export interface PartitionInfo {
  /** ClickHouse partition id of a toDate(time) partition: YYYYMMDD. */
  partitionId: string;
  rows: number;
}

/** The first Taipei day that is kept: today (Taipei) minus the retention period. */
export function retentionCutoff(now: number, days = CHECKIN_RETENTION_DAYS): string {
  const taipeiToday = new Date(now + 8 * 3_600_000);
  taipeiToday.setUTCDate(taipeiToday.getUTCDate() - days);
  return taipeiToday.toISOString().slice(0, 10);
}

/** Partitions entirely older than the cutoff, oldest first, with their day as YYYY-MM-DD. */
export function partitionsToDrop(partitions: PartitionInfo[], cutoff: string): Array<PartitionInfo & { day: string }> {
  return partitions
    .filter((p) => /^\d{8}$/.test(p.partitionId))
    .map((p) => ({ ...p, day: `${p.partitionId.slice(0, 4)}-${p.partitionId.slice(4, 6)}-${p.partitionId.slice(6, 8)}` }))
    .filter((p) => p.day < cutoff)
    .sort((a, b) => a.day.localeCompare(b.day));
}
