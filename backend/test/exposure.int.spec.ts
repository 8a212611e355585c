import { batchDone, postJson, startEpiboard, type RunningEpiboard } from './helpers/epiboard-process.js';

/**
 * A hand-built outbreak with every count known in advance. All times are Taipei times within the
 * last days (raw check-ins older than 28 days are refused).
 */
const HOUR = 3_600_000;
const MINUTE = 60_000;
const taipeiDay = (offsetDays: number) => new Date(Date.now() + 8 * HOUR + offsetDays * 24 * HOUR).toISOString().slice(0, 10);
const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;
const shift = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * MINUTE).toISOString();

const TEAHOUSE = '277025136512291';
const TEAHOUSE_BACKDOOR = '277025136512292'; // the same venue (venueId) with a second QR code
const MARKET = '177289824657848';
const PARK = '300000000000001';

const onset = taipeiDay(-3);
const confirmed = taipeiDay(-1);
const visit = at(taipeiDay(-2), '14:00');

describe('venue exposure on a hand-built scenario', () => {
  let app: RunningEpiboard;
  beforeAll(async () => {
    app = await startEpiboard();
    const post = async (path: string, body: unknown) => {
      const res = await postJson(`${app.url}${path}`, body);
      expect(res.status).toBe(202);
      const done = await batchDone(app.url, res.json.batchId);
      expect(done.rejected).toBe(0);
    };
    await post('/api/ingest/venues', [
      { code: TEAHOUSE, name: '萬華茶藝館', category: '茶藝館', district: '萬華區', venueId: 'teahouse-1' },
      { code: TEAHOUSE_BACKDOOR, name: '萬華茶藝館後門', category: '茶藝館', district: '萬華區', venueId: 'teahouse-1' },
      { code: MARKET, name: '東園市場', category: '市場', district: '萬華區' },
      { code: PARK, name: '青年公園', category: '公園', district: '萬華區' },
    ]);
    const sms = (phone: string, venueCode: string, time: string, partySize = 1) => ({ venueCode, time, channel: 'sms', phone, partySize });
    await post('/api/ingest/checkins', [
      // Case A (0911-000-001): visits the teahouse at 14:00 and the market the day before.
      sms('0911-000-001', TEAHOUSE, visit),
      sms('0911-000-001', MARKET, at(taipeiDay(-4), '09:00')),
      // Case A's own second phone, same visit: the case itself, never exposed.
      sms('0922-000-001', TEAHOUSE, visit),
      // Exactly at the window's edges: +60 and -60 minutes count.
      sms('0933-000-010', TEAHOUSE, shift(visit, 60), 3),
      sms('0933-000-011', TEAHOUSE, shift(visit, -60)),
      // One minute past the edge: not exposed.
      sms('0933-000-012', TEAHOUSE, shift(visit, 61)),
      // The back door of the same venue, 30 minutes after: exposed.
      sms('0933-000-013', TEAHOUSE_BACKDOOR, shift(visit, 30), 2),
      // Another venue at the same time: not exposed.
      sms('0933-000-014', PARK, visit),
      // The market visit is 4 days before confirmation; onset-2 = 5 days before, so it is in the window.
      sms('0933-000-015', MARKET, at(taipeiDay(-4), '09:30')),
      // Case A before its infectious window (onset - 2 days is day -5): not a visit.
      sms('0911-000-001', PARK, at(taipeiDay(-6), '10:00')),
      sms('0933-000-016', PARK, at(taipeiDay(-6), '10:10')),
      // Case B (0944-000-002) at the teahouse 20 minutes after A: exposed by A, and a visit of its own.
      sms('0944-000-002', TEAHOUSE, shift(visit, 20)),
    ]);
    // A TaipeiPASS family: one person, three family members registered with the scan → 4 people, 1 person.
    await post('/api/ingest/scans', [{ scanId: 'scan-family-1', appUserId: 'app-user-77', venueCode: TEAHOUSE, time: shift(visit, -10), familyMembers: 3 }]);
    await post('/api/ingest/case-reports', [
      { caseId: 'TPE-A', reportedAt: new Date().toISOString(), onsetDate: onset, confirmedDate: confirmed, district: '萬華區', imported: false, phones: ['0911-000-001', '0922-000-001'] },
      { caseId: 'TPE-B', reportedAt: new Date().toISOString(), confirmedDate: taipeiDay(0), district: '萬華區', imported: false, phones: ['0944-000-002'], cluster: '萬華茶藝館' },
    ]);
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  const get = async (path: string) => {
    const res = await fetch(`${app.url}${path}`);
    return { status: res.status, json: await res.json() };
  };

  it('counts exposed persons and people around each visit of a case, edges included, the case itself excluded', async () => {
    const { status, json } = await get('/api/metrics/exposure/cases/TPE-A');
    expect(status).toBe(200);
    expect(json.window).toEqual({ from: `${taipeiDay(-5)}T00:00:00.000+08:00`, to: `${taipeiDay(0)}T00:00:00.000+08:00` });
    // Visits: the market (day -4) and the teahouse (day -2); both phones at one time and place are one visit.
    expect(json.visits.map((v: { venueCode: string }) => v.venueCode)).toEqual([MARKET, TEAHOUSE]);
    const teahouse = json.visits[1];
    // Exposed at the teahouse: -60 edge, +60 edge (party 3), back door (party 2), case B, the family (4 people).
    expect(teahouse).toMatchObject({ venueName: '萬華茶藝館', exposedPersons: 5, exposedPeople: 1 + 3 + 2 + 1 + 4 });
    expect(json.visits[0]).toMatchObject({ venueCode: MARKET, exposedPersons: 1, exposedPeople: 1 });
    // Over the whole window: each person once.
    expect(json).toMatchObject({ exposedPersons: 6, exposedPeople: 12, minutes: 60 });
  });

  it('narrows with a smaller window and answers 404 for an unknown case', async () => {
    const narrow = (await get('/api/metrics/exposure/cases/TPE-A?minutes=15')).json;
    // Within 15 minutes of 14:00: only the family (-10); case B (+20) is outside.
    expect(narrow.visits[1]).toMatchObject({ exposedPersons: 1, exposedPeople: 4 });
    expect((await get('/api/metrics/exposure/cases/TPE-NOPE')).status).toBe(404);
    expect((await get('/api/metrics/exposure/cases/TPE-A?minutes=-5')).status).toBe(400);
  });

  it('ranks venues by cases visiting, and finds the venue two cases visited as a hotspot', async () => {
    const { json } = await get(`/api/metrics/exposure/venues?from=${taipeiDay(-3)}&to=${taipeiDay(0)}`);
    expect(json.venues[0]).toMatchObject({ venueCode: TEAHOUSE, venueName: '萬華茶藝館', category: '茶藝館', districtCode: '63000070', casesVisiting: 2, visits: 2 });
    // Exposed by A: -60, +60, back door, B, the family (5). Exposed by B (14:20 ± 60): A's two phones,
    // +60, +61, back door, the family. Together 8 distinct ids (A's two phones count as two).
    expect(json.venues[0].exposedPersons).toBe(8);
    expect(json.venues[0].exposedPeople).toBe(1 + 3 + 2 + 1 + 4 + 1 + 1 + 1);
    const hot = (await get(`/api/metrics/hotspots?to=${taipeiDay(0)}`)).json;
    expect(hot.venues).toEqual([{ venueCode: TEAHOUSE, venueName: '萬華茶藝館', districtCode: '63000070', cases: 2 }]);
  });

  it('answers with what was known at asOf: before the cases were reported, no exposure', async () => {
    expect((await get(`/api/metrics/exposure/cases/TPE-A?asOf=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`)).status).toBe(404);
  });
});
