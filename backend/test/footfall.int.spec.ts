import { batchDone, postJson, startEpiboard, type RunningEpiboard } from './helpers/epiboard-process.js';

const HOUR = 3_600_000;
const taipeiDay = (offsetDays: number) => new Date(Date.now() + 8 * HOUR + offsetDays * 24 * HOUR).toISOString().slice(0, 10);
const noonOf = (offsetDays: number) => `${taipeiDay(offsetDays)}T12:00:00+08:00`;

describe('footfall against a baseline week', () => {
  let app: RunningEpiboard;
  beforeAll(async () => {
    app = await startEpiboard();
    const post = async (path: string, body: unknown) => expect((await batchDone(app.url, (await postJson(`${app.url}${path}`, body)).json.batchId)).rejected).toBe(0);
    await post('/api/ingest/venues', [
      { code: '277025136512291', name: '萬華茶藝館', category: '茶藝館', district: '萬華區' },
      { code: '177289824657848', name: '信義百貨', category: '百貨公司', district: '信義區' },
    ]);
    const checkin = (venueCode: string, day: number, i: number) => ({ venueCode, time: noonOf(day), channel: 'sms', phone: `09120000${String(i).padStart(2, '0')}`, partySize: 2 });
    // Baseline week (days -20..-14): 10 teahouse and 4 department-store check-ins.
    // Current week (days -6..0): 2 teahouse (an alert is being kept) and 4 department store.
    await post('/api/ingest/checkins', [
      ...Array.from({ length: 10 }, (_, i) => checkin('277025136512291', -20 + (i % 7), i)),
      ...Array.from({ length: 4 }, (_, i) => checkin('177289824657848', -18, 10 + i)),
      ...Array.from({ length: 2 }, (_, i) => checkin('277025136512291', -3, 20 + i)),
      ...Array.from({ length: 4 }, (_, i) => checkin('177289824657848', -2, 30 + i)),
      // Between the weeks: counted in neither.
      checkin('277025136512291', -10, 40),
    ]);
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('compares check-ins per district and venue category with the baseline week', async () => {
    const res = await fetch(`${app.url}/api/metrics/footfall?to=${taipeiDay(0)}&baselineFrom=${taipeiDay(-20)}`);
    expect(res.status).toBe(200);
    const f = await res.json();
    expect(f.current).toEqual({ from: taipeiDay(-6), to: taipeiDay(0) });
    expect(f.rows).toEqual([
      { districtCode: '63000020', category: '百貨公司', current: 4, baseline: 4, ratio: 1 },
      { districtCode: '63000070', category: '茶藝館', current: 2, baseline: 10, ratio: 0.2 },
    ]);
    expect(f.city).toEqual({ current: 6, baseline: 14, ratio: 0.4286 });
    const wanhua = await (await fetch(`${app.url}/api/metrics/footfall?to=${taipeiDay(0)}&baselineFrom=${taipeiDay(-20)}&district=萬華區`)).json();
    expect(wanhua.rows).toHaveLength(1);
  });

  it('refuses a baseline that overlaps the current week', async () => {
    const res = await fetch(`${app.url}/api/metrics/footfall?to=${taipeiDay(0)}&baselineFrom=${taipeiDay(-8)}`);
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/baseline week must end before/);
  });
});
