import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { batchDone, postCsv, postJson, REAL_DATA, startEpiboard, type RunningEpiboard } from './helpers/epiboard-process.js';

const FILE = join(REAL_DATA, 'tw_cdc_confirmed_taipei_newtaipei_2021.csv');

/** Per-district 2021 totals for 台北市, summed straight from the file (not through our parser). */
function expectedTaipeiTotals(): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of readFileSync(FILE, 'utf8').trim().split('\n').slice(1)) {
    const [, date, county, district, , , , count] = line.split(',');
    if (county === '台北市' && date!.startsWith('2021/')) totals.set(district!, (totals.get(district!) ?? 0) + Number(count));
  }
  return totals;
}

describe('cases: CDC CSV over HTTP → BullMQ → chDB → overview', () => {
  let app: RunningEpiboard;
  beforeAll(async () => {
    app = await startEpiboard();
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('lands the real Taipei/New Taipei file and gives per-district totals equal to the file', async () => {
    const posted = await postCsv(`${app.url}/api/ingest/cases`, readFileSync(FILE, 'utf8'));
    expect(posted.status).toBe(202);
    expect(posted.json.batchId).toMatch(/^[0-9a-f-]{36}$/);
    const status = await batchDone(app.url, posted.json.batchId);
    expect(status).toMatchObject({ state: 'done', accepted: 7948, rejected: 0 });

    const overview = await (await fetch(`${app.url}/api/metrics/overview?from=2021-01-01&to=2021-12-31`)).json();
    const expected = expectedTaipeiTotals();
    expect(overview.districts).toHaveLength(12);
    for (const d of overview.districts) {
      expect(typeof d.totalCases).toBe('number');
      expect(d.totalCases).toBe(expected.get(d.name));
    }
    expect(overview.city.totalCases).toBe([...expected.values()].reduce((a, b) => a + b, 0));
    expect(overview.city.totalCases).toBe(4863);
    const highest = [...overview.districts].sort((a: any, b: any) => b.totalCases - a.totalCases)[0];
    expect(highest).toMatchObject({ name: '萬華區', nameEn: 'Wanhua District', code: '63000070' });

    // Daily series: one point per day of 2021, the 7-day average and its rate per 100k.
    expect(overview.city.daily).toHaveLength(365);
    const may17 = overview.city.daily.find((p: any) => p.date === '2021-05-17');
    const week = overview.city.daily.filter((p: any) => p.date >= '2021-05-11' && p.date <= '2021-05-17');
    expect(may17.avg7).toBeCloseTo(week.reduce((s: number, p: any) => s + p.cases, 0) / 7, 3);
    expect(may17.avg7Per100k).toBeCloseTo((may17.avg7 / overview.city.population) * 1e5, 3);
    expect(overview.city.populationDate).toBe('2021-11-30');
    expect(overview.city.population).toBe(2531659);
  }, 60_000);

  it('takes the same records as JSON, with English keys and district spellings', async () => {
    const posted = await postJson(`${app.url}/api/ingest/cases`, [
      { caseDate: '2022-01-03', county: '台北市', district: 'Wanhua', sex: '男', imported: '否', ageGroup: '30-34', count: 2 },
      { caseDate: '2022-01-03', county: 'Taipei City', district: '大安', sex: 'F', imported: false, ageGroup: '70+', count: 1 },
      { caseDate: '2022-01-03', county: '臺北市', district: '', sex: '女', imported: '是', ageGroup: '25-29', count: 1 },
    ]);
    expect(posted.status).toBe(202);
    await batchDone(app.url, posted.json.batchId);
    const overview = await (await fetch(`${app.url}/api/metrics/overview?from=2022-01-03&to=2022-01-03`)).json();
    const byName = Object.fromEntries(overview.districts.map((d: any) => [d.name, d.totalCases]));
    expect(byName['萬華區']).toBe(2);
    expect(byName['大安區']).toBe(1);
    // The imported case without a district counts for the city only.
    expect(overview.city.totalCases).toBe(4);
  }, 30_000);

  it('dead-letters bad rows with their reason and keeps the good ones', async () => {
    const csv = [
      '確定病名,個案研判日,縣市,鄉鎮,性別,是否為境外移入,年齡層,確定病例數',
      '嚴重特殊傳染性肺炎,2022/02/01,台北市,萬華區,男,否,60-64,1',
      '嚴重特殊傳染性肺炎,2022/02/30,台北市,萬華區,男,否,60-64,1',
      '嚴重特殊傳染性肺炎,2022/02/01,台北市,信義特區,男,否,60-64,1',
      '嚴重特殊傳染性肺炎,2022/02/01,台北市',
    ].join('\n');
    const posted = await postCsv(`${app.url}/api/ingest/cases`, csv);
    expect(posted.status).toBe(202);
    expect(await batchDone(app.url, posted.json.batchId)).toMatchObject({ accepted: 1, rejected: 3 });
    const rejected = await (await fetch(`${app.url}/api/ingest/batches/${posted.json.batchId}/rejected`)).json();
    expect(rejected.map((r: any) => `${r.position}: ${r.reason}`).sort()).toEqual([
      'line 3: 個案研判日 "2022/02/30" is not a date (YYYY/MM/DD or YYYY-MM-DD)',
      'line 4: unknown district "信義特區" in 臺北市',
      'line 5: expected 8 fields, found 3',
    ]);
    expect(rejected.find((r: any) => r.position === 'line 4').raw).toContain('信義特區');
  }, 30_000);

  it('answers broken input with a clear error and keeps running', async () => {
    const broken = await fetch(`${app.url}/api/ingest/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[{"caseDate": ' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).message).toBe('the body is not valid JSON');

    const wrongHeader = await postCsv(`${app.url}/api/ingest/cases`, 'a,b,c\n1,2,3\n');
    expect(wrongHeader.status).toBe(400);
    expect(wrongHeader.json.message).toMatch(/CSV header lacks column\(s\) 確定病名/);

    const huge = await fetch(`${app.url}/api/ingest/cases`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'x'.repeat(50 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).message).toMatch(/larger than the limit of 20 MB/);

    const notArray = await postJson(`${app.url}/api/ingest/cases`, { caseDate: '2021-05-01' });
    expect(notArray.status).toBe(400);
    expect(notArray.json.message).toMatch(/JSON array/);

    const xml = await fetch(`${app.url}/api/ingest/cases`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' });
    expect(xml.status).toBe(415);

    const badRange = await fetch(`${app.url}/api/metrics/overview?from=2021-13-01`);
    expect(badRange.status).toBe(400);
    const unknownBatch = await fetch(`${app.url}/api/ingest/batches/00000000-0000-0000-0000-000000000000`);
    expect(unknownBatch.status).toBe(404);

    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    const overview = await (await fetch(`${app.url}/api/metrics/overview?from=2021-01-01&to=2021-12-31`)).json();
    expect(overview.city.totalCases).toBe(4863);
  }, 60_000);
});
