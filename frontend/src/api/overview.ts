/**
 * The API contract, taken type-only from the pipelines workspace so the dashboard fails to
 * typecheck (rather than fails at run time) when the contract changes. Erased by Vite and swc.
 */
export type {
  AreaOverview,
  DailyPoint,
  HourlyCheckins,
  MetricsEvent,
  Overview,
} from '../../../pipelines/src/contracts/overview';

/** Optional date range of GET /api/metrics/overview, both YYYY-MM-DD. */
export interface OverviewRange {
  from: string;
  to: string;
}
