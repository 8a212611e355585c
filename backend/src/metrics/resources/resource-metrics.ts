import type { CapacityMetric, StockMetric } from '@epiboard/pipelines';

/** Pure resource arithmetic: occupancy, runway at the 7-day trend, days of supply. */

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Daily totals of one kind (sum over facilities of each one's latest figure that day), oldest first. */
export interface DailyCapacity {
  date: string;
  total: number;
  occupied: number | null;
}

/**
 * Occupancy now, its trend (change of occupied per day between today's figure and the one 7
 * days earlier, or the earliest within them), and the runway: free ÷ trend when filling.
 */
export function capacityMetric(kind: string, facilities: number, days: DailyCapacity[]): CapacityMetric {
  const now = days.at(-1);
  if (!now) return { kind, total: 0, occupied: 0, free: 0, occupancy: null, trendPerDay: null, runwayDays: null, facilities };
  const occupied = now.occupied ?? 0;
  const free = Math.max(0, now.total - occupied);
  const withOccupancy = days.filter((d) => d.occupied !== null && d.date >= shiftDate(now.date, -7));
  const first = withOccupancy[0];
  let trendPerDay: number | null = null;
  if (first && now.occupied !== null && first.date < now.date) trendPerDay = round((now.occupied - first.occupied!) / daysApart(first.date, now.date));
  const runwayDays = trendPerDay !== null && trendPerDay > 0 ? round(free / trendPerDay, 1) : null;
  return { kind, total: now.total, occupied, free, occupancy: now.occupied !== null && now.total > 0 ? round(now.occupied / now.total, 4) : null, trendPerDay, runwayDays, facilities };
}

/** Daily stock totals, oldest first. */
export interface DailyStock {
  date: string;
  quantity: number;
}

/**
 * Use is what stock falls by: over the last 7 days, the day-to-day decreases summed and
 * divided by the days covered. A rise is a delivery, not negative use.
 */
export function stockMetric(item: string, facilities: number, days: DailyStock[]): StockMetric {
  const now = days.at(-1);
  if (!now) return { item, quantity: 0, avgDailyUse7: null, daysOfSupply: null, facilities };
  const recent = days.filter((d) => d.date >= shiftDate(now.date, -7));
  let used = 0;
  for (let i = 1; i < recent.length; i++) used += Math.max(0, recent[i - 1]!.quantity - recent[i]!.quantity);
  const span = recent.length > 1 ? daysApart(recent[0]!.date, now.date) : 0;
  const avgDailyUse7 = span > 0 ? round(used / span) : null;
  return { item, quantity: now.quantity, avgDailyUse7, daysOfSupply: avgDailyUse7 ? round(now.quantity / avgDailyUse7, 1) : null, facilities };
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysApart(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
