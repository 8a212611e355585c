/**
 * Dates and times as a Taipei official reads them.
 *
 * Taiwan has kept UTC+8 without daylight saving since 1980, so a fixed offset is exact for
 * every date this dashboard shows and keeps the output independent of the browser's ICU data.
 */
export const TAIPEI_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A Date whose UTC fields read as Taipei wall-clock time. d3's UTC scales and formats then
 * place day boundaries at Taipei midnight, whatever the viewer's own time zone is.
 */
export function toTaipeiWallClock(instant: string | number | Date): Date | null {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  return Number.isFinite(ms) ? new Date(ms + TAIPEI_UTC_OFFSET_MS) : null;
}

/** `2026-12-03T11:20:05Z` → `2026-12-03 19:20:05` (Asia/Taipei); null for an unparseable input. */
export function formatTaipeiDateTime(instant: string | number | Date): string | null {
  const wall = toTaipeiWallClock(instant);
  if (!wall) return null;
  return `${formatDay(wall)} ${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}`;
}

/** `YYYY-MM-DD` → that calendar day as a UTC-midnight Date (the wall-clock convention above). */
export function parseDay(day: string): Date | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const [, year, month, date] = match.map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, date));
  // Rejects 2026-02-30 and friends, which Date.UTC would silently roll over.
  return formatDay(parsed) === day ? parsed : null;
}

/** UTC fields of a wall-clock Date → `YYYY-MM-DD`. */
export function formatDay(wallClock: Date): string {
  return `${wallClock.getUTCFullYear()}-${pad2(wallClock.getUTCMonth() + 1)}-${pad2(wallClock.getUTCDate())}`;
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** The stamp in the header: when the newest data landed, and which version is on screen. */
export function formatDataAsOf(dataAsOf: string | null, version: number): string {
  const when = dataAsOf === null ? null : formatTaipeiDateTime(dataAsOf);
  return `資料時間 Data as of ${when ?? '— 尚無資料 no data yet'} · 版本 v${version}`;
}

/**
 * A day the user has finished typing. Chrome reports each keystroke of a date input's year as
 * a whole date (0002-05-01, 0020-05-01, …), so a year below 1000 means "still typing".
 */
export function isCompleteDay(day: string): boolean {
  const parsed = parseDay(day);
  return parsed !== null && parsed.getUTCFullYear() >= 1000;
}
