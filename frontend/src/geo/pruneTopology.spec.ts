import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import atlas from './towns-atlas';
import { pruneTopology } from './pruneTopology';
import { taipeiDistrictShapes } from './taipei-districts';
import { isTaipeiTown, type TownProperties, type TownTopology } from './towns';

describe('pruneTopology', () => {
  const pruned = pruneTopology<TownProperties>(atlas as Topology, 'towns', isTaipeiTown) as unknown as TownTopology;

  it('keeps only the Taipei towns and far fewer arcs', () => {
    expect(pruned.objects.towns.geometries).toHaveLength(12);
    expect(Object.keys(pruned.objects)).toEqual(['towns']);
    expect(pruned.arcs.length).toBeLessThan(atlas.arcs.length / 10);
  });

  it('yields exactly the shapes the full atlas yields', () => {
    expect(taipeiDistrictShapes(pruned)).toEqual(taipeiDistrictShapes(atlas));
  });

  it('keeps reversed arc references reversed', () => {
    // Tiny topology: a square made of arc 1 forwards and arc 0 reversed; arc 2 is unused.
    const square: Topology = {
      type: 'Topology',
      arcs: [
        [[0, 0], [0, 1], [1, 0]],
        [[0, 0], [1, 0], [0, 1]],
        [[5, 5], [1, 1]],
      ],
      objects: { shapes: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[1, ~0]] }] } },
    };
    const kept = pruneTopology(square, 'shapes', () => true);
    expect(kept.arcs).toEqual([square.arcs[1], square.arcs[0]]);
    expect(feature(kept, kept.objects.shapes)).toEqual(feature(square, square.objects.shapes as never));
  });
});
