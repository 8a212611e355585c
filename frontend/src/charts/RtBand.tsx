import { useMemo } from 'react';
import { area, line, scaleLinear, scaleUtc, utcFormat } from 'd3';
import type { RtPoint } from '../api/risk';
import { formatBound, formatCount } from '../format/numbers';
import { DAY_MS, parseDay } from '../format/time';
import { dayDomain, round2 } from './scales';
import { ChartAxes } from './ChartAxes';

export interface RtBandProps {
  points: readonly RtPoint[];
  /** The range shown, YYYY-MM-DD: the x-axis spans it even where there are no points. */
  from: string;
  to: string;
  /** Accessible name of the chart. */
  label: string;
  width?: number;
  height?: number;
}

const MARGIN = { top: 12, right: 12, bottom: 26, left: 40 };
/**
 * Highest Rt the axis shows. The first windows of a wave can estimate 20 or 30, which would
 * flatten everything near R = 1 that decisions turn on; above this the shapes are clamped and
 * the chart says so (tooltips keep the exact values).
 */
export const RT_AXIS_CAP = 4;
const dayTickFormat = utcFormat('%-m/%-d');

/** A point with a usable estimate: a mean and both bounds, and not marked too uncertain. */
export type RtEstimate = RtPoint & { mean: number; lower: number; upper: number };

export function isRtEstimate(point: RtPoint): point is RtEstimate {
  return (
    !point.insufficient &&
    [point.mean, point.lower, point.upper].every((value) => typeof value === 'number' && Number.isFinite(value)) &&
    parseDay(point.date) !== null
  );
}

/** The newest window with a usable estimate, or null. */
export function latestRtEstimate(points: readonly RtPoint[]): RtEstimate | null {
  const estimates = points.filter(isRtEstimate);
  return estimates.reduce<RtEstimate | null>((latest, point) => (latest === null || point.date > latest.date ? point : latest), null);
}

export function describeRtPoint(point: RtPoint): string {
  const cases = `本地病例 local cases ${formatCount(point.localCases)}`;
  if (isRtEstimate(point)) {
    return `${point.date}：Rt ${point.mean.toFixed(2)}（95% ${point.lower.toFixed(2)}–${point.upper.toFixed(2)}）· ${cases}`;
  }
  return `${point.date}：無估計 no estimate（${point.insufficient ?? '資料不足 not enough data'}）· ${cases}`;
}

export interface RtBandColumn {
  date: string;
  x: number;
  width: number;
  estimate: boolean;
  title: string;
}

export interface RtBandLayout {
  /** 95% band, lower..upper, one sub-path per run of consecutive estimates. */
  bandPath: string;
  meanPath: string;
  /** Estimates with no estimate either side: a line of one point would not show, a dot and its interval do. */
  isolated: { date: string; x: number; y: number; lowerY: number; upperY: number }[];
  /** One column per window end date, for its tooltip and for tests. */
  columns: RtBandColumn[];
  referenceY: number;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  baselineY: number;
  hasEstimates: boolean;
  /** Some estimate reaches above the axis (RT_AXIS_CAP). */
  capped: boolean;
}

/**
 * Orders the points by date and puts a `null` where a day is missing, so neither shape bridges
 * a day the API gave no point for.
 */
function withDayGaps(points: readonly RtPoint[]): Array<RtPoint | null> {
  const dated = points.filter((point) => parseDay(point.date) !== null).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: Array<RtPoint | null> = [];
  dated.forEach((point, i) => {
    if (i > 0 && parseDay(point.date)!.getTime() - parseDay(dated[i - 1].date)!.getTime() > DAY_MS) out.push(null);
    out.push(point);
  });
  return out;
}

