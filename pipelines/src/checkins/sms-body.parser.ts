import { parseVenueCode } from './venue-code.js';

/**
 * Reads a 1922 SMS body: the 15-digit venue code after 場所代碼： (spaced 4-4-4-3 or not),
 * any of the standard sentences after it (on the same line or the next), and a trailing
 * "+N" for N companions. Also takes the QR payload as a reader decodes it
 * (SMSTO:1922:…) and the sms:/intent: link forms with a URL-encoded body.
 */
export interface SmsCheckin {
  venueCode: string;
  /** People who came along, from "+N". */
  companions: number;
}

export const MAX_COMPANIONS = 49;

export type SmsBodyResult = { ok: true; value: SmsCheckin } | { ok: false; reason: string };

const CODE_AFTER_LABEL = /場所代碼\s*[：:]\s*((?:\d[\s-]*){15})(?!\d)/u;
const LABEL = /場所代碼\s*[：:]/u;
const COMPANIONS = /^\s*\+\s*(\d{1,3})(?!\d)/u;

export function parseSmsBody(raw: string): SmsBodyResult {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'empty SMS body' };
  if (raw.length > 1000) return { ok: false, reason: 'SMS body longer than 1000 characters' };
  const body = unwrapLinkForms(raw.normalize('NFKC'));
  if (!LABEL.test(body)) return { ok: false, reason: 'no 場所代碼 (venue code) in the SMS body' };
  const m = CODE_AFTER_LABEL.exec(body);
  const venueCode = m ? parseVenueCode(m[1]!) : undefined;
  if (!m || !venueCode) return { ok: false, reason: 'the venue code after 場所代碼 is not 15 digits' };
  const rest = body.slice(m.index + m[0].length);
  const plus = COMPANIONS.exec(rest);
  // "+2 +3", "+1.5" or "-1" after the code: how many came along is unclear, so nobody guesses.
  if ((plus && /^\s*[+\-.,]?\s*\d/.test(rest.slice(plus[0].length))) || (!plus && /^\s*[+-]/.test(rest))) {
    return { ok: false, reason: 'the companions after the venue code are unclear (expected one "+N")' };
  }
  const companions = plus ? Number(plus[1]) : 0;
  if (companions > MAX_COMPANIONS) return { ok: false, reason: `+${companions} companions is more than ${MAX_COMPANIONS}` };
  return { ok: true, value: { venueCode, companions } };
}

/** SMSTO:1922:<body>, sms:1922&body=<url-encoded>, intent:…S.sms_body=<url-encoded>;end → the body. */
function unwrapLinkForms(text: string): string {
  let body = text.trim().replace(/^smsto:\s*1922\s*:/i, '');
  const link = /(?:[?&]body=|S\.sms_body=)([^;]*)/i.exec(body);
  if (link) {
    try {
      body = decodeURIComponent(link[1]!.replace(/\+(?=\D)/g, '%20'));
    } catch {
      body = link[1]!;
    }
  }
  return body;
}
