import type { ReliefMetricRow } from '../api/risk';

/** A processing time of one program: exact for one district, the districts' range when summed over several. */
export type ProcessingDays = { kind: 'exact'; days: number } | { kind: 'range'; min: number; max: number } | null;

export interface ReliefProgramSummary {
  program: string;
  submitted: number;
  approved: number;
  rejected: number;
  paid: number;
  backlog: number;
  medianDays: ProcessingDays;
  p90Days: ProcessingDays;
}

/**
 * Medians and 90th percentiles do not add up: over several districts the city's own cannot be
 * recovered from theirs, so it is shown as the range they span rather than a made-up figure.
 */
function combineDays(values: Array<number | null>): ProcessingDays {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (known.length === 0) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  return known.length === 1 || min === max ? { kind: 'exact', days: min } : { kind: 'range', min, max };
}

/** One line per program, counts summed over the districts given (or over just `districtCode`); busiest first. */
export function reliefByProgram(rows: readonly ReliefMetricRow[], districtCode: string | null = null): ReliefProgramSummary[] {
  const byProgram = new Map<string, ReliefMetricRow[]>();
  for (const row of rows) {
    if (districtCode !== null && row.districtCode !== districtCode) continue;
    byProgram.set(row.program, [...(byProgram.get(row.program) ?? []), row]);
  }
  const sum = (group: ReliefMetricRow[], field: 'submitted' | 'approved' | 'rejected' | 'paid' | 'backlog') => group.reduce((total, row) => total + row[field], 0);
  return [...byProgram]
    .map(([program, group]) => ({
      program,
      submitted: sum(group, 'submitted'),
      approved: sum(group, 'approved'),
      rejected: sum(group, 'rejected'),
      paid: sum(group, 'paid'),
      backlog: sum(group, 'backlog'),
      medianDays: combineDays(group.map((row) => row.medianDays)),
      p90Days: combineDays(group.map((row) => row.p90Days)),
    }))
    .sort((a, b) => b.submitted - a.submitted || a.program.localeCompare(b.program));
}
