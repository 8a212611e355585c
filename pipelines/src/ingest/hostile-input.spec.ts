import { parseCaseRecords, parseCdcCaseCsv } from '../cases/cdc-case-csv.parser.js';
import { parseCheckins } from '../checkins/checkin.parser.js';
import { parseVenues } from '../venues/venue.parser.js';
import { loadTownshipRegistry } from '../places/reference-data.js';
import { IdentifierHasher, deadLetterJson, redactPhoneLike } from '../privacy/identifier-hasher.js';

/** Each case here is a bug a tester found by trying to break the edge; the values are what it should give. */
const towns = loadTownshipRegistry();
const hasher = new IdentifierHasher(Buffer.alloc(32, 9));
const NOW = Date.parse('2021-05-20T12:00:00+08:00');
const HEADER = '確定病名,個案研判日,縣市,鄉鎮,性別,是否為境外移入,年齡層,確定病例數';
const good = { caseDate: '2021-05-15', county: '臺北市', district: '萬華區', sex: '男', imported: '否', ageGroup: '30-34', count: 7 };

describe('cases', () => {
  it('refuses another disease in the shared CDC format', () => {
    const { rows, rejected } = parseCdcCaseCsv(`${HEADER}\n登革熱,2021/05/15,台北市,萬華區,男,否,30-34,5\n`, towns, NOW);
    expect(rows).toEqual([]);
    expect(rejected[0]!.reason).toBe('確定病名 "登革熱" is not COVID-19 (嚴重特殊傳染性肺炎)');
  });

  it('refuses case dates in the future or before COVID-19', () => {
    const { rejected } = parseCaseRecords([{ ...good, caseDate: '2099-06-03' }, { ...good, caseDate: '2019-01-01' }], towns, NOW);
    expect(rejected.map((r) => r.reason)).toEqual(['個案研判日 2099-06-03 is in the future', '個案研判日 2019-01-01 is before COVID-19 (2019-12-01)']);
  });

  it('does not take __proto__ for a sex or an origin', () => {
    const { rows, rejected } = parseCaseRecords([{ ...good, sex: '__proto__' }, { ...good, imported: '__proto__' }], towns, NOW);
    expect(rows).toEqual([]);
    expect(rejected.map((r) => r.reason)).toEqual(['性別 "__proto__" is not 男 or 女', '是否為境外移入 "__proto__" is not 是 or 否']);
  });

  it('rejects one record with an object where a value goes, and keeps the others', () => {
    const { rows, rejected } = parseCaseRecords([{ ...good, count: { toString: 1 } }, good], towns, NOW);
    expect(rows).toHaveLength(1);
    expect(rejected[0]!.reason).toBe('count must be text or a number');
  });

  it('redacts phone numbers anywhere in a rejected record, and does not echo them in reasons', () => {
    const csv = `${HEADER}\n嚴重特殊傳染性肺炎,2021/05/15,台北市,萬華區,0987 654 321,否,30-34,1,+886 987 654 321\n`;
    const fromCsv = parseCdcCaseCsv(csv, towns, NOW).rejected;
    const fromJson = parseCaseRecords([{ ...good, sex: '0987-654-321', phone: '+886 987 654 321' }], towns, NOW).rejected;
    const text = JSON.stringify([fromCsv, fromJson]);
    expect(text).not.toMatch(/987.?654.?321/);
    expect(fromJson[0]!.reason).toBe('性別 "[redacted]" is not 男 or 女');
  });

  it('takes a district written with its county in front', () => {
    const { rows } = parseCaseRecords([{ ...good, district: '台北市大安區' }, { ...good, district: '臺北市 大安區' }], towns, NOW);
    expect(rows.map((r) => r.district)).toEqual(['大安區', '大安區']);
  });
});

