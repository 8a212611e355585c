import { createHmac } from 'node:crypto';

/**
 * Keyed hash for phone numbers and app ids, applied at the edge before anything is queued,
 * logged or stored. HMAC rather than a plain hash: Taiwan's mobile numbers are a space of
 * 10^8, which a plain SHA-256 would give back by brute force in seconds.
 */
export class IdentifierHasher {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 16) throw new Error('the identifier hashing secret must be at least 16 bytes');
  }

  /** 128-bit hex digest; `kind` keeps a phone and an app id with the same text apart. */
  hash(kind: 'phone' | 'app', value: string): string {
    return createHmac('sha256', this.secret).update(`${kind}:${value}`).digest('hex').slice(0, 32);
  }

  hashPhone(canonicalPhone: string): string {
    return this.hash('phone', canonicalPhone);
  }

  hashAppUserId(appUserId: string): string {
    return this.hash('app', appUserId.trim());
  }
}

/**
 * One spelling per number: "0912-345-678", "+886 912 345 678" and "886912345678" are one
 * person. Returns undefined for anything that is not a phone number.
 */
export function canonicalPhone(raw: string): string | undefined {
  // Full-width digits (０９１２…) are what many Taiwanese input methods type.
  const compact = raw.normalize('NFKC').replace(/[\s\-().]/g, '');
  if (!/^\+?\d{8,15}$/.test(compact)) return undefined;
  const digits = compact.replace(/^\+/, '');
  if (digits.startsWith('886')) return '0' + digits.slice(3).replace(/^0/, '');
  return digits;
}

/**
 * Replaces anything shaped like a phone number in free text (dead letters, error messages,
 * logs): a run of 8 to 14 digits, with the separators people type (spaces, dashes, dots,
 * brackets, a leading +). Dates (2021-05-17) and 15-digit venue codes are kept: a date is not
 * personal, and a venue code is what a health officer needs to read a rejection.
 */
export function redactPhoneLike(text: string): string {
  // Set dates, venue codes and our own hashes aside first, so they neither get redacted nor glue
  // a number to them. NFKC first: full-width digits are digits.
  const kept: string[] = [];
  const guarded = text.normalize('NFKC').replace(PROTECTED, (m) => `\u0000${kept.push(m) - 1}\u0000`);
  const redacted = guarded.replace(/\+?\d[\d\s\-().]*\d/g, (run) => (run.replace(/\D/g, '').length >= 8 ? '[redacted]' : run));
  return redacted.replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]!);
}

/** Dates (2021-05-17, 2021/05/17), 15-digit venue codes (spaced 4-4-4-3 or not), and hmac:<hex> hashes. */
const PROTECTED = /hmac:[0-9a-f]{32}|(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4} \d{4} \d{4} \d{3}|\d{15})(?!\d)/g;

/**
 * True when an identifier holds a phone number: a run shaped like a Taiwanese number (0 or 886,
 * then 8 or 9 digits) or an international one (+ and 8 to 15 digits). Narrower than
 * redactPhoneLike on purpose: ids such as TPE-2021-0001 are full of digits and are not numbers.
 */
export function containsPhoneLike(text: string): boolean {
  for (const [run] of text.normalize('NFKC').matchAll(/\+?\d[\d\s\-().]*\d/g)) {
    const digits = run.replace(/\D/g, '');
    if (/^(?:886|0)[2-9]\d{7,8}$/.test(digits) || (run.startsWith('+') && digits.length >= 8 && digits.length <= 15)) return true;
    // A number glued to other digits: look for a Taiwanese mobile inside the run.
    if (/(?:^|\D)09\d{2}\D?\d{3}\D?\d{3}(?!\d)/.test(run)) return true;
  }
  return false;
}

/** A rejected record's text for the dead-letter table: phone-like runs redacted, size bounded. */
export function deadLetterText(text: string, maxLength = 4000): string {
  const clean = redactPhoneLike(text.toWellFormed());
  return clean.length > maxLength ? `${clean.slice(0, maxLength)}… [${clean.length - maxLength} more characters]` : clean;
}

/** A rejected JSON record for the dead-letter table, as JSON text (see deadLetterText). */
export function deadLetterJson(value: unknown, maxLength = 4000): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Cyclic, nested too deep for the stack, or holding a BigInt.
    text = '"[unprintable record]"';
  }
  return deadLetterText(text, maxLength);
}

/** A user-supplied value quoted inside a rejection reason: short, redacted, well-formed. */
export function quoteValue(value: unknown, maxLength = 60): string {
  const text = redactPhoneLike(String(typeof value === 'string' ? value : JSON.stringify(value) ?? value).toWellFormed());
  return JSON.stringify(text.length > maxLength ? `${text.slice(0, maxLength)}…` : text);
}
