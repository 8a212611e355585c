import { accept, reject, type ParsedBatch, type StepResult } from '../ingest/step-result.js';
import { canonicalPhone, deadLetterJson, quoteValue, type IdentifierHasher } from '../privacy/identifier-hasher.js';
import { parseVenueCode } from './venue-code.js';

/** A check-in as the API takes it. `phone` and `appUserId` never pass the edge unhashed. */
export interface CheckinInput {
  venueCode: string;
  time: string;
  channel: 'sms' | 'app';
  phone?: string;
  appUserId?: string;
  partySize: number;
}

/** A check-in after the edge: identifiers are keyed hashes. */
export interface CheckinRow {
  venueCode: string;
  /** Epoch milliseconds. */
  time: number;
  channel: 'sms' | 'app';
  /** Keyed hash of the phone (sms) or app user id (app). */
  personHash: string;
  /** People checked in together: the person plus companions or family members. */
  partySize: number;
  /**
   * What makes a delivery the same check-in: `sms:<messageId>`, `app:<scanId>`, or the batch
   * and position for the plain check-in feed. The store counts each key once.
   */
  dedupKey?: string;
  /**
   * Position in its request, for the plain feed, whose key is batch:<batchId>:<item>. Kept as
   * a number, not as the key: 10,000 keys of 45 characters would weigh on every queued batch.
   */
  item?: number;
}

export const MAX_PARTY_SIZE = 50;
/** Raw check-ins are kept 28 days, as in the real 1922 scheme: older ones are not taken in. */
export const CHECKIN_RETENTION_DAYS = 28;

const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A check-in time: ISO 8601 with an explicit offset (a time without one is ambiguous between the
 * server's zone and Taipei's), a real calendar day, not in the future, within the retention window.
 * Returns epoch ms, or the reason it is refused.
 */
export function parseCheckinTime(value: unknown, now: number, field = 'time'): number | string {
  const example = `${field} must be an ISO 8601 timestamp with its offset, such as 2021-05-17T12:30:00+08:00`;
  if (typeof value !== 'string') return example;
  const m = ISO_TIMESTAMP.exec(value);
  if (!m) return example;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  const calendar = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, sec!));
  if (calendar.getUTCMonth() !== mo! - 1 || calendar.getUTCDate() !== d! || h! > 23 || mi! > 59 || sec! > 59) return `${field} ${value.slice(0, 40)} is not a real date and time`;
  const time = Date.parse(value);
  if (!Number.isFinite(time)) return example;
  if (time > now + 5 * 60_000) return `${field} is in the future`;
  if (time < now - CHECKIN_RETENTION_DAYS * 86_400_000) return `${field} is more than ${CHECKIN_RETENTION_DAYS} days ago: raw check-ins are kept ${CHECKIN_RETENTION_DAYS} days`;
  return time;
}
const ALLOWED_KEYS = new Set(['venueCode', 'time', 'channel', 'phone', 'appUserId', 'partySize']);

/**
 * Validates and hashes a JSON array of check-ins. Rejections carry the record with its
 * identifiers already replaced by their hash, so the dead-letter table holds no raw number.
 */
export function parseCheckins(items: unknown, hasher: IdentifierHasher, now: number, numbered = false): ParsedBatch<CheckinRow> {
  if (!Array.isArray(items)) throw new CheckinInputError('expected a JSON array of check-ins');
  const batch: ParsedBatch<CheckinRow> = { rows: [], rejected: [] };
  items.forEach((item, i) => {
    const result = parseCheckin(item, hasher, now);
    if (result.ok) batch.rows.push(numbered ? { ...result.row, item: i } : result.row);
    else batch.rejected.push({ position: `item ${i}`, reason: result.reason, raw: deadLetterJson(redactCheckin(item, hasher)) });
  });
  return batch;
}

export class CheckinInputError extends Error {}

function parseCheckin(item: unknown, hasher: IdentifierHasher, now: number): StepResult<CheckinRow> {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return reject('check-in is not a JSON object');
  const o = item as Record<string, unknown>;
  const unknownKey = Object.keys(o).find((k) => !ALLOWED_KEYS.has(k));
  if (unknownKey) return reject(`unknown field ${quoteValue(unknownKey)}`);

  const venueCode = typeof o.venueCode === 'string' ? parseVenueCode(o.venueCode) : undefined;
  if (!venueCode) return reject('venueCode must be a 15-digit 1922 venue code');

  const time = parseCheckinTime(o.time, now);
  if (typeof time === 'string') return reject(time);

  if (o.channel !== 'sms' && o.channel !== 'app') return reject('channel must be "sms" or "app"');

  const partySize = o.partySize ?? 1;
  if (typeof partySize !== 'number' || !Number.isInteger(partySize) || partySize < 1 || partySize > MAX_PARTY_SIZE) {
    return reject(`partySize must be a whole number from 1 to ${MAX_PARTY_SIZE}`);
  }

  let personHash: string;
  if (o.channel === 'sms') {
    // Never echo the value: an error message is a log line waiting to happen.
    const phone = typeof o.phone === 'string' ? canonicalPhone(o.phone) : undefined;
    if (!phone) return reject('an sms check-in needs phone, a phone number of 8 to 15 digits');
    personHash = hasher.hashPhone(phone);
  } else {
    if (typeof o.appUserId !== 'string' || o.appUserId.trim() === '' || o.appUserId.length > 200) {
      return reject('an app check-in needs appUserId, a non-empty string');
    }
    personHash = hasher.hashAppUserId(o.appUserId);
  }
  return accept({ venueCode, time, channel: o.channel, personHash, partySize });
}

/** The record with phone and appUserId replaced by their keyed hash (or dropped when not hashable). */
export function redactCheckin(item: unknown, hasher: IdentifierHasher): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return typeof item === 'string' ? '[redacted string]' : item;
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  if ('phone' in copy) {
    const phone = typeof copy.phone === 'string' ? canonicalPhone(copy.phone) : undefined;
    copy.phone = phone ? `hmac:${hasher.hashPhone(phone)}` : '[redacted]';
  }
  if ('appUserId' in copy) {
    copy.appUserId = typeof copy.appUserId === 'string' ? `hmac:${hasher.hashAppUserId(copy.appUserId)}` : '[redacted]';
  }
  // Unknown keys might carry identifiers too: keep the key, drop the value.
  for (const key of Object.keys(copy)) if (!ALLOWED_KEYS.has(key)) copy[key] = '[redacted]';
  return copy;
}
