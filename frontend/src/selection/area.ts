import type { AreaOverview, Overview } from '../api/overview';
import { TAIPEI_DISTRICTS, findDistrict, type District } from '../api/districts';

/** What the map shades for one district. */
export interface DistrictValue extends District {
  /** Cases in the last 7 days per 100k residents. */
  value: number;
}

/** A district the store has no rows for yet (empty store): zero, not missing. */
export function emptyArea(district: District): AreaOverview {
  return {
    code: district.code,
    name: district.name,
    nameEn: district.nameEn,
    population: 0,
    populationDate: '',
    totalCases: 0,
    last7Per100k: 0,
    daily: [],
    checkinsHourly: [],
  };
}

/** The area the charts show: the selected district, or the whole city when none is selected. */
export function pickArea(overview: Overview, selectedCode: string | null): AreaOverview {
  if (selectedCode === null) return overview.city;
  const fromApi = overview.districts.find((area) => area.code === selectedCode);
  if (fromApi) return fromApi;
  const known = findDistrict(selectedCode);
  return known ? emptyArea(known) : overview.city;
}

/**
 * All 12 districts in MOI order with their map value. Built from our own list, not the API's,
 * so the map always has 12 districts even when the store is empty.
 */
export function districtValues(overview: Overview): DistrictValue[] {
  const byCode = new Map(overview.districts.map((area) => [area.code, area]));
  return TAIPEI_DISTRICTS.map((district) => ({
    ...district,
    value: byCode.get(district.code)?.last7Per100k ?? 0,
  }));
}

/** Clicking the selected district again goes back to the city. */
export function toggleSelection(selectedCode: string | null, clickedCode: string): string | null {
  return selectedCode === clickedCode ? null : clickedCode;
}
