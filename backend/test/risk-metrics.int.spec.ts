import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { batchDone, postCsv, postJson, REAL_DATA, startEpiboard, type RunningEpiboard } from './helpers/epiboard-process.js';

const CDC_FILE = join(REAL_DATA, 'tw_cdc_confirmed_taipei_newtaipei_2021.csv');
const POPULATION_FILE = join(REAL_DATA, 'tw_township_population_2021_moi_ris_odrp061.csv');

/** Taipei's May–July 2021 cases per district and its June 2021 population, straight from the files. */
function expectedMayToJuly(): Map<string, { cases: number; population: number }> {
  const out = new Map<string, { cases: number; population: number }>();
  for (const line of readFileSync(POPULATION_FILE, 'utf8').trim().split('\n').slice(1)) {
    const [county, township, , pop202106] = line.split(',');
    if (county === '臺北市') out.set(township!, { cases: 0, population: Number(pop202106) });
  }
  for (const line of readFileSync(CDC_FILE, 'utf8').trim().split('\n').slice(1)) {
    const [, date, county, district, , , , count] = line.split(',');
    if (county === '台北市' && date! >= '2021/05/01' && date! <= '2021/07/31') out.get(district!)!.cases += Number(count);
  }
  return out;
}

const get = async (app: RunningEpiboard, path: string) => {
  const res = await fetch(`${app.url}${path}`);
  return { status: res.status, json: await res.json() };
};

