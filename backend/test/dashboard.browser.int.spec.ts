import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './helpers/chromium.js';
import { batchDone, postCsv, REAL_DATA, startEpiboard, type RunningEpiboard } from './helpers/epiboard-process.js';

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
});
