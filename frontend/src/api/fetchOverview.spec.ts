import { OverviewFetchError, fetchOverview, overviewUrl } from './fetchOverview';
import { makeOverview } from '../test/overviewFixture';

function fakeFetch(status: number, body: unknown): { fetchImpl: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    urls.push(String(input));
    // Just what fetchOverview reads; jsdom has no Response.
    return { ok: status >= 200 && status < 300, status, statusText: '', json: async () => body } as Response;
  }) as typeof fetch;
  return { fetchImpl, urls };
}

describe('overviewUrl', () => {
  it('asks for the default range without parameters', () => {
    expect(overviewUrl()).toBe('/api/metrics/overview');
  });

  it('passes an explicit range as from/to', () => {
    expect(overviewUrl({ from: '2026-09-01', to: '2026-11-30' })).toBe('/api/metrics/overview?from=2026-09-01&to=2026-11-30');
  });
});

describe('fetchOverview', () => {
  it('returns the overview the API answers', async () => {
    const overview = makeOverview();
    const { fetchImpl, urls } = fakeFetch(200, overview);
    await expect(fetchOverview({ fetchImpl })).resolves.toEqual(overview);
    expect(urls).toEqual(['/api/metrics/overview']);
  });

  it('fails on an HTTP error status, with the backend’s message', async () => {
    const { fetchImpl } = fakeFetch(503, { statusCode: 503, error: 'Service Unavailable', message: 'store is starting' });
    await expect(fetchOverview({ fetchImpl })).rejects.toMatchObject({
      name: 'OverviewFetchError',
      status: 503,
      message: 'HTTP 503: store is starting',
    });
  });

  it('fails on a body that is not an overview', async () => {
    const { fetchImpl } = fakeFetch(200, { hello: 'world' });
    await expect(fetchOverview({ fetchImpl })).rejects.toBeInstanceOf(OverviewFetchError);
  });
});
