/**
 * Times and dates of reported events (resource snapshots, relief status changes): unlike
 * check-ins they have no retention window, only "not in the future" and "not before the pandemic".
 */

const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A reporting system whose clock runs a few minutes ahead is not reporting the future. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** True for a real calendar day written YYYY-MM-DD (Date.parse takes 2021-02-30 as 2 March). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** Epoch ms of midnight, Taipei time, at the start of a YYYY-MM-DD day. */
export const taipeiMidnight = (date: string): number => Date.parse(`${date}T00:00:00+08:00`);

/** Today's date in Taipei (UTC+8, no daylight saving). */
export const taipeiToday = (now: number): string => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * An ISO 8601 timestamp with its offset (without one it is ambiguous between the sender's zone and
 * Taipei's), on a real calendar day, not in the future, not before `earliest` (a Taipei date).
 * Returns epoch ms, or the reason it is refused.
 */
export function parseEventTime(value: unknown, now: number, field: string, earliest: string): number | string {
  const example = `${field} must be an ISO 8601 timestamp with its offset, such as 2021-05-17T12:30:00+08:00`;
  if (typeof value !== 'string') return example;
  const m = ISO_TIMESTAMP.exec(value);
  if (!m) return example;
  const [h, mi, sec] = [m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  if (!isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`) || h! > 23 || mi! > 59 || sec! > 59) return `${field} ${value.slice(0, 40)} is not a real date and time`;
  const time = Date.parse(value);
  if (!Number.isFinite(time)) return example;
  if (time > now + CLOCK_SKEW_MS) return `${field} ${value} is in the future`;
  if (time < taipeiMidnight(earliest)) return `${field} ${value} is before ${earliest}, earlier than the pandemic`;
  return time;
}