describe('risk metrics on the real CDC file', () => {
  let app: RunningEpiboard;
  beforeAll(async () => {
    app = await startEpiboard();
    await batchDone(app.url, (await postCsv(`${app.url}/api/ingest/cases`, readFileSync(CDC_FILE, 'utf8'))).json.batchId);
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('gives each district its exact May–July 2021 total and rate per 100k', async () => {
    const expected = expectedMayToJuly();
    expect(expected.size).toBe(12);
    for (const [name, { cases, population }] of expected) {
      const { status, json } = await get(app, `/api/metrics/incidence?district=${encodeURIComponent(name)}&from=2021-05-01&to=2021-07-31`);
      expect(status).toBe(200);
      expect(json.area.name).toBe(name);
      expect(json.totalCases).toBe(cases);
      expect(json.population).toBe(population);
      expect(json.populationDate).toBe('2021-06-30');
      expect(json.per100k).toBeCloseTo((cases / population) * 1e5, 4);
      expect(json.byCaseDate).toHaveLength(92);
      expect(json.byCaseDate.reduce((s: number, d: { cases: number }) => s + d.cases, 0)).toBe(cases);
    }
    const city = (await get(app, '/api/metrics/incidence?from=2021-05-01&to=2021-07-31')).json;
    expect(city.totalCases).toBe([...expected.values()].reduce((s, d) => s + d.cases, 0));
  });

  it('answers Rt for the city through the May 2021 wave, with a credible interval around the mean', async () => {
    const { status, json } = await get(app, '/api/metrics/rt?from=2021-05-10&to=2021-07-31');
    expect(status).toBe(200);
    expect(json.map((p: { date: string }) => p.date)).toEqual(Array.from({ length: 83 }, (_, i) => new Date(Date.UTC(2021, 4, 10 + i)).toISOString().slice(0, 10)));
    const may20 = json.find((p: { date: string }) => p.date === '2021-05-20');
    // Growing in mid-May (the whole 95% interval above 1), shrinking through June after the level 3 alert.
    expect(may20.lower).toBeGreaterThan(1);
    expect(may20.lower).toBeLessThan(may20.median);
    expect(may20.upper).toBeGreaterThan(may20.median);
    const june = json.filter((p: { date: string }) => p.date >= '2021-06-05' && p.date <= '2021-06-30');
    expect(june).toHaveLength(26);
    expect(june.every((p: { mean: number }) => p.mean !== null && p.mean < 1)).toBe(true);
    // A district with few cases late in July is marked, not guessed.
    const nangang = (await get(app, '/api/metrics/rt?district=Nangang&from=2021-07-20&to=2021-07-31')).json;
    expect(nangang.some((p: { mean: number | null; insufficient?: string }) => p.mean === null && p.insufficient)).toBe(true);
  });

  it('finds the Wanhua outbreak as a hotspot in mid-May and gives a risk level with its reason', async () => {
    const hot = (await get(app, '/api/metrics/hotspots?to=2021-05-16')).json;
    const wanhua = hot.districts.find((d: { area: { name: string } }) => d.area.name === '萬華區');
    expect(wanhua.hotspot).toBe(true);
    expect(wanhua.pValue).toBeLessThan(0.01);
    const levels = (await get(app, '/api/metrics/risk-levels?date=2021-05-25')).json;
    expect(levels.rules.version).toBe('covid-act-now-2020.1');
    const w = levels.districts.find((d: { area: { name: string } }) => d.area.name === '萬華區');
    expect(w.drivenBy.metric).toBe('new_cases_per_100k');
    expect(w.level).toBeGreaterThanOrEqual(3);
  });

  it('refuses parameters it cannot answer', async () => {
    expect((await get(app, '/api/metrics/rt?siMean=0.5')).status).toBe(400);
    expect((await get(app, '/api/metrics/incidence?district=Banqiao')).json.message).toMatch(/not one of Taipei's 12 districts/);
    expect((await get(app, '/api/metrics/hotspots?asOf=soon')).status).toBe(400);
  });
});

describe('backfills and what was known when', () => {
  let app: RunningEpiboard;
  beforeAll(async () => {
    app = await startEpiboard();
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  const row = (caseDate: string, district: string, count: number) => ({ caseDate, county: '臺北市', district, sex: 'M', imported: false, ageGroup: '30-34', count });
  const incidence = async (asOf?: string) => (await get(app, `/api/metrics/incidence?district=萬華區&from=2021-05-16&to=2021-05-20${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`)).json;

  it('changes past case dates when a backfill lands; asOf before it gives the old numbers; a lowered count is a correction', async () => {
    await batchDone(app.url, (await postJson(`${app.url}/api/ingest/cases`, [row('2021-05-16', '萬華區', 10), row('2021-05-17', '萬華區', 20)])).json.batchId);
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    // 校正回歸: 15 more cases on 05-16, new ones on 05-18; 05-17 revised down from 20 to 18.
    await batchDone(app.url, (await postJson(`${app.url}/api/ingest/cases`, [row('2021-05-16', '萬華區', 25), row('2021-05-17', '萬華區', 18), row('2021-05-18', '萬華區', 7)])).json.batchId);

    const now = await incidence();
    expect(now.byCaseDate.slice(0, 3).map((d: { cases: number }) => d.cases)).toEqual([25, 18, 7]);
    expect(now.totalCases).toBe(50);
    const then = await incidence(before);
    expect(then.byCaseDate.slice(0, 3).map((d: { cases: number }) => d.cases)).toEqual([10, 20, 0]);
    expect(then.totalCases).toBe(30);

    // By report date (today, when both landed): 30 + 15 + 7 added, 2 corrected, never netted into a silent negative.
    const reportDays = (await get(app, `/api/metrics/incidence?district=萬華區&from=2021-05-16&to=2099-12-31`)).status;
    expect(reportDays).toBe(400);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const byReport = (await get(app, `/api/metrics/incidence?district=萬華區&from=${today}&to=${today}`)).json.byReportDate;
    expect(byReport).toEqual([{ date: today, added: 52, corrected: -2 }]);
    const overviewThen = (await get(app, `/api/metrics/overview?from=2021-05-16&to=2021-05-20&asOf=${encodeURIComponent(before)}`)).json;
    expect(overviewThen.city.totalCases).toBe(30);
  });
});
