import type { OverviewRange } from '../api/overview';
import { findDistrict } from '../api/districts';
import { parseDay } from '../format/time';

/** What the district map shades by. */
export const MAP_MODES = ['7day-per100k', 'range-cases', 'range-per100k'] as const;
export type MapMode = (typeof MAP_MODES)[number];
export const DEFAULT_MAP_MODE: MapMode = '7day-per100k';

/** Everything that decides what the dashboard shows; lives in the URL query so a link reproduces it. */
export interface ViewState {
  /** Case range asked of the API; null = the server's default (last 90 days of data), the range pushes carry. */
  range: OverviewRange | null;
  mapMode: MapMode;
  /** Day of the 7-day map; null = the range's last day. */
  mapDay: string | null;
  /** Selected district code; null = the whole city. */
  district: string | null;
}

export const DEFAULT_VIEW: ViewState = { range: null, mapMode: DEFAULT_MAP_MODE, mapDay: null, district: null };

export function isMapMode(value: string | null): value is MapMode {
  return (MAP_MODES as readonly (string | null)[]).includes(value);
}

/**
 * `?from=&to=&map=&day=&district=` → view. A range needs both ends; they pass through unchecked
 * so that a mistyped link gets the server's 400 message rather than silently other dates.
 * Anything else unusable falls back to its default.
 */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  const map = params.get('map');
  const day = params.get('day');
  const district = params.get('district');
  return {
    range: from && to ? { from, to } : null,
    mapMode: isMapMode(map) ? map : DEFAULT_MAP_MODE,
    mapDay: day !== null && parseDay(day) !== null ? day : null,
    district: district !== null && findDistrict(district) ? district : null,
  };
}

/** View → `?from=…` (or '' for the default view); defaults are left out to keep links short. */
export function viewStateToSearch(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.range) {
    params.set('from', view.range.from);
    params.set('to', view.range.to);
  }
  if (view.mapMode !== DEFAULT_MAP_MODE) params.set('map', view.mapMode);
  if (view.mapDay !== null) params.set('day', view.mapDay);
  if (view.district !== null) params.set('district', view.district);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function sameRange(a: OverviewRange | null, b: OverviewRange | null): boolean {
  return a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);
}
