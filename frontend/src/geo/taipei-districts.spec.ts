import { geoMercator, geoPath } from 'd3';
import { TAIPEI_DISTRICTS } from '../api/districts';
import { TAIPEI_DISTRICT_SHAPES } from './taipei-districts';

describe('TAIPEI_DISTRICT_SHAPES', () => {
  it('holds exactly the 12 Taipei districts, keyed by the codes the API uses', () => {
    const codes = TAIPEI_DISTRICT_SHAPES.features.map((shape) => shape.properties.TOWNCODE).sort();
    expect(codes).toEqual(TAIPEI_DISTRICTS.map((district) => district.code).sort());
  });

  it('matches the copied district list on English names', () => {
    for (const district of TAIPEI_DISTRICTS) {
      const shape = TAIPEI_DISTRICT_SHAPES.features.find((s) => s.properties.TOWNCODE === district.code);
      expect(shape?.properties.TOWNENG).toBe(district.nameEn);
    }
  });

  it('has rings wound the way d3-geo expects (each district is small, not the globe minus it)', () => {
    const projection = geoMercator().fitSize([400, 400], TAIPEI_DISTRICT_SHAPES);
    const path = geoPath(projection);
    const mapArea = path.area(TAIPEI_DISTRICT_SHAPES);
    for (const shape of TAIPEI_DISTRICT_SHAPES.features) {
      const area = path.area(shape);
      expect(area).toBeGreaterThan(0);
      expect(area).toBeLessThan(mapArea / 2);
    }
  });
});
