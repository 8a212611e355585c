import {
  MetricsFetchError,
  fetchHotspots,
  fetchIncidence,
  fetchRelief,
  fetchResources,
  fetchRiskLevels,
  fetchRt,
  fetchVenueExposure,
  hotspotsUrl,
  incidenceUrl,
  metricsUrl,
  reliefUrl,
  resourcesUrl,
  riskLevelsUrl,
  rtUrl,
  venueExposureUrl,
} from './fetchRisk';
import { makePanelsData } from '../test/riskFixture';

function fakeFetch(status: number, body: unknown, { badJson = false } = {}): { fetchImpl: typeof fetch; urls: string[]; accepts: string[] } {
  const urls: string[] = [];
  const accepts: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(String(input));
    accepts.push(new Headers(init?.headers).get('Accept') ?? '');
    // Just what the fetchers read; jsdom has no Response.
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: status === 502 ? 'Bad Gateway' : '',
      json: async () => {
        if (badJson) throw new SyntaxError('Unexpected token < in JSON');
        return body;
      },
    } as Response;
  }) as typeof fetch;
  return { fetchImpl, urls, accepts };
}

const WANHUA = '63000070';
const data = makePanelsData();

describe('metrics URLs', () => {
  it('leave out what is not given, so the server applies its defaults (the city, the newest case date)', () => {
    expect(metricsUrl('rt')).toBe('/api/metrics/rt');
    expect(rtUrl()).toBe('/api/metrics/rt');
    expect(rtUrl({ district: null, from: '2021-05-01', to: '2021-07-31' })).toBe('/api/metrics/rt?from=2021-05-01&to=2021-07-31');
    expect(incidenceUrl({ district: '', to: '2021-07-31' })).toBe('/api/metrics/incidence?to=2021-07-31');
    expect(riskLevelsUrl()).toBe('/api/metrics/risk-levels');
    expect(resourcesUrl({ district: null })).toBe('/api/metrics/resources');
  });

  it('pass the district code, the dates and asOf as given', () => {
    expect(incidenceUrl({ district: WANHUA, from: '2021-05-01', to: '2021-07-31' })).toBe('/api/metrics/incidence?district=63000070&from=2021-05-01&to=2021-07-31');
    expect(rtUrl({ district: WANHUA, from: '2021-05-01', to: '2021-07-31', asOf: '2021-06-01T12:00:00+08:00' })).toBe(
      '/api/metrics/rt?district=63000070&from=2021-05-01&to=2021-07-31&asOf=2021-06-01T12%3A00%3A00%2B08%3A00',
    );
    expect(riskLevelsUrl({ date: '2021-05-20' })).toBe('/api/metrics/risk-levels?date=2021-05-20');
    expect(hotspotsUrl({ to: '2021-05-20' })).toBe('/api/metrics/hotspots?to=2021-05-20');
    expect(resourcesUrl({ district: WANHUA })).toBe('/api/metrics/resources?district=63000070');
    expect(reliefUrl({ from: '2021-05-01', to: '2021-07-31', district: WANHUA })).toBe('/api/metrics/relief?from=2021-05-01&to=2021-07-31&district=63000070');
  });

  it('ask for the top 10 venues unless told otherwise', () => {
    expect(venueExposureUrl({ from: '2021-05-01', to: '2021-05-14' })).toBe('/api/metrics/exposure/venues?from=2021-05-01&to=2021-05-14&limit=10');
    expect(venueExposureUrl({ limit: 25 })).toBe('/api/metrics/exposure/venues?limit=25');
  });
});

