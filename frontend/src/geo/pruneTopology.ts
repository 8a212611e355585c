import type { Arc, ArcIndexes, GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/**
 * A copy of `topology` holding only `objectName`'s geometries that pass `keep`, and only the
 * arcs those geometries use (re-indexed). Lets the build ship Taipei's 12 districts instead of
 * all 368 towns of Taiwan; the shapes drawn are identical.
 */
export function pruneTopology<P extends object>(
  topology: Topology,
  objectName: string,
  keep: (geometry: GeometryObject<P>) => boolean,
): Topology<{ [name: string]: GeometryCollection<P> }> {
  const source = topology.objects[objectName] as GeometryCollection<P> | undefined;
  if (!source || source.type !== 'GeometryCollection') {
    throw new Error(`Topology has no GeometryCollection named ${objectName}`);
  }
  const arcs: Arc[] = [];
  const newIndexByOld = new Map<number, number>();

  // TopoJSON writes a reversed arc i as ~i (= -i - 1).
  const remap = (ref: number): number => {
    const old = ref < 0 ? ~ref : ref;
    let index = newIndexByOld.get(old);
    if (index === undefined) {
      index = arcs.push(topology.arcs[old]) - 1;
      newIndexByOld.set(old, index);
    }
    return ref < 0 ? ~index : index;
  };
  const remapRing = (ring: ArcIndexes): ArcIndexes => ring.map(remap);

  const remapGeometry = (geometry: GeometryObject<P>): GeometryObject<P> => {
    switch (geometry.type) {
      case 'LineString':
        return { ...geometry, arcs: remapRing(geometry.arcs) };
      case 'MultiLineString':
      case 'Polygon':
        return { ...geometry, arcs: geometry.arcs.map(remapRing) };
      case 'MultiPolygon':
        return { ...geometry, arcs: geometry.arcs.map((polygon) => polygon.map(remapRing)) };
      case 'GeometryCollection':
        return { ...geometry, geometries: geometry.geometries.map(remapGeometry) };
      default:
        return geometry; // points and null geometries use no arcs
    }
  };

  const { bbox: _bbox, ...rest } = topology; // the whole-island bbox no longer applies
  return {
    ...rest,
    arcs,
    objects: {
      [objectName]: { ...source, geometries: source.geometries.filter(keep).map(remapGeometry) },
    },
  };
}
