import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { batchDone, postCsv, postJson, REAL_DATA, startEpiboard, type RunningEpiboard } from './helpers/epiboard-process.js';

const PRESS_CSV = readFileSync(join(REAL_DATA, 'tw_taipei_covid_capacity_press_2021.csv'), 'utf8');

/** 臺北市立聯合醫院和平婦幼院區 reporting twice a day during the May 2021 wave. */
const heping = (time: string, capacity: object, stock?: object) => ({
  facilityId: 'tpech-heping',
  facilityName: '臺北市立聯合醫院和平婦幼院區',
  facilityType: 'hospital',
  district: '中正區',
  time,
  capacity,
  ...(stock ? { stock } : {}),
});

const relief = (applicationId: string, program: string, district: string, status: string, at: string, amount?: number) => ({ applicationId, program, district, status, at, ...(amount === undefined ? {} : { amount }) });

describe('resource snapshots and relief applications', () => {
  let app: RunningEpiboard;
  beforeAll(async () => {
    app = await startEpiboard();
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  const post = async (path: string, body: unknown) => {
    const res = await postJson(`${app.url}${path}`, body);
    expect(res.status).toBe(202);
    return { batchId: res.json.batchId as string, ...(await batchDone(app.url, res.json.batchId)) };
  };
  const rejectedOf = async (batchId: string) => (await fetch(`${app.url}/api/ingest/batches/${batchId}/rejected?limit=1000`)).json();

  it('lands the press figures as city snapshots and JSON snapshots once each, and answers the latest per facility', async () => {
    const press = await postCsv(`${app.url}/api/ingest/resources`, PRESS_CSV);
    expect(press.status).toBe(202);
    expect(press.json).toMatchObject({ accepted: 3, rejected: 27 });
    expect(await batchDone(app.url, press.json.batchId)).toMatchObject({ state: 'done', accepted: 3, rejected: 27 });
    const pressDead: Array<{ position: string; reason: string; raw: string }> = await rejectedOf(press.json.batchId);
    expect(pressDead).toHaveLength(27);
    const reasonAt = (line: number) => pressDead.find((d) => d.position === `line ${line}`)?.reason;
    expect(reasonAt(5)).toBe('metric negative_pressure_and_general_isolation_beds is not mapped: isolation-room beds only, without the dedicated wards, so not the city isolation_beds total');
    expect(reasonAt(11)).toBe('metric enhanced_quarantine_hotel_rooms is not mapped: one tier of the city quarantine hotels; quarantine_hotel_rooms is the total');
    expect(reasonAt(13)).toBe('geography "臺北市+新北市" is not Taipei City alone: only 臺北市 figures become city snapshots');

    const morning = heping('2021-05-28T09:00:00+08:00', { isolation_beds: { total: 150, occupied: 131 }, icu_beds: { total: 24, occupied: 24 } });
    const first = await post('/api/ingest/resources', [
      heping('2021-05-27T09:00:00+08:00', { isolation_beds: { total: 150, occupied: 118 }, icu_beds: { total: 24, occupied: 21 } }, { rapid_tests: 1200, ppe_sets: 640 }),
      morning,
      morning, // the same snapshot twice in one request
      { facilityId: 'qh-wanhua-1', facilityName: '防疫旅館 萬華一', facilityType: 'quarantine_hotel', district: 'Wanhua', time: '2021-05-28T08:00:00+08:00', capacity: { quarantine_rooms: { total: 180, occupied: 152 } } },
      { facilityId: 'taipei-doh', facilityName: '臺北市政府衛生局', facilityType: 'city', time: '2021-05-28T08:00:00+08:00', stock: { vaccine_doses: 52_000, rapid_tests: 80_000 } },
      heping('2021-05-28T09:00:00+08:00', { icu_beds: { total: 24, occupied: 25 } }),
      heping('2021-05-28T09:00:00+08:00', { oxygen_tanks: { total: 10, occupied: 2 } }),
      { ...heping('2021-05-28T09:00:00+08:00', { icu_beds: { total: 24, occupied: 3 } }), district: '板橋區' },
    ]);
    expect(first).toMatchObject({ accepted: 5, rejected: 3 });
    expect((await rejectedOf(first.batchId)).map((d: any) => [d.position, d.reason])).toEqual([
      ['item 5', 'capacity.icu_beds: occupied 25 exceeds total 24'],
      ['item 6', 'unknown capacity kind "oxygen_tanks" (known: isolation_beds, icu_beds, negative_pressure_rooms, quarantine_rooms, ventilators)'],
      ['item 7', 'unknown Taipei district "板橋區"'],
    ]);
    // The same snapshot again, in another request, and then the press file again: nothing new.
    await post('/api/ingest/resources', morning);
    await batchDone(app.url, (await postCsv(`${app.url}/api/ingest/resources`, PRESS_CSV)).json.batchId);

    const facility = {
      hospital: { facilityId: 'tpech-heping', facilityName: '臺北市立聯合醫院和平婦幼院區', facilityType: 'hospital', districtCode: '63000050' },
      press: { facilityId: 'taipei-city-press', facilityName: '臺北市 (press figures)', facilityType: 'city', districtCode: '' },
      hotel: { facilityId: 'qh-wanhua-1', facilityName: '防疫旅館 萬華一', facilityType: 'quarantine_hotel', districtCode: '63000070' },
      doh: { facilityId: 'taipei-doh', facilityName: '臺北市政府衛生局', facilityType: 'city', districtCode: '' },
    };
    const latest = async () => (await fetch(`${app.url}/api/resources/latest`)).json();
    expect(await latest()).toEqual({
      capacity: [
        { ...facility.hotel, time: '2021-05-28T08:00:00.000+08:00', kind: 'quarantine_rooms', total: 180, occupied: 152 },
        { ...facility.press, time: '2021-05-28T00:00:00.000+08:00', kind: 'isolation_beds', total: 1092, occupied: 520 },
        { ...facility.press, time: '2021-05-21T00:00:00.000+08:00', kind: 'quarantine_rooms', total: 6884, occupied: null },
        { ...facility.hospital, time: '2021-05-28T09:00:00.000+08:00', kind: 'icu_beds', total: 24, occupied: 24 },
        { ...facility.hospital, time: '2021-05-28T09:00:00.000+08:00', kind: 'isolation_beds', total: 150, occupied: 131 },
      ],
      stock: [
        { ...facility.doh, time: '2021-05-28T08:00:00.000+08:00', item: 'rapid_tests', quantity: 80_000 },
        { ...facility.doh, time: '2021-05-28T08:00:00.000+08:00', item: 'vaccine_doses', quantity: 52_000 },
        // The 05-28 report had no stock: the latest stock is still the 05-27 one.
        { ...facility.hospital, time: '2021-05-27T09:00:00.000+08:00', item: 'ppe_sets', quantity: 640 },
        { ...facility.hospital, time: '2021-05-27T09:00:00.000+08:00', item: 'rapid_tests', quantity: 1200 },
      ],
    });

    // A corrected resend of the same snapshot replaces it rather than adding a second one.
    await post('/api/ingest/resources', heping('2021-05-28T09:00:00+08:00', { isolation_beds: { total: 150, occupied: 129 }, icu_beds: { total: 24, occupied: 24 } }));
    expect((await latest()).capacity.filter((c: any) => c.facilityId === 'tpech-heping').map((c: any) => [c.kind, c.occupied])).toEqual([
      ['icu_beds', 24],
      ['isolation_beds', 129],
    ]);
  }, 90_000);

  it('answers bad resource bodies as a whole with 400 or 415, and an Idempotency-Key queues the press file once', async () => {
    const badHeader = await postCsv(`${app.url}/api/ingest/resources`, 'date,metric,value\n2021-05-21,quarantine_hotel_rooms,6884\n');
    expect(badHeader.status).toBe(400);
    expect(badHeader.json.message).toBe('CSV header lacks column(s) date_precision, geography, unit, note, source_url; expected date,date_precision,geography,metric,value,unit,note,source_url');
    expect((await postJson(`${app.url}/api/ingest/resources`, 'tpech-heping')).status).toBe(400);
    expect((await postJson(`${app.url}/api/ingest/resources`, [])).status).toBe(400);
    const xml = await fetch(`${app.url}/api/ingest/resources`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<snapshot/>' });
    expect(xml.status).toBe(415);

    const headers = { 'content-type': 'text/csv', 'idempotency-key': 'press-2021-import' };
    const one = await (await fetch(`${app.url}/api/ingest/resources`, { method: 'POST', headers, body: PRESS_CSV })).json();
    await batchDone(app.url, one.batchId);
    const two = await (await fetch(`${app.url}/api/ingest/resources`, { method: 'POST', headers, body: PRESS_CSV })).json();
    expect(two).toEqual({ batchId: one.batchId, accepted: 3, rejected: 27, replayed: true });
  }, 60_000);

  it('counts relief applications per program and district once each, with the backlog as of the end of the range', async () => {
    const comp = (id: string, status: string, at: string, amount?: number) => relief(id, '防疫補償', '萬華區', status, at, amount);
    const life = (id: string, status: string, at: string, amount?: number) => relief(id, '紓困生活補貼', 'Da’an', status, at, amount);
    const a2submitted = comp('COMP-210603-B002', 'submitted', '2021-06-03T14:20:00+08:00');
    const first = await post('/api/ingest/relief', [
      comp('COMP-210601-A001', 'submitted', '2021-06-01T10:15:00+08:00'),
      comp('COMP-210601-A001', 'reviewing', '2021-06-02T09:00:00+08:00'),
      comp('COMP-210601-A001', 'approved', '2021-06-09T16:30:00+08:00', 14_000),
      comp('COMP-210601-A001', 'paid', '2021-06-18T11:00:00+08:00', 14_000),
      a2submitted,
      a2submitted, // the same event twice in one request
      comp('COMP-210603-B002', 'reviewing', '2021-06-04T09:30:00+08:00'),
      comp('COMP-210605-C003', 'submitted', '2021-06-05T08:00:00+08:00'),
      comp('COMP-210605-C003', 'rejected', '2021-06-10T15:00:00+08:00'),
      life('LIFE-210520-D004', 'submitted', '2021-05-20T12:00:00+08:00'),
      life('LIFE-210520-D004', 'approved', '2021-06-02T10:00:00+08:00', 30_000),
      life('LIFE-210620-E005', 'submitted', '2021-06-20T19:45:00+08:00'),
      life('LIFE-210620-E005', 'approved', '2021-07-05T10:00:00+08:00', 30_000),
    ]);
    expect(first).toMatchObject({ accepted: 13, rejected: 0 });
    // Delivered again later: still one event.
    await post('/api/ingest/relief', a2submitted);

    const bad = await post('/api/ingest/relief', [
      comp('COMP-210607-F006', 'approved', '2021-06-07T10:00:00+08:00'),
      { ...comp('COMP-210607-G007', 'submitted', '2021-06-07T10:00:00+08:00'), applicantName: '王小明', phone: '0912-345-678' },
      relief('COMP-210607-H008', '防疫補償 回電 0987654321', '萬華區', 'submitted', '2021-06-07T10:00:00+08:00'),
      comp('A123456789', 'submitted', '2021-06-07T10:00:00+08:00'),
      relief('COMP-210607-J009', '防疫補償', '板橋區', 'submitted', '2021-06-07T10:00:00+08:00'),
    ]);
    expect(bad).toMatchObject({ accepted: 0, rejected: 5 });
    const dead = await rejectedOf(bad.batchId);
    expect(dead.map((d: any) => [d.position, d.reason])).toEqual([
      ['item 0', 'amount (NT$) is required when status is approved'],
      ['item 1', 'unknown field "applicantName": relief events carry no applicant data'],
      ['item 2', 'program must be the name of the relief program, without a long run of digits'],
      ['item 3', "applicationId looks like a national ID number: use the program's application number"],
      ['item 4', 'unknown Taipei district "板橋區"'],
    ]);
    // No phone number, name or ID number of an applicant anywhere in what the service answers or logs.
    for (const text of [JSON.stringify(dead), JSON.stringify(bad), app.output()]) {
      expect(text).not.toMatch(/0912.?345.?678|345.?678|0987654321|987.?654.?321|王小明|A123456789/);
    }

    const summary = async (query: string) => {
      const res = await fetch(`${app.url}/api/relief/summary?${query}`);
      expect(res.status).toBe(200);
      return res.json();
    };
    expect(await summary('from=2021-06-01&to=2021-06-30')).toEqual({
      from: '2021-06-01',
      to: '2021-06-30',
      byProgramAndDistrict: [
        { program: '紓困生活補貼', districtCode: '63000030', submitted: 1, approved: 1, rejected: 0, paid: 0, backlog: 1 },
        { program: '防疫補償', districtCode: '63000070', submitted: 3, approved: 1, rejected: 1, paid: 1, backlog: 1 },
      ],
    });
    // As of 5 June nothing of 防疫補償 was decided yet; D004 was approved on 2 June.
    expect((await summary('from=2021-06-01&to=2021-06-05')).byProgramAndDistrict).toEqual([
      { program: '紓困生活補貼', districtCode: '63000030', submitted: 0, approved: 1, rejected: 0, paid: 0, backlog: 0 },
      { program: '防疫補償', districtCode: '63000070', submitted: 3, approved: 0, rejected: 0, paid: 0, backlog: 3 },
    ]);
    // Without from: everything up to to; without to: up to today, so E005 has been approved.
    expect((await summary('to=2021-06-30')).byProgramAndDistrict[0]).toEqual({ program: '紓困生活補貼', districtCode: '63000030', submitted: 2, approved: 1, rejected: 0, paid: 0, backlog: 1 });
    expect((await summary('')).byProgramAndDistrict[0]).toEqual({ program: '紓困生活補貼', districtCode: '63000030', submitted: 2, approved: 2, rejected: 0, paid: 0, backlog: 0 });

    for (const [query, message] of [
      ['from=2021-02-30', 'from must be a date YYYY-MM-DD'],
      ['to=June', 'to must be a date YYYY-MM-DD'],
      ['from=2021-07-01&to=2021-06-30', 'from (2021-07-01) is after to (2021-06-30)'],
    ]) {
      const res = await fetch(`${app.url}/api/relief/summary?${query}`);
      expect([res.status, (await res.json()).message]).toEqual([400, message]);
    }
    const csv = await postCsv(`${app.url}/api/ingest/relief`, 'applicationId,status\nCOMP-1,submitted\n');
    expect(csv.status).toBe(415);
  }, 60_000);
});
