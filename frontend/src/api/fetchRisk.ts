import { errorMessageOf } from './fetchOverview';
import type {
  HotspotsAnswer,
  IncidenceAnswer,
  ReliefMetricsAnswer,
  ResourceMetricsAnswer,
  RiskLevelsAnswer,
  RtPoint,
  VenueExposureAnswer,
} from './risk';

export const METRICS_PATH = '/api/metrics';

type QueryValue = string | number | null | undefined;

/**
 * Relative URL of `/api/metrics/<endpoint>` with the parameters that are set, in the order
 * given. Left-out parameters take the server's defaults: the city, the newest case date, now.
 */
export function metricsUrl(endpoint: string, params: Record<string, QueryValue> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const search = query.toString();
  return `${METRICS_PATH}/${endpoint}${search ? `?${search}` : ''}`;
}

/** An area (a district's MOI code; null or absent = the city) over Taipei dates. */
export interface AreaRangeQuery {
  district?: string | null;
  from?: string;
  to?: string;
  /** ISO time: the answer as known then. */
  asOf?: string;
}

export const incidenceUrl = ({ district, from, to, asOf }: AreaRangeQuery = {}) => metricsUrl('incidence', { district, from, to, asOf });
export const rtUrl = ({ district, from, to, asOf }: AreaRangeQuery = {}) => metricsUrl('rt', { district, from, to, asOf });
export const riskLevelsUrl = ({ date, asOf }: { date?: string; asOf?: string } = {}) => metricsUrl('risk-levels', { date, asOf });
export const hotspotsUrl = ({ to, asOf }: { to?: string; asOf?: string } = {}) => metricsUrl('hotspots', { to, asOf });
export const venueExposureUrl = ({ from, to, limit = 10, asOf }: { from?: string; to?: string; limit?: number; asOf?: string } = {}) =>
  metricsUrl('exposure/venues', { from, to, limit, asOf });
export const resourcesUrl = ({ district, asOf }: { district?: string | null; asOf?: string } = {}) => metricsUrl('resources', { district, asOf });
export const reliefUrl = ({ from, to, district, asOf }: AreaRangeQuery = {}) => metricsUrl('relief', { from, to, district, asOf });

export class MetricsFetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'MetricsFetchError';
  }
}

export interface FetchMetricsOptions {
  signal?: AbortSignal;
  /** Injected in tests; the browser's fetch otherwise. */
  fetchImpl?: typeof fetch;
}

async function getJson(url: string, options: FetchMetricsOptions): Promise<unknown> {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const response = await fetchImpl(url, { headers: { Accept: 'application/json' }, signal: options.signal });
  if (!response.ok) {
    const detail = await errorMessageOf(response);
    throw new MetricsFetchError(`HTTP ${response.status}${detail ? `: ${detail}` : ''}`, response.status);
  }
  try {
    return await response.json();
  } catch {
    throw new MetricsFetchError(`Malformed response from ${url}`);
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasArrays = (value: unknown, ...keys: string[]): value is Json => isObject(value) && keys.every((key) => Array.isArray(value[key]));

/**
 * GET one answer and check its outline, so a proxy's error page or a half-deployed backend
 * shows as a failed fetch rather than reaching the panels as data.
 */
async function getChecked<T>(url: string, what: string, isShaped: (body: unknown) => boolean, options: FetchMetricsOptions): Promise<T> {
  const body = await getJson(url, options);
  if (!isShaped(body)) throw new MetricsFetchError(`Malformed ${what} response`);
  return body as T;
}

export function fetchIncidence(query: AreaRangeQuery, options: FetchMetricsOptions = {}): Promise<IncidenceAnswer> {
  return getChecked(incidenceUrl(query), 'incidence', (body) => hasArrays(body, 'byCaseDate') && isObject(body.area), options);
}

export function fetchRt(query: AreaRangeQuery, options: FetchMetricsOptions = {}): Promise<RtPoint[]> {
  return getChecked(rtUrl(query), 'Rt', (body) => Array.isArray(body) && body.every((point) => isObject(point) && typeof point.date === 'string'), options);
}

export function fetchRiskLevels(query: { date?: string; asOf?: string }, options: FetchMetricsOptions = {}): Promise<RiskLevelsAnswer> {
  return getChecked(riskLevelsUrl(query), 'risk levels', (body) => hasArrays(body, 'districts') && isObject(body.city) && isObject(body.rules), options);
}

export function fetchHotspots(query: { to?: string; asOf?: string }, options: FetchMetricsOptions = {}): Promise<HotspotsAnswer> {
  return getChecked(hotspotsUrl(query), 'hotspots', (body) => hasArrays(body, 'districts', 'villages', 'venues'), options);
}

export function fetchVenueExposure(query: { from?: string; to?: string; limit?: number; asOf?: string }, options: FetchMetricsOptions = {}): Promise<VenueExposureAnswer> {
  return getChecked(venueExposureUrl(query), 'venue exposure', (body) => hasArrays(body, 'venues'), options);
}

export function fetchResources(query: { district?: string | null; asOf?: string }, options: FetchMetricsOptions = {}): Promise<ResourceMetricsAnswer> {
  return getChecked(resourcesUrl(query), 'resources', (body) => hasArrays(body, 'capacity', 'stock'), options);
}

export function fetchRelief(query: AreaRangeQuery, options: FetchMetricsOptions = {}): Promise<ReliefMetricsAnswer> {
  return getChecked(reliefUrl(query), 'relief', (body) => hasArrays(body, 'rows'), options);
}
