import { useMemo } from 'react';
import { scaleLinear } from 'd3';
import { round2 } from './scales';

export interface OccupancyBarProps {
  /** occupied / total, 0..1; null when only the total is known. */
  occupancy: number | null;
  label: string;
  width?: number;
  height?: number;
}

/** Above these shares a capacity reads as strained, then as nearly full. */
export const OCCUPANCY_WARN = 0.75;
export const OCCUPANCY_ALERT = 0.9;

export function occupancyTone(occupancy: number | null): 'unknown' | 'ok' | 'warn' | 'alert' {
  if (occupancy === null || !Number.isFinite(occupancy)) return 'unknown';
  return occupancy >= OCCUPANCY_ALERT ? 'alert' : occupancy >= OCCUPANCY_WARN ? 'warn' : 'ok';
}

/** One horizontal bar: the occupied share of a capacity over its whole width. */
export function OccupancyBar({ occupancy, label, width = 240, height = 14 }: OccupancyBarProps) {
  const filled = useMemo(() => {
    if (occupancy === null || !Number.isFinite(occupancy)) return null;
    return round2(scaleLinear().domain([0, 1]).range([0, width]).clamp(true)(occupancy));
  }, [occupancy, width]);
  const tone = occupancyTone(occupancy);

  return (
    <svg
      className={`chart occupancy-bar is-${tone}`}
      data-testid="occupancy-bar"
      data-occupancy={occupancy ?? ''}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <rect className="occupancy-track" x={0} y={0} width={width} height={height} rx={3} />
      {filled !== null && <rect className="occupancy-fill" x={0} y={0} width={filled} height={height} rx={3} />}
      {[OCCUPANCY_WARN, OCCUPANCY_ALERT].map((share) => (
        <line key={share} className="occupancy-mark" x1={share * width} x2={share * width} y1={0} y2={height} />
      ))}
    </svg>
  );
}
