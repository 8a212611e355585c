import { TAIPEI_CITY } from './taipei-districts.js';
import { findTaipeiDistrict, foldPlaceName, normaliseCountyName } from './place-names.js';

/**
 * Every township of Taiwan, keyed by county, so an unknown district is caught at the edge.
 * Built from the MOI population table the product ships (clickhouse/seed), not hand-typed.
 */
export class TownshipRegistry {
  private readonly byCounty = new Map<string, Map<string, string>>();

  constructor(townships: Iterable<{ county: string; township: string }>) {
    for (const { county, township } of townships) {
      const c = normaliseCountyName(county);
      if (!c) continue;
      let towns = this.byCounty.get(c);
      if (!towns) this.byCounty.set(c, (towns = new Map()));
      towns.set(foldPlaceName(township), township);
      towns.set(foldPlaceName(township.replace(/[區鄉鎮市]$/u, '')), township);
    }
  }

  hasCounty(county: string): boolean {
    return this.byCounty.has(county);
  }

  /** Canonical township name in a canonical county, or undefined when the county has no such township. */
  findTownship(county: string, raw: string): string | undefined {
    // "臺北市大安區" and "台北市 大安區" name the county again: drop it.
    const folded = foldPlaceName(raw);
    const countyFolded = foldPlaceName(county);
    const bare = folded.startsWith(countyFolded) && folded.length > countyFolded.length ? raw.trim().replace(/^\S*?[市縣]\s*/u, '') : raw;
    if (county === TAIPEI_CITY.name) return findTaipeiDistrict(bare)?.name;
    return this.byCounty.get(county)?.get(foldPlaceName(bare));
  }
}
