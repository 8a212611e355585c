import { accept, reject, type ParsedBatch, type StepResult } from '../ingest/step-result.js';
import { canonicalPhone, containsPhoneLike, deadLetterJson, quoteValue, type IdentifierHasher } from '../privacy/identifier-hasher.js';
import type { CheckinRow } from './checkin.parser.js';
import { MAX_PARTY_SIZE, parseCheckinTime } from './checkin.parser.js';
import { parseSmsBody } from './sms-body.parser.js';
import { parseVenueCode } from './venue-code.js';

/**
 * The two real check-in channels: an SMS to 1922 as the carrier delivers it, and a
 * TaipeiPASS scan. Both become CheckinRows keyed by their message or scan id, so a
 * redelivery counts once. Identifiers are hashed here; rejections are redacted here.
 */

export class CheckinFeedInputError extends Error {}

const ID = /^[\w.:@/+=-]{1,200}$/;

const asArray = (body: unknown, what: string): unknown[] => {
  if (Array.isArray(body)) return body;
  if (body !== null && typeof body === 'object') return [body];
  throw new CheckinFeedInputError(`expected a ${what} object or a JSON array of them`);
};


function parseAll<T>(items: unknown[], parseOne: (item: Record<string, unknown>) => StepResult<T>, redact: (item: unknown) => unknown): ParsedBatch<T> {
  const batch: ParsedBatch<T> = { rows: [], rejected: [] };
  items.forEach((item, i) => {
    const result = item !== null && typeof item === 'object' && !Array.isArray(item) ? parseOne(item as Record<string, unknown>) : reject<T>('record is not a JSON object');
    if (result.ok) batch.rows.push(result.row);
    else batch.rejected.push({ position: `item ${i}`, reason: result.reason, raw: deadLetterJson(redact(item)) });
  });
  return batch;
}

// ---- 1922 SMS: { messageId, from, receivedAt, body } ----

const SMS_KEYS = new Set(['messageId', 'from', 'receivedAt', 'body']);

export function parseSmsMessages(body: unknown, hasher: IdentifierHasher, now: number): ParsedBatch<CheckinRow> {
  return parseAll(asArray(body, 'SMS message'), (o) => parseSms(o, hasher, now), (item) => redactSms(item, hasher));
}

function parseSms(o: Record<string, unknown>, hasher: IdentifierHasher, now: number): StepResult<CheckinRow> {
  const unknown = Object.keys(o).find((k) => !SMS_KEYS.has(k));
  if (unknown) return reject(`unknown field ${quoteValue(unknown)}`);
  if (typeof o.messageId !== 'string' || !ID.test(o.messageId)) return reject('messageId must be an id of 1 to 200 letters, digits or ._:@/+=-');
  // Ids are stored as given: one that holds a phone number would store the number.
  if (containsPhoneLike(o.messageId)) return reject('messageId must not contain a phone number');
  const phone = typeof o.from === 'string' ? canonicalPhone(o.from) : undefined;
  if (!phone) return reject('from must be the sender phone number, 8 to 15 digits');
  const time = parseCheckinTime(o.receivedAt, now, 'receivedAt');
  if (typeof time === 'string') return reject(time);
  if (typeof o.body !== 'string') return reject('body must be the SMS text');
  const sms = parseSmsBody(o.body);
  if (!sms.ok) return reject(sms.reason);
  return accept({
    venueCode: sms.value.venueCode,
    time,
    channel: 'sms',
    personHash: hasher.hashPhone(phone),
    partySize: 1 + sms.value.companions,
    dedupKey: `sms:${o.messageId}`,
  });
}

function redactSms(item: unknown, hasher: IdentifierHasher): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return typeof item === 'string' ? '[redacted string]' : item;
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  if ('from' in copy) {
    const phone = typeof copy.from === 'string' ? canonicalPhone(copy.from) : undefined;
    copy.from = phone ? `hmac:${hasher.hashPhone(phone)}` : '[redacted]';
  }
  // A body is free text a sender typed: it may hold a number. Keep only what is not digits-like.
  if (typeof copy.body === 'string') copy.body = copy.body.replace(/\+?\d[\d\s\-()]{6,}\d/g, (m) => (/^[\d\s]{15,19}$/.test(m.trim()) ? m : '[redacted]'));
  for (const key of Object.keys(copy)) if (!SMS_KEYS.has(key)) copy[key] = '[redacted]';
  return copy;
}

// ---- TaipeiPASS scans: { scanId, appUserId, venueCode, time, familyMembers } ----

const SCAN_KEYS = new Set(['scanId', 'appUserId', 'venueCode', 'time', 'familyMembers']);

export function parseScans(body: unknown, hasher: IdentifierHasher, now: number): ParsedBatch<CheckinRow> {
  return parseAll(asArray(body, 'scan'), (o) => parseScan(o, hasher, now), (item) => redactScan(item, hasher));
}

function parseScan(o: Record<string, unknown>, hasher: IdentifierHasher, now: number): StepResult<CheckinRow> {
  const unknown = Object.keys(o).find((k) => !SCAN_KEYS.has(k));
  if (unknown) return reject(`unknown field ${quoteValue(unknown)}`);
  if (typeof o.scanId !== 'string' || !ID.test(o.scanId)) return reject('scanId must be an id of 1 to 200 letters, digits or ._:@/+=-');
  if (containsPhoneLike(o.scanId)) return reject('scanId must not contain a phone number');
  if (typeof o.appUserId !== 'string' || o.appUserId.trim() === '' || o.appUserId.length > 200) return reject('appUserId must be a non-empty string');
  const venueCode = typeof o.venueCode === 'string' ? parseVenueCode(o.venueCode) : undefined;
  if (!venueCode) return reject('venueCode must be a 15-digit 1922 venue code');
  const time = parseCheckinTime(o.time, now);
  if (typeof time === 'string') return reject(time);
  // The app registers family members with the scan: a count, or the list of members (only its length is kept).
  const family = o.familyMembers ?? 0;
  const members = Array.isArray(family) ? family.length : family;
  if (typeof members !== 'number' || !Number.isInteger(members) || members < 0 || members >= MAX_PARTY_SIZE) {
    return reject(`familyMembers must be a whole number from 0 to ${MAX_PARTY_SIZE - 1}, or a list of at most that many members`);
  }
  return accept({ venueCode, time, channel: 'app', personHash: hasher.hashAppUserId(o.appUserId), partySize: 1 + members, dedupKey: `app:${o.scanId}` });
}

function redactScan(item: unknown, hasher: IdentifierHasher): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return typeof item === 'string' ? '[redacted string]' : item;
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  if ('appUserId' in copy) copy.appUserId = typeof copy.appUserId === 'string' ? `hmac:${hasher.hashAppUserId(copy.appUserId)}` : '[redacted]';
  if (Array.isArray(copy.familyMembers)) copy.familyMembers = `[${copy.familyMembers.length} members redacted]`;
  for (const key of Object.keys(copy)) if (!SCAN_KEYS.has(key)) copy[key] = '[redacted]';
  return copy;
}
