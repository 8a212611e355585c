/** Grid lines with count labels on the left, a baseline with date or hour ticks below: shared by the time charts. */

interface ChartAxesProps {
  width: number;
  margin: { left: number; right: number };
  baselineY: number;
  yTicks: Array<{ label: string; y: number }>;
  xTicks: Array<{ label: string; x: number }>;
  /** Labels centred on their tick (days) or starting at it (hours, which begin there). */
  xLabels: 'centred' | 'after-tick';
}

export function ChartAxes({ width, margin, baselineY, yTicks, xTicks, xLabels }: ChartAxesProps) {
  return (
    <>
      <g className="axis axis-y">
        {yTicks.map((tick) => (
          <g key={tick.label} transform={`translate(0,${tick.y})`}>
            <line className="gridline" x1={margin.left} x2={width - margin.right} />
            <text x={margin.left - 6} dy="0.32em" textAnchor="end">
              {tick.label}
            </text>
          </g>
        ))}
      </g>
      <g className="axis axis-x" transform={`translate(0,${baselineY})`}>
        <line className="baseline" x1={margin.left} x2={width - margin.right} />
        {/* Keyed by position: over a multi-year range labels such as 1/1 repeat. */}
        {xTicks.map((tick) => (
          <g key={tick.x} transform={`translate(${tick.x},0)`}>
            <line className="tick" y2={5} />
            {xLabels === 'centred' ? (
              <text y={17} textAnchor="middle">
                {tick.label}
              </text>
            ) : (
              <text x={3} y={17} textAnchor="start">
                {tick.label}
              </text>
            )}
          </g>
        ))}
      </g>
    </>
  );
}
