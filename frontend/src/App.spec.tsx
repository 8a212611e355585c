import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from './App';
import { OverviewFetchError } from './api/fetchOverview';
import { FakeChannel, ManualTimers, ScriptedFetch, ScriptedHttp, ScriptedLoaders, fixtureLoaders, settle } from './test/fakes';
import { HIGHEST_DISTRICT, makeOverview } from './test/overviewFixture';

const WAVE = { from: '2021-05-01', to: '2021-07-31' };
const WAVE_URL = '/api/metrics/overview?from=2021-05-01&to=2021-07-31';

/** As if the page had been opened at this address. */
function openAt(search: string) {
  window.history.replaceState(null, '', `/${search}`);
}

afterEach(() => openAt(''));

function renderApp() {
  const fetch = new ScriptedFetch();
  const channel = new FakeChannel();
  const timers = new ManualTimers();
  // The risk and resource panels get their own endpoints and timers, so the overview's stay countable.
  const panels = new ScriptedLoaders();
  const panelTimers = new ManualTimers();
  const view = render(
    <App
      feedOptions={{ fetchOverview: fetch.fetch, openChannel: channel.open, timers, retryDelaysMs: [1_000] }}
      metricsOptions={{ loaders: panels.loaders, timers: panelTimers }}
    />,
  );
  return { ...view, fetch, channel, timers, panels, panelTimers };
}

// Feed callbacks update React state outside an event handler.
const inAct = (work: () => void | Promise<void>) => act(async () => {
  await work();
  await settle();
});

