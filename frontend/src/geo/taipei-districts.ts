import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
// The MOI towns atlas. Under jest this is the full 512 KB file; the Vite build swaps in a copy
// pruned to Taipei (see vite.config.ts), which yields the same 12 shapes.
import townsAtlas from './towns-atlas';
import { isTaipeiTown, type TownProperties, type TownTopology } from './towns';

export type { TownProperties } from './towns';
export type DistrictShape = Feature<Polygon | MultiPolygon, TownProperties>;
export type DistrictShapes = FeatureCollection<Polygon | MultiPolygon, TownProperties>;

/** Taipei's district polygons out of a towns topology; TOWNCODE is our district `code`. */
export function taipeiDistrictShapes(topology: TownTopology): DistrictShapes {
  const taipeiTowns: GeometryCollection<TownProperties> = {
    type: 'GeometryCollection',
    geometries: topology.objects.towns.geometries.filter(isTaipeiTown),
  };
  return feature(topology, taipeiTowns) as DistrictShapes;
}

export const TAIPEI_DISTRICT_SHAPES = taipeiDistrictShapes(townsAtlas);
