import { formatBound } from '../format/numbers';
import type { ChoroplethBin } from './scales';

export interface ChoroplethLegendProps {
  title: string;
  bins: readonly ChoroplethBin[];
}

/** Swatches with the value range of each map class. */
export function ChoroplethLegend({ title, bins }: ChoroplethLegendProps) {
  return (
    <figure className="legend" data-testid="map-legend">
      <figcaption>{title}</figcaption>
      <ul>
        {bins.map((bin) => (
          <li key={`${bin.from}-${bin.to}`}>
            <span className="swatch" style={{ background: bin.color }} aria-hidden="true" />
            {bin.from === bin.to ? `${formatBound(bin.from)} 無病例 No cases` : `${formatBound(bin.from)}–${formatBound(bin.to)}`}
          </li>
        ))}
      </ul>
    </figure>
  );
}
