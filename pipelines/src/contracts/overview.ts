/** The JSON answered by GET /api/metrics/overview and pushed in the socket.io `metrics` event. */

export interface DailyPoint {
  /** Case date (個案研判日), YYYY-MM-DD, Taipei local. */
  date: string;
  cases: number;
  /** Trailing 7-day mean of `cases` (this day and the six before it). */
  avg7: number;
  /** `avg7` per 100,000 residents of the area, using `population`. */
  avg7Per100k: number;
}

export interface HourlyCheckins {
  /** Start of the hour, ISO 8601 with the +08:00 offset. */
  hour: string;
  checkins: number;
  /** People including companions and family members. */
  people: number;
}

export interface AreaOverview {
  /** MOI town code (63000070) or county code (63000) for the city. */
  code: string;
  /** Chinese name as officials write it, e.g. 萬華區 or 臺北市. */
  name: string;
  nameEn: string;
  population: number;
  /** Month-end date the population figure refers to. */
  populationDate: string;
  totalCases: number;
  /** Cases in the 7 days ending at `to`, per 100k: what the map shades by. */
  last7Per100k: number;
  daily: DailyPoint[];
  checkinsHourly: HourlyCheckins[];
  /** Check-in records in the check-in window (checkinsFrom to checkinsTo). */
  checkins: number;
  /** People in the check-in window: companions and family members included. */
  people: number;
}

export interface Overview {
  from: string;
  to: string;
  /**
   * Window of `checkinsHourly`: the 7 days up to the newest check-in. Raw check-ins are kept
   * 28 days only, so this window follows the data, not the case range.
   */
  checkinsFrom: string;
  checkinsTo: string;
  /** When the newest data in this answer landed (ISO 8601), or null on an empty store. */
  dataAsOf: string | null;
  /** Grows with every push (epoch ms of the push); lets a client drop stale or out-of-order payloads. */
  version: number;
  city: AreaOverview;
  districts: AreaOverview[];
  /** Imported cases the CDC file gives no county for: national, not counted for Taipei. */
  unlocatedImportedCases: number;
}

/** Payload of the socket.io `metrics` event. */
export interface MetricsEvent {
  version: number;
  dataAsOf: string | null;
  overview: Overview;
}
