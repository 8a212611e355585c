import { useMemo, type KeyboardEvent } from 'react';
import { geoMercator, geoPath } from 'd3';
import { TAIPEI_DISTRICT_SHAPES, type DistrictShapes } from '../geo/taipei-districts';
import { describeDistrictValue, type DistrictValue, type MapMetric } from '../map/mapMetric';
import { labelColorOn } from './scales';

export interface DistrictMapProps {
  /** The 12 districts with the value to shade by, in `metric`. */
  districts: readonly DistrictValue[];
  /** Which value the map shows, for the tooltips. */
  metric: MapMetric;
  color: (value: number) => string;
  selectedCode: string | null;
  onDistrictClick: (code: string) => void;
  shapes?: DistrictShapes;
  width?: number;
  height?: number;
}

interface DistrictOutline {
  code: string;
  d: string;
  labelX: number;
  labelY: number;
}

/** Projection and path strings only change with the shapes or the drawing size. */
function useDistrictOutlines(shapes: DistrictShapes, width: number, height: number): DistrictOutline[] {
  return useMemo(() => {
    const projection = geoMercator().fitSize([width, height], shapes);
    const path = geoPath(projection).digits(1);
    return shapes.features.map((shape) => {
      const [labelX, labelY] = path.centroid(shape);
      return { code: shape.properties.TOWNCODE, d: path(shape) ?? '', labelX, labelY };
    });
  }, [shapes, width, height]);
}

const PADDING = 8; // room for the selected district's wider stroke at the map edge

/** Choropleth of Taipei's districts; a click on a district reports its code. */
export function DistrictMap({ districts, metric, color, selectedCode, onDistrictClick, shapes = TAIPEI_DISTRICT_SHAPES, width = 480, height = 520 }: DistrictMapProps) {
  const outlines = useDistrictOutlines(shapes, width, height);
  const districtsByCode = useMemo(() => new Map(districts.map((district) => [district.code, district])), [districts]);
  // The selected district is drawn last so its highlight stroke is not covered by neighbours.
  const ordered = useMemo(
    () => [...outlines.filter((o) => o.code !== selectedCode), ...outlines.filter((o) => o.code === selectedCode)],
    [outlines, selectedCode],
  );

  const onKeyDown = (code: string) => (event: KeyboardEvent<SVGPathElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onDistrictClick(code);
    }
  };

  return (
    <svg
      data-testid="district-map"
      className="chart district-map"
      viewBox={`${-PADDING} ${-PADDING} ${width + 2 * PADDING} ${height + 2 * PADDING}`}
      role="group"
      aria-label="臺北市各行政區地圖 Map of Taipei City districts"
    >
      <g className="districts">
        {ordered.map((outline) => {
          const district = districtsByCode.get(outline.code);
          const value = district?.value ?? 0;
          const selected = outline.code === selectedCode;
          const label = district ? describeDistrictValue(district, metric) : outline.code;
          // data-value: the exact number shaded, for browser tests and anyone inspecting the map.
          return (
            <path
              key={outline.code}
              data-district={outline.code}
              data-value={value}
              className={selected ? 'district is-selected' : 'district'}
              d={outline.d}
              fill={color(value)}
              role="button"
              tabIndex={0}
              aria-pressed={selected}
              aria-label={label}
              onClick={() => onDistrictClick(outline.code)}
              onKeyDown={onKeyDown(outline.code)}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </g>
      <g className="district-labels" aria-hidden="true">
        {outlines.map((outline) => {
          const district = districtsByCode.get(outline.code);
          if (!district || !Number.isFinite(outline.labelX)) return null;
          return (
            <text key={outline.code} x={outline.labelX} y={outline.labelY} textAnchor="middle" dy="0.35em" fill={labelColorOn(color(district.value))}>
              {district.name}
            </text>
          );
        })}
      </g>
    </svg>
  );
}
