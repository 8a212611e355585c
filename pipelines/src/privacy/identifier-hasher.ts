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
  const compact = raw.replace(/[\s\-().]/g, '');
  if (!/^\+?\d{8,15}$/.test(compact)) return undefined;
  const digits = compact.replace(/^\+/, '');
  if (digits.startsWith('886')) return '0' + digits.slice(3).replace(/^0/, '');
  return digits;
}

/** Replaces anything shaped like a phone number in free text; for error messages and logs. */
export function redactPhoneLike(text: string): string {
  return text.replace(/\+?\d[\d\s\-()]{6,}\d/g, '[redacted]');
}