describe('metrics fetchers', () => {
  it('return what the API answers, asking for JSON at the URL built', async () => {
    const cases: Array<[string, (fetchImpl: typeof fetch) => Promise<unknown>, unknown]> = [
      ['/api/metrics/incidence?district=63000070&from=2021-05-01&to=2021-07-31', (f) => fetchIncidence({ district: WANHUA, from: '2021-05-01', to: '2021-07-31' }, { fetchImpl: f }), data.incidence],
      ['/api/metrics/rt?from=2021-05-01&to=2021-07-31', (f) => fetchRt({ from: '2021-05-01', to: '2021-07-31' }, { fetchImpl: f }), data.rt],
      ['/api/metrics/risk-levels?date=2021-07-31', (f) => fetchRiskLevels({ date: '2021-07-31' }, { fetchImpl: f }), data.riskLevels],
      ['/api/metrics/hotspots?to=2021-07-31', (f) => fetchHotspots({ to: '2021-07-31' }, { fetchImpl: f }), data.hotspots],
      ['/api/metrics/exposure/venues?from=2021-05-01&to=2021-07-31&limit=10', (f) => fetchVenueExposure({ from: '2021-05-01', to: '2021-07-31' }, { fetchImpl: f }), data.exposure],
      ['/api/metrics/resources?district=63000070', (f) => fetchResources({ district: WANHUA }, { fetchImpl: f }), data.resources],
      ['/api/metrics/relief?from=2021-05-01&to=2021-07-31', (f) => fetchRelief({ from: '2021-05-01', to: '2021-07-31', district: null }, { fetchImpl: f }), data.relief],
    ];
    for (const [url, call, body] of cases) {
      const { fetchImpl, urls, accepts } = fakeFetch(200, body);
      await expect(call(fetchImpl)).resolves.toEqual(body);
      expect(urls).toEqual([url]);
      expect(accepts).toEqual(['application/json']);
    }
  });

  it('accept an empty Rt series: a range without cases', async () => {
    const { fetchImpl } = fakeFetch(200, []);
    await expect(fetchRt({}, { fetchImpl })).resolves.toEqual([]);
  });

  it('fail on an HTTP error status with the backend’s message and the status', async () => {
    const { fetchImpl } = fakeFetch(400, { statusCode: 400, error: 'Bad Request', message: 'no risk level rules are in force on 2019-01-01' });
    await expect(fetchRiskLevels({ date: '2019-01-01' }, { fetchImpl })).rejects.toMatchObject({
      name: 'MetricsFetchError',
      status: 400,
      message: 'HTTP 400: no risk level rules are in force on 2019-01-01',
    });
  });

  it('fall back to the status text when the error body is not JSON (a proxy’s page)', async () => {
    const { fetchImpl } = fakeFetch(502, null, { badJson: true });
    await expect(fetchRt({}, { fetchImpl })).rejects.toMatchObject({ status: 502, message: 'HTTP 502: Bad Gateway' });
  });

  it('fail on a body that is not the answer asked for, or not JSON at all', async () => {
    const wrong = fakeFetch(200, { hello: 'world' });
    await expect(fetchHotspots({}, { fetchImpl: wrong.fetchImpl })).rejects.toEqual(new MetricsFetchError('Malformed hotspots response'));
    await expect(fetchRt({}, { fetchImpl: wrong.fetchImpl })).rejects.toBeInstanceOf(MetricsFetchError);
    await expect(fetchResources({}, { fetchImpl: fakeFetch(200, { capacity: [] }).fetchImpl })).rejects.toBeInstanceOf(MetricsFetchError);
    await expect(fetchRelief({}, { fetchImpl: fakeFetch(200, null, { badJson: true }).fetchImpl })).rejects.toThrow('Malformed response from /api/metrics/relief');
  });

  it('let a network failure or an abort through as it is', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(fetchIncidence({}, { fetchImpl: offline })).rejects.toThrow('Failed to fetch');
  });

  it('pass the abort signal to fetch', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | null | undefined;
    const fetchImpl = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen = init?.signal;
      return { ok: true, status: 200, statusText: '', json: async () => [] } as unknown as Response;
    }) as typeof fetch;
    await fetchRt({}, { fetchImpl, signal: controller.signal });
    expect(seen).toBe(controller.signal);
  });
});
