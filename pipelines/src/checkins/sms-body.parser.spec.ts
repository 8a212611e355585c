import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../csv/csv-reader.js';
import { REFERENCE_DIR } from '../places/reference-data.js';
import { parseSmsBody } from './sms-body.parser.js';

/** The real payload strings shipped in pipelines/reference (sources in its where_seen column). */
const examples = readCsv(readFileSync(join(REFERENCE_DIR, 'tw_1922_sms_qr_payload_examples.csv'), 'utf8'))
  .slice(1)
  .map((r) => ({ payload: r.fields[0]!, kind: r.fields[1]! }));

describe('parseSmsBody on the real 1922 payload examples', () => {
  const results = examples.map((e) => ({ ...e, result: parseSmsBody(e.payload) }));

  it.each([
    ['SMSTO:1922:場所代碼：2770 2513 6512 291 本次簡訊實聯限防疫目的使用。', '277025136512291', 0],
    ['smsto:1922:場所代碼：177289824657848 本次實聯簡訊限防疫目的使用。', '177289824657848', 0],
    ['場所代碼：2067 8552 3880 282\n本次簡訊實聯限防疫目的使用。', '206785523880282', 0],
    ['場所代碼：2619 8024 1124 236 本簡訊是簡訊實聯制發送，限防疫目的使用。', '261980241124236', 0],
    ['場所代碼：2195 8966 4272 359  場域名稱：路易莎咖啡復興辛亥門市 限防疫目的使用。', '219589664272359', 0],
  ])('reads %j', (payload, venueCode, companions) => {
    expect(results.find((r) => r.payload === payload)?.result).toEqual({ ok: true, value: { venueCode, companions } });
  });

  it('reads every example with real digits, and refuses the masked templates', () => {
    for (const r of results) {
      const masked = /[OX]{4}|<15-digit id>/.test(r.payload);
      expect({ payload: r.payload, ok: r.result.ok }).toEqual({ payload: r.payload, ok: !masked });
    }
    expect(results.filter((r) => r.result.ok)).toHaveLength(7);
  });
});

describe('parseSmsBody formats', () => {
  it('takes +N companions after the code', () => {
    expect(parseSmsBody('場所代碼：2770 2513 6512 291 +2')).toEqual({ ok: true, value: { venueCode: '277025136512291', companions: 2 } });
    expect(parseSmsBody('場所代碼：277025136512291+3\n本次簡訊實聯限防疫目的使用。')).toEqual({ ok: true, value: { venueCode: '277025136512291', companions: 3 } });
  });

  it('takes the iOS and Android link forms with a URL-encoded body', () => {
    const ios = 'sms:1922&body=' + encodeURIComponent('場所代碼：2770 2513 6512 291\n本次簡訊實聯限防疫目的使用。');
    expect(parseSmsBody(ios)).toEqual({ ok: true, value: { venueCode: '277025136512291', companions: 0 } });
    const intent = 'intent:smsto:1922#Intent;action=android.intent.action.SENDTO;S.sms_body=' + encodeURIComponent('場所代碼：277025136512291') + '%0A;end';
    expect(parseSmsBody(intent)).toEqual({ ok: true, value: { venueCode: '277025136512291', companions: 0 } });
  });

  it('takes full-width digits and a half-width colon', () => {
    expect(parseSmsBody('場所代碼:２７７０ ２５１３ ６５１２ ２９１')).toEqual({ ok: true, value: { venueCode: '277025136512291', companions: 0 } });
  });

  it.each([
    ['', 'empty SMS body'],
    ['hello', 'no 場所代碼 (venue code) in the SMS body'],
    ['場所代碼：2770 2513 6512 29', 'the venue code after 場所代碼 is not 15 digits'],
    ['場所代碼：2770 2513 6512 2911', 'the venue code after 場所代碼 is not 15 digits'],
    ['場所代碼：2770 2513 6512 291 +120', '+120 companions is more than 49'],
  ])('refuses %j: %s', (body, reason) => expect(parseSmsBody(body)).toEqual({ ok: false, reason }));
});
