import { findTaipeiDistrict, TAIPEI_CITY, type AreaRef } from '@epiboard/pipelines';
import { addDays, daysBetween } from './overview.builder.js';

/** A query parameter that cannot be answered: the controller turns it into a 400 with this message. */
export class InvalidMetricsQuery extends Error {}

export const CITY: AreaRef = { code: TAIPEI_CITY.code, name: TAIPEI_CITY.name, nameEn: TAIPEI_CITY.nameEn };

/** The common parameters of /api/metrics/…, validated in one place. */
export interface MetricsQuery {
  from: string;
  to: string;
  /** Epoch ms: answers use only what was known (had landed) by then. */
  asOf: number;
  /** The city when no district was asked for. */
  area: AreaRef;
  /** The district's MOI code, or undefined for the city. */
  districtCode: string | undefined;
}

const HOUR = 3_600_000;

export function taipeiDate(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
}

/** A real calendar day written YYYY-MM-DD (2021-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function parseDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isIsoDate(value)) throw new InvalidMetricsQuery(`${name} must be a date YYYY-MM-DD, got "${String(value).slice(0, 20)}"`);
  return value;
}

/** asOf: an ISO 8601 time with its offset (or a date, meaning the end of that Taipei day); default now. */
export function parseAsOf(value: string | undefined, now: number): number {
  if (value === undefined || value === '') return now;
  if (isIsoDate(value)) return Date.parse(`${value}T23:59:59.999+08:00`);
  const t = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(t)) throw new InvalidMetricsQuery(`asOf must be an ISO 8601 time with its offset (2021-05-20T12:00:00+08:00) or a date, got "${String(value).slice(0, 40)}"`);
  return t;
}

export function parseDistrict(value: string | undefined): { area: AreaRef; districtCode: string | undefined } {
  if (value === undefined || value === '' || value === CITY.code) return { area: CITY, districtCode: undefined };
  const d = findTaipeiDistrict(value);
  if (!d) throw new InvalidMetricsQuery(`district "${String(value).slice(0, 40)}" is not one of Taipei's 12 districts (use a name such as 萬華區 or Wanhua, or a code such as 63000070)`);
  return { area: { code: d.code, name: d.name, nameEn: d.nameEn }, districtCode: d.code };
}

export function parseNumber(name: string, value: string | undefined, fallback: number, range: { min: number; max: number; exclusiveMin?: boolean }): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  const tooLow = range.exclusiveMin ? n <= range.min : n < range.min;
  if (!Number.isFinite(n) || tooLow || n > range.max) {
    throw new InvalidMetricsQuery(`${name} must be a number ${range.exclusiveMin ? 'above' : 'from'} ${range.min}${range.exclusiveMin ? ' and at most' : ' to'} ${range.max}, got "${String(value).slice(0, 20)}"`);
  }
  return n;
}

export const MAX_RANGE_DAYS = 1100;

/**
 * from/to/asOf/district. Without `to`: the asOf day (or `defaultTo`, e.g. the newest case date);
 * without `from`: `defaultDays` before `to`.
 */
export function parseMetricsQuery(
  raw: { from?: string; to?: string; asOf?: string; district?: string },
  options: { now: number; defaultTo?: string; defaultDays: number },
): MetricsQuery {
  const asOf = parseAsOf(raw.asOf, options.now);
  const { area, districtCode } = parseDistrict(raw.district);
  const to = parseDate('to', raw.to) ?? options.defaultTo ?? taipeiDate(asOf);
  const from = parseDate('from', raw.from) ?? addDays(to, -(options.defaultDays - 1));
  if (from > to) throw new InvalidMetricsQuery(`from (${from}) is after to (${to})`);
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw new InvalidMetricsQuery(`the range may span at most ${MAX_RANGE_DAYS} days`);
  return { from, to, asOf, area, districtCode };
}
