import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './helpers/chromium.js';
import { batchDone, postCsv, postJson, REAL_DATA, startEpiboard, type RunningEpiboard } from './helpers/epiboard-process.js';

describe('dashboard in a real browser', () => {
  let app: RunningEpiboard;
  let browser: Browser;

  beforeAll(async () => {
    app = await startEpiboard();
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows 12 district shapes, a non-empty epicurve, and a data-as-of stamp that moves when a batch lands', async () => {
    const posted = await postCsv(`${app.url}/api/ingest/cases`, readFileSync(join(REAL_DATA, 'tw_cdc_confirmed_taipei_newtaipei_2021.csv'), 'utf8'));
    await batchDone(app.url, posted.json.batchId);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url);
    await page.waitForSelector('path[data-district]');
    expect(await page.locator('path[data-district]').count()).toBe(12);
    await page.waitForSelector('[data-testid="epicurve"] rect[data-date]', { state: 'attached' });
    const bars = page.locator('[data-testid="epicurve"] rect[data-date]');
    expect(await bars.count()).toBe(90);
    // Non-empty: some days have cases, drawn as bars with height.
    const heights = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
    expect(heights.filter((h) => h > 0).length).toBeGreaterThan(5);
    // The default range is the last 90 days of data: it ends on Taipei's last case date in the file.
    const lastTaipeiDate = readFileSync(join(REAL_DATA, 'tw_cdc_confirmed_taipei_newtaipei_2021.csv'), 'utf8').split('\n').filter((l) => l.includes(',台北市,')).map((l) => l.split(',')[1]!.replace(/\//g, '-')).sort().at(-1);
    expect(await bars.last().getAttribute('data-date')).toBe(lastTaipeiDate);
    expect(await page.content()).toContain('萬華區');

    // The map colours follow the data: 萬華區 is not coloured like a quiet district.
    const fill = (code: string) => page.locator(`path[data-district="${code}"]`).getAttribute('fill');
    const stamp = page.getByTestId('data-as-of');
    const before = await stamp.textContent();
    expect(before).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);

    // Clicking a district selects it: the epicurve now shows that district.
    await page.locator('path[data-district="63000070"]').click();
    await page.waitForFunction(() => document.body.innerText.includes('Wanhua'));

    // A new batch lands: the stamp moves without a reload.
    await new Promise((r) => setTimeout(r, 1100));
    const next = await postCsv(`${app.url}/api/ingest/cases`, '確定病名,個案研判日,縣市,鄉鎮,性別,是否為境外移入,年齡層,確定病例數\n嚴重特殊傳染性肺炎,2021/12/15,台北市,萬華區,男,否,30-34,5\n');
    await batchDone(app.url, next.json.batchId);
    await page.waitForFunction((old) => document.querySelector('[data-testid="data-as-of"]')?.textContent !== old, before, { timeout: 5000 });
    expect(await fill('63000070')).toBeTruthy();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('for all of 2021, the map shows each district\'s cases as the API counts them, 萬華區 highest', async () => {
    const api = await (await fetch(`${app.url}/api/metrics/overview?from=2021-01-01&to=2021-12-31`)).json();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${app.url}/?from=2021-01-01&to=2021-12-31&map=range-cases`);
    await page.waitForFunction(() => document.querySelectorAll('path[data-district][data-value]').length === 12 && Number(document.querySelector('path[data-district="63000070"]')?.getAttribute('data-value')) > 0);
    const shown = await page.locator('path[data-district]').evaluateAll((paths) => Object.fromEntries(paths.map((p) => [p.getAttribute('data-district'), Number(p.getAttribute('data-value'))])));
    expect(shown).toEqual(Object.fromEntries(api.districts.map((d: any) => [d.code, d.totalCases])));
    const highest = Object.entries(shown).sort((a, b) => b[1] - a[1])[0]![0];
    expect(highest).toBe('63000070');
    await page.close();
  }, 60_000);

  it('shows the Rt band, the risk level with its reason and hotspots for the May 2021 wave, and venue exposure, resources and relief as they land, without a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 2400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}/?from=2021-05-01&to=2021-07-31`);

    // Rt through the wave: a band and a mean line with real paths, the R = 1 reference.
    await page.waitForFunction(() => (document.querySelector('[data-testid="rt-band"]')?.getAttribute('d') ?? '').length > 20);
    expect(await page.getByTestId('rt-mean').getAttribute('d')).toMatch(/^M/);
    // The risk level names the metric that drove it and the rule version.
    await page.waitForFunction(() => (document.querySelector('[data-testid="risk-reason"]')?.textContent ?? '').trim().length > 0);
    expect(await page.getByTestId('risk-rules').textContent()).toContain('covid-act-now');
    await page.getByTestId('hotspots-panel').waitFor();

    // Venue exposure: a venue, a case's check-in and someone near it, then the case report.
    const post = async (path: string, body: unknown) => {
      const res = await postJson(`${app.url}${path}`, body);
      expect(res.status).toBe(202);
      expect((await batchDone(app.url, res.json.batchId)).rejected).toBe(0);
    };
    const venue = '277025136519999';
    const visit = new Date(Date.now() - 26 * 3_600_000).toISOString();
    const near = new Date(Date.parse(visit) + 15 * 60_000).toISOString();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await post('/api/ingest/venues', [{ code: venue, name: '剝皮寮茶館', category: '茶藝館', district: '萬華區' }]);
    await post('/api/ingest/checkins', [
      { venueCode: venue, time: visit, channel: 'sms', phone: '0955-100-201', partySize: 1 },
      { venueCode: venue, time: near, channel: 'sms', phone: '0955-100-202', partySize: 3 },
    ]);
    await post('/api/ingest/case-reports', [{ caseId: 'TPE-BROWSER-1', reportedAt: new Date().toISOString(), confirmedDate: today, district: '萬華區', imported: false, phones: ['0955-100-201'] }]);
    const row = page.locator(`[data-testid="exposure-table"] tr[data-venue="${venue}"]`);
    await row.waitFor({ timeout: 15_000 });
    // Cases visiting 1, people exposed 3 (one person with two companions), persons exposed 1.
    expect(await row.locator('td.num').allTextContents()).toEqual(['1', '3', '1']);

    // Resources and relief arrive live too.
    await post('/api/ingest/resources', [{ facilityId: 'browser-hospital', facilityName: '臺北市立聯合醫院和平院區', facilityType: 'hospital', district: '萬華區', time: new Date().toISOString(), capacity: { icu_beds: { total: 20, occupied: 15 } }, stock: { rapid_tests: 500 } }]);
    await page.getByTestId('capacity-icu_beds').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('capacity-icu_beds-free').textContent()).toBe('5');
    await post('/api/ingest/relief', [{ applicationId: 'RELIEF-BROWSER-1', program: '防疫補償', district: '萬華區', status: 'submitted', at: new Date().toISOString() }]);
    await page.locator('[data-testid="relief-table"] tr[data-program="防疫補償"]').waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
