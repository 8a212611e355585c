import type { AreaOverview, Overview } from '../api/overview';
import { TAIPEI_DISTRICTS, type District } from '../api/districts';
import { formatCount, formatRate } from '../format/numbers';
import type { MapMode } from '../view/viewState';

/** What the map shades one district by, in the current map mode. */
export interface DistrictValue extends District {
  value: number;
}

/** Toggle labels, Chinese first. */
export const MAP_MODE_LABELS: Record<MapMode, string> = {
  '7day-per100k': '7日每十萬人 7-day per 100k',
  'range-cases': '區間病例 Cases in range',
  'range-per100k': '區間每十萬人 Cases per 100k in range',
};

type RangeOf = Pick<Overview, 'from' | 'to'>;

/** The day the 7-day map shows: the chosen day if it lies in the range, else the range's last day. */
export function effectiveMapDay(range: RangeOf, mapDay: string | null): string {
  // YYYY-MM-DD compares correctly as text.
  return mapDay !== null && mapDay >= range.from && mapDay <= range.to ? mapDay : range.to;
}

/** One district's value; an area the API did not send (empty store) is 0. */
export function mapValueOf(area: AreaOverview | undefined, mode: MapMode, day: string): number {
  if (!area) return 0;
  switch (mode) {
    case '7day-per100k': {
      // avg7Per100k is the mean of the 7 days ending that day, so ×7 is their count per 100k.
      const point = area.daily.find((candidate) => candidate.date === day);
      return point ? point.avg7Per100k * 7 : 0;
    }
    case 'range-cases':
      return area.totalCases;
    case 'range-per100k':
      // Population 0 means the store has no population row yet; the API gives 0 rates then too.
      return area.population > 0 ? (area.totalCases / area.population) * 1e5 : 0;
  }
}

/**
 * All 12 districts in MOI order with their map value. Built from our own list, not the API's,
 * so the map always has 12 districts even when the store is empty.
 */
export function districtMapValues(overview: Overview, mode: MapMode, day: string): DistrictValue[] {
  const byCode = new Map(overview.districts.map((area) => [area.code, area]));
  return TAIPEI_DISTRICTS.map((district) => ({ ...district, value: mapValueOf(byCode.get(district.code), mode, day) }));
}

export interface MapMetric {
  mode: MapMode;
  /** Which metric over which day or range: the legend title, and the start of each tooltip. */
  title: string;
  formatValue: (value: number) => string;
}

export function describeMapMetric(mode: MapMode, day: string, range: RangeOf): MapMetric {
  const over = mode === '7day-per100k' ? `（截至 ending ${day}）` : `（${range.from} – ${range.to}）`;
  return {
    mode,
    title: `${MAP_MODE_LABELS[mode]}${over}`,
    formatValue: mode === 'range-cases' ? formatCount : formatRate,
  };
}

/** "萬華區 Wanhua District：7日每十萬人 7-day per 100k（截至 ending 2021-05-31）：123.4" */
export function describeDistrictValue(district: DistrictValue, metric: MapMetric): string {
  return `${district.name} ${district.nameEn}：${metric.title}：${metric.formatValue(district.value)}`;
}