/** Scales and shapes of the Rt chart: d3 computes, React draws. */
export function rtBandLayout(points: readonly RtPoint[], from: string, to: string, width: number, height: number): RtBandLayout {
  const sequence = withDayGaps(points);
  const dated = sequence.filter((point): point is RtPoint => point !== null);
  const estimates = dated.filter(isRtEstimate);
  const x = scaleUtc()
    .domain(dayDomain(dated.map((point) => point.date), from, to))
    .range([MARGIN.left, width - MARGIN.right]);
  const dayWidth = x(new Date(x.domain()[0].getTime() + DAY_MS)) - x.range()[0];
  const dayCentre = (date: string) => x(parseDay(date)!) + dayWidth / 2;

  const maxUpper = Math.max(0, ...estimates.map((point) => point.upper));
  const top = Math.min(Math.max(2, maxUpper), RT_AXIS_CAP);
  const y = scaleLinear()
    .domain([0, top])
    .range([height - MARGIN.bottom, MARGIN.top])
    .nice(4)
    .clamp(true);

  const defined = (point: RtPoint | null): point is RtEstimate => point !== null && isRtEstimate(point);
  const bandPath =
    area<RtPoint | null>()
      .defined(defined)
      .x((point) => dayCentre(point!.date))
      .y0((point) => y(point!.lower!))
      .y1((point) => y(point!.upper!))
      .digits(2)(sequence) ?? '';
  const meanPath =
    line<RtPoint | null>()
      .defined(defined)
      .x((point) => dayCentre(point!.date))
      .y((point) => y(point!.mean!))
      .digits(2)(sequence) ?? '';
  const isolated = sequence.flatMap((point, i) =>
    defined(point) && !defined(sequence[i - 1] ?? null) && !defined(sequence[i + 1] ?? null)
      ? [{ date: point.date, x: round2(dayCentre(point.date)), y: round2(y(point.mean)), lowerY: round2(y(point.lower)), upperY: round2(y(point.upper)) }]
      : [],
  );
  const columns = dated.map((point) => ({
    date: point.date,
    x: round2(x(parseDay(point.date)!)),
    width: round2(Math.max(dayWidth, 0.5)),
    estimate: isRtEstimate(point),
    title: describeRtPoint(point),
  }));

  const [, domainEnd] = x.domain();
  const xTicks = x
    .ticks(7)
    .filter((tick) => tick < domainEnd)
    .map((tick) => ({ x: round2(x(tick) + dayWidth / 2), label: dayTickFormat(tick) }));
  const yTicks = y.ticks(4).map((tick) => ({ y: round2(y(tick)), label: formatBound(tick) }));
  return {
    bandPath,
    meanPath,
    isolated,
    columns,
    referenceY: round2(y(1)),
    xTicks,
    yTicks,
    baselineY: round2(y(0)),
    hasEstimates: estimates.length > 0,
    capped: maxUpper > y.domain()[1],
  };
}

/** Rt over window end dates: the posterior mean as a line in its 95% band, with R = 1 dashed; gaps where there is no estimate. */
export function RtBand({ points, from, to, label, width = 640, height = 220 }: RtBandProps) {
  const layout = useMemo(() => rtBandLayout(points, from, to, width, height), [points, from, to, width, height]);
  const plotTop = MARGIN.top;
  const plotHeight = layout.baselineY - plotTop;

  return (
    <svg data-testid="rt-chart" className="chart rt-band" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <ChartAxes width={width} margin={MARGIN} baselineY={layout.baselineY} yTicks={layout.yTicks} xTicks={layout.xTicks} xLabels="centred" />
      {layout.hasEstimates && (
        <>
          <path data-testid="rt-band" className="rt-band-area" d={layout.bandPath} />
          <path data-testid="rt-mean" className="rt-mean-line" d={layout.meanPath} />
          {layout.isolated.map((point) => (
            <g key={point.date} className="rt-point" data-date={point.date}>
              <line className="rt-point-interval" x1={point.x} x2={point.x} y1={point.lowerY} y2={point.upperY} />
              <circle cx={point.x} cy={point.y} r={2.5} />
            </g>
          ))}
        </>
      )}
      <g data-testid="rt-reference" className="rt-reference" transform={`translate(0,${layout.referenceY})`}>
        <line x1={MARGIN.left} x2={width - MARGIN.right} />
        {/* At the left, where a new range usually has no estimate yet; the halo keeps it legible over the band. */}
        <text x={MARGIN.left + 4} dy="-0.35em" textAnchor="start">
          R = 1
        </text>
      </g>
      <g className="rt-columns">
        {layout.columns.map((column) => (
          <rect
            key={column.date}
            data-date={column.date}
            data-estimate={column.estimate}
            x={column.x}
            y={plotTop}
            width={column.width}
            height={round2(Math.max(plotHeight, 0))}
            fill="transparent"
          >
            <title>{column.title}</title>
          </rect>
        ))}
      </g>
      {layout.capped && (
        <text data-testid="rt-capped" className="rt-capped" x={width - MARGIN.right} y={MARGIN.top} dy="0.9em" textAnchor="end">
          {`超過 ${RT_AXIS_CAP} 者截於頂端 Above ${RT_AXIS_CAP}: clipped at the top`}
        </text>
      )}
      {!layout.hasEstimates && (
        <text data-testid="rt-empty" className="empty-state" x={width / 2} y={height / 2} textAnchor="middle">
          病例不足，尚無 Rt 估計 Not enough cases to estimate Rt
        </text>
      )}
    </svg>
  );
}