describe('check-ins', () => {
  const base = { venueCode: '277025136512291', channel: 'app', appUserId: 'u', partySize: 1 };
  it('refuses a time without an offset, an impossible date, and a time past retention', () => {
    const { rejected } = parseCheckins(
      [
        { ...base, time: '2021-05-17T12:31:00' },
        { ...base, time: '2021-02-29T12:00:00+08:00' },
        { ...base, time: '2021-04-01T12:00:00+08:00' },
      ],
      hasher,
      NOW,
    );
    expect(rejected.map((r) => r.reason)).toEqual([
      'time must be an ISO 8601 timestamp with its offset, such as 2021-05-17T12:30:00+08:00',
      'time 2021-02-29T12:00:00+08:00 is not a real date and time',
      'time is more than 28 days ago: raw check-ins are kept 28 days',
    ]);
  });

  it('redacts a phone number typed into any field or used as a key', () => {
    const { rejected } = parseCheckins(
      [
        { ...base, time: '2021-05-17T12:00:00+08:00', venueCode: '0987654321' },
        { ...base, time: '0987-654-321' },
        { ...base, time: '2021-05-17T12:00:00+08:00', partySize: [ '0987654321' ] },
        { '0987654321': 'x' },
      ],
      hasher,
      NOW,
    );
    expect(rejected).toHaveLength(4);
    expect(JSON.stringify(rejected)).not.toMatch(/987.?654.?321/);
  });
});

describe('venues', () => {
  it('keeps no phone number from unknown fields or free text, and no lone surrogate', () => {
    const { rows, rejected } = parseVenues([
      { code: '277025136512291', name: 'e\u0301\u202e\ud800', category: '餐廳', district: '萬華區', address: '電話 02-2345-6789' },
      { code: 'x', name: 'n', category: 'c', district: '萬華區', ownerPhone: '0987654321' },
    ]);
    expect(rows[0]!.name).toBe('\u00e9\u202e\ufffd'); // NFKC: e + combining accent is é
    expect(rows[0]!.address).toBe('電話 [redacted]');
    expect(rejected[0]!.raw).not.toContain('0987654321');
  });
});

describe('dead-letter text', () => {
  it('survives records nested too deep to print, and keeps dates and venue codes readable', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(deadLetterJson(deep)).toBe('"[unprintable record]"');
    expect(redactPhoneLike('2021-05-17 277025136512291 0912-345-678')).toBe('2021-05-17 277025136512291 [redacted]');
    expect(deadLetterJson({ name: 'x'.repeat(10_000) }).length).toBeLessThan(4100);
  });
});

describe('second trial', () => {
  it('redacts full-width phone numbers and keeps our own hashes readable', () => {
    expect(redactPhoneLike('電話０９５５１２３７８９ and ０９５５－１２３－７８９')).toBe('電話[redacted] and [redacted]');
    expect(redactPhoneLike('hmac:a4dd14214da7166280558e03095a4e51')).toBe('hmac:a4dd14214da7166280558e03095a4e51');
  });

  it('refuses ids that hold a phone number, and redacts free text of case reports', async () => {
    const { parseScans, parseSmsMessages } = await import('../checkins/checkin-feeds.parser.js');
    const { parseCaseReports } = await import('../cases/case-report.parser.js');
    const time = '2021-05-20T11:00:00+08:00';
    expect(parseScans([{ scanId: 's-0955123789', appUserId: 'u', venueCode: '277025136512291', time }], hasher, NOW).rejected[0]!.reason).toBe('scanId must not contain a phone number');
    expect(parseSmsMessages([{ messageId: 'msg-0977444555', from: '0912345678', receivedAt: time, body: '場所代碼：277025136512291' }], hasher, NOW).rejected[0]!.reason).toBe('messageId must not contain a phone number');
    const reports = parseCaseReports(
      [
        { caseId: 'case-0955123789', reportedAt: time, confirmedDate: '2021-05-14', district: '萬華區', imported: false },
        { caseId: 'c1', reportedAt: time, confirmedDate: '2021-05-14', district: '萬華區', imported: false, village: '0955123789', cluster: 'call ０９５５ １２３ ７８９' },
      ],
      hasher,
      NOW,
    );
    expect(reports.rejected[0]!.reason).toBe('caseId must not contain a phone number');
    expect(reports.rows[0]).toMatchObject({ village: '[redacted]', cluster: 'call [redacted]' });
  });

  it('refuses unclear SMS companions rather than guessing', async () => {
    const { parseSmsBody } = await import('../checkins/sms-body.parser.js');
    for (const body of ['場所代碼：277025136512291 +2 +3', '場所代碼：277025136512291 +1.5', '場所代碼：277025136512291 -1']) {
      expect(parseSmsBody(body)).toEqual({ ok: false, reason: 'the companions after the venue code are unclear (expected one "+N")' });
    }
    expect(parseSmsBody('場所代碼：277025136512291 +2 本次簡訊實聯限防疫目的使用。')).toEqual({ ok: true, value: { venueCode: '277025136512291', companions: 2 } });
  });
});
