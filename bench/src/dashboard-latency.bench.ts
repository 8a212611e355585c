import { launchChromium, percentile, startProduct } from './harness.js';

/**
 * Two user-visible latencies:
 *  startup: `npm start` on an empty data folder (build included) until the dashboard shows
 *           bars in the epicurve, then until the demo first moves the "data as of" stamp;
 *  live:    a case batch POSTed until the stamp changes on screen (DEMO=off, N samples).
 */
export async function benchStartup(): Promise<void> {
  const t0 = Date.now();
  const app = await startProduct(['npm', 'start'], { DEMO: 'on' });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="epicurve"] rect[data-date]')].some((r) => Number(r.getAttribute('height')) > 0), undefined, { timeout: 60_000, polling: 50 });
    const firstChart = Date.now() - t0;
    const stamp = await page.getByTestId('data-as-of').textContent();
    await page.waitForFunction((old) => document.querySelector('[data-testid="data-as-of"]')?.textContent !== old, stamp, { timeout: 30_000, polling: 50 });
    const firstMove = Date.now() - t0;
    console.log(`startup: npm start → listening ${app.listeningAfterMs} ms (build included), → first chart ${firstChart} ms, → first live move ${firstMove} ms`);
  } finally {
    await browser.close();
    await app.stop();
  }
}

export async function benchLive(samples = 20): Promise<void> {
  const app = await startProduct(['node', 'backend/dist/main.js'], { DEMO: 'off' });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.waitForSelector('path[data-district]');
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const stamp = await page.getByTestId('data-as-of').textContent();
      // Spaced beyond the 1 s coalescing interval: this measures one batch's path, not the throttle.
      await new Promise((r) => setTimeout(r, 1100));
      const t0 = Date.now();
      const res = await fetch(`${app.url}/api/ingest/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ caseDate: '2021-05-20', county: '臺北市', district: '萬華區', sex: '男', imported: '否', ageGroup: '30-34', count: 1 }]),
      });
      if (res.status !== 202) throw new Error(`ingest answered ${res.status}`);
      await page.waitForFunction((old) => document.querySelector('[data-testid="data-as-of"]')?.textContent !== old, stamp, { timeout: 10_000, polling: 'raf' });
      latencies.push(Date.now() - t0);
    }
    console.log(`live: batch POST → update on screen, ${samples} samples: median ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, max ${Math.max(...latencies)} ms`);
  } finally {
    await browser.close();
    await app.stop();
  }
}
