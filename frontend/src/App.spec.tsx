import { act, render, screen } from '@testing-library/react';
import { App } from './App';
import { FakeChannel, ManualTimers, ScriptedFetch, settle } from './test/fakes';
import { makeOverview } from './test/overviewFixture';

function renderApp() {
  const fetch = new ScriptedFetch();
  const channel = new FakeChannel();
  const timers = new ManualTimers();
  const view = render(<App feedOptions={{ fetchOverview: fetch.fetch, openChannel: channel.open, timers, retryDelaysMs: [1_000] }} />);
  return { ...view, fetch, channel, timers };
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
});
