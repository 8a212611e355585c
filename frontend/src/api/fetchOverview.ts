import type { Overview, OverviewRange } from './overview';

export const OVERVIEW_PATH = '/api/metrics/overview';

/** Relative URL of the overview; without a range the server answers its default (last 90 days). */
export function overviewUrl(range?: OverviewRange): string {
  if (!range) return OVERVIEW_PATH;
  const query = new URLSearchParams({ from: range.from, to: range.to });
  return `${OVERVIEW_PATH}?${query.toString()}`;
}

export class OverviewFetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'OverviewFetchError';
  }
}

/** The backend answers errors as JSON `{ statusCode, error, message }`; a proxy may not. */
export async function errorMessageOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    return typeof body?.message === 'string' ? body.message : '';
  } catch {
    return response.statusText;
  }
}

export interface FetchOverviewOptions {
  range?: OverviewRange;
  signal?: AbortSignal;
  /** Injected in tests; the browser's fetch otherwise. */
  fetchImpl?: typeof fetch;
}

export async function fetchOverview(options: FetchOverviewOptions = {}): Promise<Overview> {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const response = await fetchImpl(overviewUrl(options.range), {
    headers: { Accept: 'application/json' },
    signal: options.signal,
  });
  if (!response.ok) {
    const detail = await errorMessageOf(response);
    throw new OverviewFetchError(`HTTP ${response.status}${detail ? `: ${detail}` : ''}`, response.status);
  }
  const body = (await response.json()) as Overview;
  // A proxy error page or a half-deployed backend must not reach the charts as data.
  if (!body || typeof body.version !== 'number' || !body.city || !Array.isArray(body.districts)) {
    throw new OverviewFetchError('Malformed overview response');
  }
  return body;
}
