/**
 * The JSON of the risk and resource metrics under /api/metrics/…: one shape shared by the
 * backend that answers it and the dashboard that draws it. Counts are JSON numbers; dates are
 * Taipei dates YYYY-MM-DD; `asOf` is the ISO time whose knowledge the answer reflects.
 */

/** The city (code 63000) or one of its districts (MOI town code). */
export interface AreaRef {
  code: string;
  name: string;
  nameEn: string;
}

export interface IncidencePoint {
  /** 個案研判日 (case date). */
  date: string;
  cases: number;
  local: number;
  imported: number;
  avg7: number;
  avg7Per100k: number;
}

/** What the reports of one day changed: new cases, and corrections that lowered past counts. */
export interface ReportDatePoint {
  /** The Taipei date the figures became known to Epiboard. */
  date: string;
  /** Cases added to any case date that day. */
  added: number;
  /** Cases withdrawn from past case dates that day (≤ 0): a correction, never netted away silently. */
  corrected: number;
}

export interface IncidenceAnswer {
  area: AreaRef;
  from: string;
  to: string;
  asOf: string;
  population: number;
  populationDate: string;
  /** Cases with a case date in the range, and per 100k residents. */
  totalCases: number;
  per100k: number;
  byCaseDate: IncidencePoint[];
  byReportDate: ReportDatePoint[];
  /** Cases in the 7 days ending `to`, and in the 7 days before those. */
  last7: number;
  previous7: number;
  /** last7 / previous7 − 1; null when previous7 is 0. */
  weekOverWeekGrowth: number | null;
  /** From the weekly growth: ln 2 / ln(last7 / previous7) · 7 days; null when flat or undefined. */
  doublingDays: number | null;
  halvingDays: number | null;
  local: number;
  imported: number;
  /** imported / (local + imported) over the range; null with no cases. */
  importedShare: number | null;
  /** From the city's case line list (cluster unknown = source unknown). */
  unknownSource: { cases: number; unknown: number; share: number | null };
}

export interface RtPoint {
  /** End date of the 7-day window the estimate is for. */
  date: string;
  mean: number | null;
  median: number | null;
  /** 2.5% and 97.5% posterior quantiles. */
  lower: number | null;
  upper: number | null;
  /** Local cases in the window. */
  localCases: number;
  /** Why there is no estimate (or it is too uncertain to use): set only then. */
  insufficient?: string;
}

export interface ExposureVisit {
  venueCode: string;
  venueName: string;
  districtCode: string;
  /** The case's check-in time, ISO with +08:00. */
  time: string;
  exposedPersons: number;
  exposedPeople: number;
}

export interface CaseExposure {
  caseId: string;
  asOf: string;
  /** Infectious window: from (inclusive) to (exclusive), ISO with +08:00. */
  window: { from: string; to: string };
  minutes: number;
  visits: ExposureVisit[];
  /** Distinct hashed ids checked in near any visit, the case excluded. */
  exposedPersons: number;
  /** Those persons with their companions and family members. */
  exposedPeople: number;
}

export interface VenueExposure {
  venueCode: string;
  venueName: string;
  category: string;
  districtCode: string;
  casesVisiting: number;
  visits: number;
  exposedPersons: number;
  exposedPeople: number;
}

export interface VenueExposureAnswer {
  from: string;
  to: string;
  asOf: string;
  minutes: number;
  venues: VenueExposure[];
}

export interface AreaHotspot {
  area: AreaRef;
  /** Cases in the 7 days ending `to`. */
  observed: number;
  /** Weekly cases the baseline (the 28 days before) predicts, floored at `minExpected`. */
  expected: number;
  /** P(X ≥ observed) for X ~ Poisson(expected). */
  pValue: number;
  hotspot: boolean;
}

export interface VillageHotspot {
  districtCode: string;
  village: string;
  observed: number;
  expected: number;
  pValue: number;
  hotspot: boolean;
}

export interface VenueHotspot {
  venueCode: string;
  venueName: string;
  districtCode: string;
  /** Distinct cases that checked in there within the 7 days ending `to`. */
  cases: number;
}

export interface HotspotsAnswer {
  to: string;
  asOf: string;
  alpha: number;
  minExpected: number;
  districts: AreaHotspot[];
  villages: VillageHotspot[];
  venues: VenueHotspot[];
}

export interface FootfallRow {
  districtCode: string;
  category: string;
  /** Check-ins in the current 7 days and in the baseline 7 days. */
  current: number;
  baseline: number;
  /** current / baseline; null when the baseline is 0. */
  ratio: number | null;
}

export interface FootfallAnswer {
  current: { from: string; to: string };
  baseline: { from: string; to: string };
  rows: FootfallRow[];
  /** City totals of the same. */
  city: { current: number; baseline: number; ratio: number | null };
}

export const RISK_LEVEL_LABELS = ['low', 'medium', 'high', 'critical', 'extreme'] as const;
export type RiskLevelLabel = (typeof RISK_LEVEL_LABELS)[number];

export interface RiskMetricLevel {
  metric: 'new_cases_per_100k' | 'rt' | 'icu_occupancy';
  /** null when the metric has no value for the area (then it does not vote). */
  value: number | null;
  level: number | null;
  /** The cut points of the rule in force: value ≥ cutPoints[i] reaches level i + 1. */
  cutPoints: number[];
}

export interface AreaRiskLevel {
  area: AreaRef;
  level: number;
  label: RiskLevelLabel;
  /** The metric that set the level (the highest of the metrics), with its value. */
  drivenBy: { metric: RiskMetricLevel['metric']; value: number } | null;
  metrics: RiskMetricLevel[];
}

export interface RiskLevelsAnswer {
  date: string;
  asOf: string;
  rules: { version: string; effectiveFrom: string; source: string };
  city: AreaRiskLevel;
  districts: AreaRiskLevel[];
}

export interface CapacityMetric {
  kind: string;
  total: number;
  occupied: number;
  free: number;
  /** occupied / total; null when no facility reported occupancy. */
  occupancy: number | null;
  /** Change of occupied per day over the last 7 days. */
  trendPerDay: number | null;
  /** Days until full at that trend; null when not filling. */
  runwayDays: number | null;
  facilities: number;
}

export interface StockMetric {
  item: string;
  quantity: number;
  /** Average daily use over the last 7 days (stock decreases; deliveries are not negative use). */
  avgDailyUse7: number | null;
  /** quantity / avgDailyUse7; null when nothing was used. */
  daysOfSupply: number | null;
  facilities: number;
}

export interface ResourceMetricsAnswer {
  /** The Taipei day the figures are for (default: the asOf day). */
  date: string;
  asOf: string;
  districtCode: string | null;
  capacity: CapacityMetric[];
  stock: StockMetric[];
}

/** Relief applications of one program in one district over a range of Taipei dates. */
export interface ReliefCounts {
  program: string;
  districtCode: string;
  /** Applications submitted in the range. */
  submitted: number;
  /** Applications approved in the range. */
  approved: number;
  /** Applications rejected in the range. */
  rejected: number;
  /** Applications paid in the range. */
  paid: number;
  /** Applications submitted by the end of the range and not yet decided by then. */
  backlog: number;
}

export interface ReliefMetricRow extends ReliefCounts {
  /** Days from submission to decision (approved or rejected) for those decided in the range. */
  medianDays: number | null;
  p90Days: number | null;
}

export interface ReliefMetricsAnswer {
  from: string;
  to: string;
  asOf: string;
  rows: ReliefMetricRow[];
}
