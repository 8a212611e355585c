import { parseEventTime } from '../ingest/event-time.js';
import { accept, reject, type ParsedBatch, type StepResult } from '../ingest/step-result.js';
import { findTaipeiDistrict } from '../places/place-names.js';
import { deadLetterJson, quoteValue, redactPhoneLike } from '../privacy/identifier-hasher.js';
import { containsPhoneLike } from '../privacy/identifier-hasher.js';

/**
 * Status changes of relief applications (防疫補償, 紓困 subsidies): which application, which
 * program, which district, what happened and when, and the amount once one is decided. Nothing
 * about the applicant is taken: a record with any other field is refused, and its dead letter
 * keeps only the field names of what it was refused for.
 */

export const RELIEF_STATUSES = ['submitted', 'reviewing', 'approved', 'rejected', 'paid'] as const;
export type ReliefStatus = (typeof RELIEF_STATUSES)[number];

/** An amount is decided when approved and known when paid. */
const NEEDS_AMOUNT: ReadonlySet<ReliefStatus> = new Set(['approved', 'paid']);
/** NT$; far above any one relief payment, and inside the store's UInt32. */
export const MAX_RELIEF_AMOUNT = 1_000_000_000;
/** Taiwan's COVID-19 relief programs started in 2020. */
export const EARLIEST_RELIEF_DATE = '2020-01-01';

export interface ReliefEventInput {
  applicationId: string;
  program: string;
  district: string;
  status: ReliefStatus;
  at: string;
  amount?: number;
}

export interface ReliefEventRow {
  applicationId: string;
  program: string;
  /** MOI code of the Taipei district. */
  districtCode: string;
  status: ReliefStatus;
  /** Epoch ms of the status change. */
  at: number;
  /** NT$, whole; null when not given (allowed before a decision, and for rejections). */
  amount: number | null;
}

export class ReliefInputError extends Error {}

const KEYS = new Set(['applicationId', 'program', 'district', 'status', 'at', 'amount']);
const APPLICATION_ID = /^[\w.:/-]{1,100}$/;
/** 身分證字號 and resident certificate numbers: a letter, then 1/2 (citizens), 8/9 or A–D (residents), then 8 digits. */
const NATIONAL_ID = /^[A-Z][1289A-D]\d{8}$/i;
/** A Taiwan phone number written as an id: 09xx mobile or an area-code landline, optionally +886. */
const TAIWAN_PHONE = /^(?:\+?886|0)[2-9]\d{7,8}$/;

/** One status event object or a JSON array of them. */
export function parseReliefEvents(body: unknown, now: number): ParsedBatch<ReliefEventRow> {
  const items = Array.isArray(body) ? body : body !== null && typeof body === 'object' ? [body] : undefined;
  if (!items) throw new ReliefInputError('expected a relief status event object or a JSON array of them');
  const batch: ParsedBatch<ReliefEventRow> = { rows: [], rejected: [] };
  items.forEach((item, i) => {
    const result = item !== null && typeof item === 'object' && !Array.isArray(item) ? parseEvent(item as Record<string, unknown>, now) : reject<ReliefEventRow>('relief event is not a JSON object');
    if (result.ok) batch.rows.push(result.row);
    else batch.rejected.push({ position: `item ${i}`, reason: result.reason, raw: deadLetterJson(redactReliefEvent(item)) });
  });
  return batch;
}

function parseEvent(o: Record<string, unknown>, now: number): StepResult<ReliefEventRow> {
  const unknown = Object.keys(o).find((k) => !KEYS.has(k));
  if (unknown) return reject(`unknown field ${quoteValue(unknown)}: relief events carry no applicant data`);

  const id = o.applicationId;
  if (typeof id !== 'string' || !APPLICATION_ID.test(id)) return reject('applicationId must be an id of 1 to 100 letters, digits or ._:/-');
  if (NATIONAL_ID.test(id)) return reject("applicationId looks like a national ID number: use the program's application number");
  if (TAIWAN_PHONE.test(id.replace(/[-.]/g, '')) || containsPhoneLike(id)) return reject("applicationId holds a phone number: use the program's application number");

  const program = typeof o.program === 'string' ? o.program.trim().toWellFormed() : '';
  if (program === '' || program.length > 60) return reject('program must be the name of the relief program, 1 to 60 characters');
  if (redactPhoneLike(program) !== program) return reject('program must be the name of the relief program, without a long run of digits');

  if (o.district === undefined || o.district === null || o.district === '') return reject('district must be a Taipei district, such as 萬華區');
  const district = typeof o.district === 'string' ? findTaipeiDistrict(o.district) : undefined;
  if (!district) return reject(`unknown Taipei district ${quoteValue(o.district)}`);

  if (typeof o.status !== 'string' || !(RELIEF_STATUSES as readonly string[]).includes(o.status)) return reject(`status must be one of ${RELIEF_STATUSES.join(', ')}`);
  const status = o.status as ReliefStatus;

  const at = parseEventTime(o.at, now, 'at', EARLIEST_RELIEF_DATE);
  if (typeof at === 'string') return reject(at);

  let amount: number | null = null;
  if (o.amount !== undefined && o.amount !== null) {
    if (typeof o.amount !== 'number' || !Number.isInteger(o.amount) || o.amount < 0 || o.amount > MAX_RELIEF_AMOUNT) return reject(`amount must be a whole number of NT$ from 0 to ${MAX_RELIEF_AMOUNT}`);
    amount = o.amount;
  } else if (NEEDS_AMOUNT.has(status)) return reject(`amount (NT$) is required when status is ${status}`);

  return accept({ applicationId: id, program, districtCode: district.code, status, at, amount });
}

/**
 * The record as its dead letter keeps it: fields outside the format (a name, an ID number, an
 * address) keep their key but lose their value, and an id shaped like a person's number is dropped.
 */
export function redactReliefEvent(item: unknown): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return typeof item === 'string' ? '[redacted string]' : item;
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const key of Object.keys(copy)) if (!KEYS.has(key)) copy[key] = '[redacted]';
  if (typeof copy.applicationId === 'string' && (NATIONAL_ID.test(copy.applicationId) || TAIWAN_PHONE.test(copy.applicationId.replace(/[-.]/g, '')))) copy.applicationId = '[redacted]';
  return copy;
}
