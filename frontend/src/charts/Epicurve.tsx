import { useMemo, type MouseEvent } from 'react';
import { line, scaleUtc, utcFormat } from 'd3';
import type { DailyPoint } from '../api/overview';
import { formatCount, formatRate } from '../format/numbers';
import { DAY_MS, parseDay } from '../format/time';
import { countScale, countTicks, dayDomain, round2 } from './scales';
import { ChartAxes } from './ChartAxes';

export interface EpicurveProps {
  daily: readonly DailyPoint[];
  /** The overview's range, YYYY-MM-DD: the x-axis spans it even where there are no rows. */
  from: string;
  to: string;
  /** Accessible name of the chart, e.g. "每日確診 Daily cases — 萬華區 Wanhua District". */
  label: string;
  /** Day the map shows (YYYY-MM-DD): drawn as a vertical marker. None when omitted. */
  markerDay?: string | null;
  /** Clicking a bar, or anywhere over a day, reports that day. */
  onDayClick?: (day: string) => void;
  width?: number;
  height?: number;
}

const MARGIN = { top: 12, right: 12, bottom: 26, left: 40 };
const dayTickFormat = utcFormat('%-m/%-d');

export interface EpicurveBar {
  date: string;
  x: number;
  y: number;
  width: number;
  height: number;
  cases: number;
  avg7: number;
}

export interface EpicurveLayout {
  bars: EpicurveBar[];
  avg7Path: string;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  baselineY: number;
  /** The marker of the map's day, at the centre of its bar; null when not asked for or not a date. */
  marker: { date: string; x: number; label: string } | null;
}

/** Scales and shapes of the epicurve: d3 computes, React draws. */
export function epicurveLayout(
  daily: readonly DailyPoint[],
  from: string,
  to: string,
  width: number,
  height: number,
  markerDay: string | null = null,
): EpicurveLayout {
  const points = daily.filter((point) => parseDay(point.date) !== null);
  const x = scaleUtc()
    .domain(dayDomain(points.map((point) => point.date), from, to))
    .range([MARGIN.left, width - MARGIN.right]);
  const maxCount = Math.max(0, ...points.map((point) => Math.max(point.cases, point.avg7)));
  const y = countScale(maxCount, [height - MARGIN.bottom, MARGIN.top]);
  const dayWidth = x(new Date(x.domain()[0].getTime() + DAY_MS)) - x.range()[0];
  const gap = dayWidth > 4 ? 1 : 0; // keep neighbouring bars apart unless that would erase them
  const dayCentre = (day: Date) => x(day) + dayWidth / 2;

  const bars = points.map((point) => {
    const day = parseDay(point.date)!;
    const top = y(point.cases);
    return {
      date: point.date,
      x: round2(x(day) + gap / 2),
      y: round2(top),
      width: round2(Math.max(dayWidth - gap, 0.5)),
      height: round2(y(0) - top),
      cases: point.cases,
      avg7: point.avg7,
    };
  });
  const avg7Path =
    line<DailyPoint>()
      .x((point) => dayCentre(parseDay(point.date)!))
      .y((point) => y(point.avg7))
      .digits(2)(points) ?? '';
  // ~7 date labels whatever the range length; centred on their day's bar.
  const [, domainEnd] = x.domain();
  const xTicks = x
    .ticks(7)
    .filter((tick) => tick < domainEnd)
    .map((tick) => ({ x: round2(dayCentre(tick)), label: dayTickFormat(tick) }));
  const yTicks = countTicks(y).map((tick) => ({ y: round2(y(tick)), label: formatCount(tick) }));
  const markerDate = markerDay === null ? null : parseDay(markerDay);
  const marker = markerDate ? { date: markerDay!, x: round2(dayCentre(markerDate)), label: dayTickFormat(markerDate) } : null;
  return { bars, avg7Path, xTicks, yTicks, baselineY: round2(y(0)), marker };
}

/** The day whose bar slot holds plot coordinate `x`, or null outside the bars. */
export function dayAtX(bars: readonly EpicurveBar[], x: number): string | null {
  let nearest: EpicurveBar | null = null;
  for (const bar of bars) {
    if (!nearest || Math.abs(bar.x + bar.width / 2 - x) < Math.abs(nearest.x + nearest.width / 2 - x)) nearest = bar;
  }
  // A slot is a bar plus its gap; allow a bar's width either side of the centre for thin bars.
  return nearest && Math.abs(nearest.x + nearest.width / 2 - x) <= Math.max(nearest.width, 1) ? nearest.date : null;
}

/** The marker's date label stays inside the chart at the range's first and last days. */
function markerLabelAnchor(x: number, width: number): 'start' | 'middle' | 'end' {
  if (x > width - MARGIN.right - 16) return 'end';
  return x < MARGIN.left + 16 ? 'start' : 'middle';
}

/** Where a click on the chart lands, in viewBox coordinates; null where the browser cannot say (jsdom). */
function viewBoxX(svg: SVGSVGElement, clientX: number, clientY: number): number | null {
  const toScreen = svg.getScreenCTM?.();
  if (!toScreen) return null;
  return new DOMPoint(clientX, clientY).matrixTransform(toScreen.inverse()).x;
}

/** Daily case bars with the trailing 7-day average as a line. */
export function Epicurve({ daily, from, to, label, markerDay = null, onDayClick, width = 640, height = 240 }: EpicurveProps) {
  const layout = useMemo(() => epicurveLayout(daily, from, to, width, height, markerDay), [daily, from, to, width, height, markerDay]);
  const hasCases = layout.bars.some((bar) => bar.cases > 0);

  // A bar says its own date; elsewhere (short or empty days) the pointer's x picks the day.
  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    if (!onDayClick) return;
    const barDate = (event.target as Element).closest('rect[data-date]')?.getAttribute('data-date');
    const x = barDate ? null : viewBoxX(event.currentTarget, event.clientX, event.clientY);
    const day = barDate ?? (x === null ? null : dayAtX(layout.bars, x));
    if (day) onDayClick(day);
  };

  return (
    <svg
      data-testid="epicurve"
      className={onDayClick ? 'chart epicurve is-clickable' : 'chart epicurve'}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      onClick={onDayClick ? onClick : undefined}
    >
      <ChartAxes width={width} margin={MARGIN} baselineY={layout.baselineY} yTicks={layout.yTicks} xTicks={layout.xTicks} xLabels="centred" />
      {hasCases ? (
        <>
          <g className="bars">
            {layout.bars.map((bar) => (
              <rect key={bar.date} data-date={bar.date} x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
                <title>{`${bar.date}：${formatCount(bar.cases)} 例 cases · 7日平均 7-day avg ${formatRate(bar.avg7)}`}</title>
              </rect>
            ))}
          </g>
          <path data-testid="epicurve-avg7" className="avg7-line" d={layout.avg7Path} />
        </>
      ) : (
        <text data-testid="epicurve-empty" className="empty-state" x={width / 2} y={height / 2} textAnchor="middle">
          此期間尚無病例 No cases in this period
        </text>
      )}
      {layout.marker && (
        <g data-testid="epicurve-day-marker" data-day={layout.marker.date} className="day-marker" transform={`translate(${layout.marker.x},0)`}>
          <line y1={MARGIN.top} y2={layout.baselineY} />
          <text y={MARGIN.top - 2} textAnchor={markerLabelAnchor(layout.marker.x, width)}>
            {layout.marker.label}
          </text>
          <title>{`地圖日期 Map day ${layout.marker.date}`}</title>
        </g>
      )}
    </svg>
  );
}
