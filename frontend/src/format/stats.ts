import { format } from 'd3';

const pFormat = format('.3f');

/** A p-value as a reader compares it with α: three decimals, "< 0.001" below that. */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return '—';
  return p < 0.001 ? '< 0.001' : pFormat(p);
}

/** Days with one decimal, or the given words when there is no value. */
export function formatDays(days: number | null, none = '—'): string {
  return days === null || !Number.isFinite(days) ? none : format(',.1f')(days);
}
