import { IdentifierHasher } from '../privacy/identifier-hasher.js';
import { parseScans, parseSmsMessages, CheckinFeedInputError } from './checkin-feeds.parser.js';

const hasher = new IdentifierHasher(Buffer.alloc(32, 3));
const NOW = Date.parse('2021-05-20T00:00:00+08:00');

describe('parseSmsMessages', () => {
  it('turns a carrier delivery into a check-in keyed by its message id, phone hashed', () => {
    const { rows, rejected } = parseSmsMessages(
      { messageId: 'cht-0001', from: '+886 912 345 678', receivedAt: '2021-05-17T12:30:00+08:00', body: '場所代碼：2770 2513 6512 291 +2\n本次簡訊實聯限防疫目的使用。' },
      hasher,
      NOW,
    );
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      { venueCode: '277025136512291', time: Date.parse('2021-05-17T04:30:00Z'), channel: 'sms', personHash: hasher.hashPhone('0912345678'), partySize: 3, dedupKey: 'sms:cht-0001' },
    ]);
  });

  it('dead-letters unreadable bodies and bad senders, without the number', () => {
    const { rows, rejected } = parseSmsMessages(
      [
        { messageId: 'm1', from: '0912345678', receivedAt: '2021-05-17T12:30:00+08:00', body: '場所代碼：OOOO OOOO OOOO OOO' },
        { messageId: 'm2', from: 'nobody', receivedAt: '2021-05-17T12:30:00+08:00', body: '場所代碼：277025136512291' },
        { messageId: 'm3', from: '0912345678', receivedAt: 'noon', body: '場所代碼：277025136512291' },
        { messageId: 'm4', from: '0912345678', receivedAt: '2021-05-17T12:30:00+08:00', body: '請回電 0912-345-678 場所代碼：OOOO' },
      ],
      hasher,
      NOW,
    );
    expect(rows).toEqual([]);
    expect(rejected.map((r) => r.reason)).toEqual([
      'the venue code after 場所代碼 is not 15 digits',
      'from must be the sender phone number, 8 to 15 digits',
      'receivedAt must be an ISO 8601 timestamp with its offset, such as 2021-05-17T12:30:00+08:00',
      'the venue code after 場所代碼 is not 15 digits',
    ]);
    const text = JSON.stringify(rejected);
    expect(text).not.toContain('912345678');
    expect(text).not.toContain('912-345-678');
    expect(text).toContain(`hmac:${hasher.hashPhone('0912345678')}`);
  });

  it('refuses a body that is neither an object nor an array', () => {
    expect(() => parseSmsMessages('x', hasher, NOW)).toThrow(CheckinFeedInputError);
  });
});

describe('parseScans', () => {
  it('counts the user plus the family members registered with the scan', () => {
    const { rows } = parseScans(
      [
        { scanId: 's1', appUserId: 'u-1', venueCode: '277025136512291', time: '2021-05-17T12:30:00+08:00', familyMembers: 2 },
        { scanId: 's2', appUserId: 'u-2', venueCode: '2770 2513 6512 291', time: '2021-05-17T12:31:00+08:00', familyMembers: ['媽媽', '弟弟', '妹妹'] },
        { scanId: 's3', appUserId: 'u-3', venueCode: '277025136512291', time: '2021-05-17T12:32:00+08:00' },
      ],
      hasher,
      NOW,
    );
    expect(rows.map((r) => [r.dedupKey, r.partySize, r.personHash === hasher.hashAppUserId(`u-${r.dedupKey!.slice(-1)}`)])).toEqual([
      ['app:s1', 3, true],
      ['app:s2', 4, true],
      ['app:s3', 1, true],
    ]);
  });

  it('never keeps family member names, even in a rejection', () => {
    const { rejected } = parseScans([{ scanId: 's9', appUserId: 'u-9', venueCode: 'bad', time: '2021-05-17T12:30:00+08:00', familyMembers: ['王小明'] }], hasher, NOW);
    expect(rejected[0]!.reason).toBe('venueCode must be a 15-digit 1922 venue code');
    expect(rejected[0]!.raw).not.toContain('王小明');
    expect(rejected[0]!.raw).not.toContain('u-9');
  });

  it('refuses an impossible family size', () => {
    const { rejected } = parseScans([{ scanId: 's1', appUserId: 'u', venueCode: '277025136512291', time: '2021-05-17T12:30:00+08:00', familyMembers: -1 }], hasher, NOW);
    expect(rejected[0]!.reason).toMatch(/familyMembers must be/);
  });
});