describe('App', () => {
  it('has the dashboard title', () => {
    renderApp();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Epiboard 臺北市疫情儀表板');
  });

  it('stamps the data time in Taipei time with the version, and moves with each push', async () => {
    const app = renderApp();
    await inAct(() => app.fetch.last.resolve(makeOverview()));
    expect(screen.getByTestId('data-as-of').textContent).toBe('資料時間 Data as of 2026-12-03 19:20:05 · 版本 v1764760805000');

    await inAct(() => app.channel.push(makeOverview({ version: 1764760806000, dataAsOf: '2026-12-03T11:20:06Z' })));
    expect(screen.getByTestId('data-as-of').textContent).toBe('資料時間 Data as of 2026-12-03 19:20:06 · 版本 v1764760806000');

    await inAct(() => app.channel.push(makeOverview({ version: 1764760804000, dataAsOf: '2026-12-03T11:20:04Z' })));
    expect(screen.getByTestId('data-as-of').textContent).toContain('v1764760806000');
  });

  it('shows live or disconnected', async () => {
    const app = renderApp();
    expect(screen.getByTestId('live-indicator').textContent).toContain('Connecting');
    await inAct(() => app.channel.connect());
    expect(screen.getByTestId('live-indicator').textContent).toContain('Live');
    await inAct(() => app.channel.disconnect());
    expect(screen.getByTestId('live-indicator').textContent).toContain('Disconnected');
  });

  it('shows an error banner when the fetch fails, keeps retrying, and clears it on success', async () => {
    const app = renderApp();
    await inAct(() => app.fetch.last.reject(new Error('HTTP 503: store is starting')));
    expect(screen.getByRole('alert').textContent).toContain('HTTP 503: store is starting');
    expect(screen.queryByTestId('district-map')).toBeNull();

    await inAct(() => void app.timers.fire(1_000));
    await inAct(() => app.fetch.last.reject(new Error('HTTP 503: store is starting')));
    expect(app.fetch.calls).toHaveLength(2);
    expect(screen.getByRole('alert')).toBeTruthy();

    await inAct(() => void app.timers.fire(1_000));
    await inAct(() => app.fetch.last.resolve(makeOverview()));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('district-map')).toBeTruthy();
  });

  it('keeps showing the last data under the banner when a refetch fails', async () => {
    const app = renderApp();
    await inAct(() => app.fetch.last.resolve(makeOverview()));
    await inAct(() => app.channel.connect());
    await inAct(() => app.fetch.last.reject(new Error('HTTP 502')));
    expect(screen.getByRole('alert').textContent).toContain('Showing earlier data');
    expect(screen.getByTestId('district-map').querySelectorAll('path[data-district]')).toHaveLength(12);
  });

  it('starts from the view in the URL: range, map mode and district', async () => {
    openAt('?from=2021-05-01&to=2021-07-31&map=range-cases&district=63000070');
    const app = renderApp();
    expect(app.fetch.calls.map((call) => call.range)).toEqual([WAVE]);
    await inAct(() => app.fetch.last.resolve(makeOverview(WAVE)));

    expect(screen.getByTestId('map-mode-range-cases').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('epicurve-title').textContent).toContain('萬華區 Wanhua District');
    expect(screen.getByTestId('preset-may-jul-2021').getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByTestId('range-from') as HTMLInputElement).value).toBe('2021-05-01');
    expect((screen.getByTestId('range-to') as HTMLInputElement).value).toBe('2021-07-31');
    expect(window.location.search).toBe('?from=2021-05-01&to=2021-07-31&map=range-cases&district=63000070');
  });

  it('writes what the user chooses to the URL', async () => {
    const app = renderApp();
    await inAct(() => app.fetch.last.resolve(makeOverview()));
    expect(window.location.search).toBe('');
    expect((screen.getByTestId('range-from') as HTMLInputElement).value).toBe('2026-11-24'); // the default range, as resolved

    await inAct(() => void fireEvent.click(app.container.querySelector(`path[data-district="${HIGHEST_DISTRICT}"]`)!));
    await inAct(() => void fireEvent.click(screen.getByTestId('epicurve').querySelector('rect[data-date="2026-11-28"]')!));
    expect(window.location.search).toBe('?day=2026-11-28&district=63000070');

    await inAct(() => void fireEvent.click(screen.getByTestId('preset-may-jul-2021')));
    expect(app.fetch.last.range).toEqual(WAVE);
    expect(window.location.search).toBe('?from=2021-05-01&to=2021-07-31&district=63000070'); // a new range starts at its last day

    await inAct(() => void fireEvent.click(screen.getByTestId('map-mode-range-per100k')));
    expect(window.location.search).toBe('?from=2021-05-01&to=2021-07-31&map=range-per100k&district=63000070');

    await inAct(() => void fireEvent.click(screen.getByTestId('preset-last-90-days')));
    expect(app.fetch.last.range).toBeNull();
    expect(window.location.search).toBe('?map=range-per100k&district=63000070');
  });

  it('applies a typed date with the other end of the range shown', async () => {
    const app = renderApp();
    await inAct(() => app.fetch.last.resolve(makeOverview()));
    await inAct(() => void fireEvent.change(screen.getByTestId('range-from'), { target: { value: '0202-11-01' } })); // still typing the year
    expect(app.fetch.calls).toHaveLength(1);
    await inAct(() => void fireEvent.change(screen.getByTestId('range-from'), { target: { value: '2026-11-01' } }));
    expect(app.fetch.last.range).toEqual({ from: '2026-11-01', to: '2026-12-03' });
    expect(window.location.search).toBe('?from=2026-11-01&to=2026-12-03');
    expect(screen.getByTestId('range-loading')).toBeTruthy();
  });

  it('shows the server’s message for a range it refuses, and does not retry it', async () => {
    openAt('?from=2021-08-01&to=2021-07-01');
    const app = renderApp();
    await inAct(() => app.fetch.last.reject(new OverviewFetchError('HTTP 400: from (2021-08-01) is after to (2021-07-01)', 400)));
    expect(screen.getByRole('alert').textContent).toContain('from (2021-08-01) is after to (2021-07-01)');
    expect(screen.getByRole('alert').textContent).toContain('Choose another range');
    expect(app.timers.delays()).not.toContain(1_000);

    await inAct(() => void fireEvent.click(screen.getByTestId('preset-all-2021')));
    expect(app.fetch.last.range).toEqual({ from: '2021-01-01', to: '2021-12-31' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('with a custom range, refetches its URL once per metrics push and stamps the push’s version', async () => {
    const http = new ScriptedHttp();
    const realFetch = globalThis.fetch;
    globalThis.fetch = http.fetchImpl; // the app's own fetch path, URL and all
    try {
      openAt('?from=2021-05-01&to=2021-07-31');
      const channel = new FakeChannel();
      render(<App feedOptions={{ openChannel: channel.open, timers: new ManualTimers() }} metricsOptions={{ loaders: fixtureLoaders(), timers: new ManualTimers() }} />);
      await inAct(() => http.last.respond(200, makeOverview({ ...WAVE, version: 1000 })));
      expect(http.urls).toEqual([WAVE_URL]);

      await inAct(() => {
        channel.push(makeOverview({ version: 2000, dataAsOf: '2026-12-03T12:00:00Z' }));
        channel.push(makeOverview({ version: 3000, dataAsOf: '2026-12-03T12:00:01Z' }));
      });
      expect(http.urls).toEqual([WAVE_URL, WAVE_URL]);
      expect(screen.getByTestId('data-as-of').textContent).toBe('資料時間 Data as of 2026-12-03 20:00:01 · 版本 v3000');
      expect(screen.getByTestId('summary').textContent).toContain('2021-05-01 – 2021-07-31'); // the pushed default range is not shown

      await inAct(() => http.last.respond(200, makeOverview({ ...WAVE, version: 2500 })));
      expect(http.urls).toEqual([WAVE_URL, WAVE_URL, WAVE_URL]); // one more for the push during the request
      await inAct(() => http.last.respond(200, makeOverview({ ...WAVE, version: 3500 })));
      expect(http.urls).toHaveLength(3);
      expect(screen.getByTestId('data-as-of').textContent).toContain('v3500');
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('App risk and resource panels', () => {
  const CITY_QUERY = { district: null, from: '2026-11-24', to: '2026-12-03', checkinsFrom: '2026-11-26', checkinsTo: '2026-12-03' };
  const newer = (version: number) => makeOverview({ version, dataAsOf: '2026-12-03T11:30:00Z' });

  async function loaded() {
    const app = renderApp();
    await inAct(() => app.fetch.last.resolve(makeOverview()));
    await inAct(() => app.panels.resolveAll());
    return app;
  }

  it('asks for them once the overview’s range is known, for the city, and shows them', async () => {
    const app = renderApp();
    expect(app.panels.calls).toHaveLength(0);
    await inAct(() => app.fetch.last.resolve(makeOverview()));
    expect(app.panels.calls.map((call) => call.panel).sort()).toEqual(['exposure', 'hotspots', 'incidence', 'relief', 'resources', 'riskLevels', 'rt']);
    expect(app.panels.calls.every((call) => JSON.stringify(call.query) === JSON.stringify(CITY_QUERY))).toBe(true);
    expect(screen.getByTestId('rt-loading')).toBeTruthy();

    await inAct(() => app.panels.resolveAll());
    expect(screen.getByTestId('rt-band').getAttribute('d')).toMatch(/^M/);
    expect(screen.getByTestId('risk-level').getAttribute('data-level')).toBe('2');
    expect(screen.getByTestId('risk-reason').textContent).toContain('driven by new cases per 100k: 12.3');
    for (const id of ['hotspots-panel', 'exposure-panel', 'resources-panel', 'relief-panel']) expect(screen.getByTestId(id)).toBeTruthy();
  });

  it('refetches on a newer metrics push, at most once a second, the last push trailing', async () => {
    const app = await loaded();
    await inAct(() => app.channel.connect()); // the first connect: nothing missed yet
    await inAct(() => app.fetch.last.resolve(makeOverview()));
    expect(app.panels.calls).toHaveLength(7);

    await inAct(() => app.channel.push(newer(1764760806000)));
    expect(app.panels.calls).toHaveLength(14);
    await inAct(() => app.panels.resolveAll());
    await inAct(() => {
      app.channel.push(newer(1764760807000));
      app.channel.push(newer(1764760808000));
    });
    expect(app.panels.calls).toHaveLength(14); // within the second: folded

    await inAct(() => void app.panelTimers.fire(1_000));
    expect(app.panels.calls).toHaveLength(21);
    await inAct(() => app.panels.resolveAll());
    await inAct(() => void app.panelTimers.fire(1_000));
    expect(app.panels.calls).toHaveLength(21); // nothing new came: no more requests

    await inAct(() => app.channel.push(newer(1764760807500))); // older than shown: not news
    expect(app.panels.calls).toHaveLength(21);
  });

  it('refetches after a reconnect, when pushes may have been missed', async () => {
    const app = await loaded();
    await inAct(() => app.channel.connect());
    await inAct(() => app.channel.disconnect());
    expect(app.panels.calls).toHaveLength(7);
    await inAct(() => app.channel.connect());
    expect(app.panels.calls).toHaveLength(14);
  });

  it('asks the district’s own panels again when a district is chosen, and shows its level', async () => {
    const app = await loaded();
    await inAct(() => void fireEvent.click(app.container.querySelector(`path[data-district="${HIGHEST_DISTRICT}"]`)!));
    const again = app.panels.calls.slice(7);
    expect(again.map((call) => call.panel).sort()).toEqual(['incidence', 'relief', 'resources', 'rt']);
    expect(again.every((call) => call.query.district === HIGHEST_DISTRICT)).toBe(true);
    // The city-wide answers stay; the level is the district's, picked from them.
    expect(screen.getByTestId('risk-level').getAttribute('data-level')).toBe('3');
    expect(screen.getByTestId('risk-reason').textContent).toContain('driven by Rt: 1.52');
    expect(screen.getByTestId('rt-loading')).toBeTruthy(); // the city's Rt is not shown as the district's
  });

  it('shows a failed panel fetch in the panel, and retries it', async () => {
    const app = renderApp();
    await inAct(() => app.fetch.last.resolve(makeOverview()));
    await inAct(() => app.panels.rejectAll(new Error('HTTP 503: store is starting')));
    for (const id of ['rt', 'risk', 'hotspots', 'exposure', 'resources', 'relief']) {
      expect(screen.getByTestId(`${id}-error`).textContent).toContain('HTTP 503: store is starting');
    }
    expect(screen.queryByRole('alert')).toBeNull(); // the overview itself is fine
    expect(screen.getByTestId('district-map')).toBeTruthy();

    await inAct(() => void app.panelTimers.fire(2_000));
    expect(app.panels.calls).toHaveLength(14);
    await inAct(() => app.panels.resolveAll());
    expect(screen.queryByTestId('rt-error')).toBeNull();
    expect(screen.getByTestId('risk-reason')).toBeTruthy();
  });
});
