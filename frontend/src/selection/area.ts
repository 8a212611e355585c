import type { AreaOverview, Overview } from '../api/overview';
import { findDistrict, type District } from '../api/districts';

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
    checkins: 0,
    people: 0,
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

/** Clicking the selected district again goes back to the city. */
export function toggleSelection(selectedCode: string | null, clickedCode: string): string | null {
  return selectedCode === clickedCode ? null : clickedCode;
}
