import { parseCheckins, CheckinInputError } from './checkin.parser.js';
import { parseVenueCode, formatVenueCode } from './venue-code.js';
import { IdentifierHasher, canonicalPhone, redactPhoneLike } from '../privacy/identifier-hasher.js';

const hasher = new IdentifierHasher(Buffer.alloc(32, 7));
const NOW = Date.parse('2021-05-20T00:00:00+08:00');
const PHONE = '0912345678';

describe('parseCheckins', () => {
  it('hashes the phone and app id and keeps party sizes', () => {
    const { rows, rejected } = parseCheckins(
      [
        { venueCode: '2770 2513 6512 291', time: '2021-05-17T12:30:00+08:00', channel: 'sms', phone: '+886 912-345-678', partySize: 3 },
        { venueCode: '277025136512291', time: '2021-05-17T12:31:00+08:00', channel: 'app', appUserId: 'u-1' },
      ],
      hasher,
      NOW,
    );
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      { venueCode: '277025136512291', time: Date.parse('2021-05-17T04:30:00Z'), channel: 'sms', personHash: hasher.hashPhone(PHONE), partySize: 3 },
      { venueCode: '277025136512291', time: Date.parse('2021-05-17T04:31:00Z'), channel: 'app', personHash: hasher.hashAppUserId('u-1'), partySize: 1 },
    ]);
    expect(JSON.stringify(rows)).not.toContain('912');
  });

  it('rejects bad records with reasons that never echo the phone number', () => {
    const bad = [
      { venueCode: '123', time: '2021-05-17T12:30:00+08:00', channel: 'sms', phone: PHONE, partySize: 1 },
      { venueCode: '277025136512291', time: 'yesterday', channel: 'sms', phone: PHONE, partySize: 1 },
      { venueCode: '277025136512291', time: '2021-05-17T12:30:00+08:00', channel: 'fax', phone: PHONE, partySize: 1 },
      { venueCode: '277025136512291', time: '2021-05-17T12:30:00+08:00', channel: 'sms', phone: '0912', partySize: 1 },
      { venueCode: '277025136512291', time: '2021-05-17T12:30:00+08:00', channel: 'sms', phone: PHONE, partySize: 0 },
      { venueCode: '277025136512291', time: '2031-05-17T12:30:00+08:00', channel: 'sms', phone: PHONE, partySize: 1 },
      { venueCode: '277025136512291', time: '2021-05-17T12:30:00+08:00', channel: 'sms', phone: PHONE, note: PHONE },
      null,
    ];
    const { rows, rejected } = parseCheckins(bad, hasher, NOW);
    expect(rows).toEqual([]);
    expect(rejected.map((r) => r.reason)).toEqual([
      'venueCode must be a 15-digit 1922 venue code',
      'time must be an ISO 8601 timestamp with its offset, such as 2021-05-17T12:30:00+08:00',
      'channel must be "sms" or "app"',
      'an sms check-in needs phone, a phone number of 8 to 15 digits',
      'partySize must be a whole number from 1 to 50',
      'time is in the future',
      'unknown field "note"',
      'check-in is not a JSON object',
    ]);
    const everything = JSON.stringify(rejected);
    expect(everything).not.toContain(PHONE);
    expect(everything).not.toContain('0912');
    expect(rejected[0]!.raw).toContain(`hmac:${hasher.hashPhone(PHONE)}`);
  });

  it('refuses a body that is not an array', () => {
    expect(() => parseCheckins({}, hasher, NOW)).toThrow(CheckinInputError);
  });
});

describe('identifiers', () => {
  it('one person, one hash, whatever the spelling of the number', () => {
    const forms = ['0912345678', '0912-345-678', '+886912345678', '886 912 345 678', '+886 0912 345 678'];
    expect(new Set(forms.map((f) => canonicalPhone(f)))).toEqual(new Set([PHONE]));
    expect(canonicalPhone('hello')).toBeUndefined();
  });

  it('the hash depends on the secret and the kind', () => {
    const other = new IdentifierHasher(Buffer.alloc(32, 8));
    expect(other.hashPhone(PHONE)).not.toBe(hasher.hashPhone(PHONE));
    expect(hasher.hash('app', PHONE)).not.toBe(hasher.hash('phone', PHONE));
    expect(hasher.hashPhone(PHONE)).toMatch(/^[0-9a-f]{32}$/);
    expect(() => new IdentifierHasher(Buffer.alloc(4))).toThrow(/16 bytes/);
  });

  it('redacts phone-like runs in free text', () => {
    expect(redactPhoneLike('bad number 0912-345-678 here')).toBe('bad number [redacted] here');
  });
});

describe('venue codes', () => {
  it('accepts 4-4-4-3 spacing and bare digits, nothing else', () => {
    expect(parseVenueCode('2770 2513 6512 291')).toBe('277025136512291');
    expect(parseVenueCode('27702513651229')).toBeUndefined();
    expect(parseVenueCode('OOOO OOOO OOOO OOO')).toBeUndefined();
    expect(formatVenueCode('277025136512291')).toBe('2770 2513 6512 291');
  });
});
