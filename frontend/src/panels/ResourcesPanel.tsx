import type { CapacityMetric, ResourceMetricsAnswer, StockMetric } from '../api/risk';
import { OccupancyBar } from '../charts/OccupancyBar';
import { formatCount, formatRate } from '../format/numbers';
import { formatDays } from '../format/stats';
import type { PanelState } from '../live/metricsPanelsFeed';
import { CAPACITY_KIND_NAMES, CAPACITY_KIND_ORDER, STOCK_ITEM_NAMES, formatPercent, inOrder, nameOf } from '../risk/labels';
import { areaTitle } from './areaTitle';
import { PanelBody } from './PanelBody';

export interface ResourcesPanelProps {
  area: { name: string; nameEn: string };
  resources: PanelState<ResourceMetricsAnswer>;
}

function CapacityRow({ metric }: { metric: CapacityMetric }) {
  const name = nameOf(CAPACITY_KIND_NAMES, metric.kind);
  const occupancy = metric.occupancy === null ? '占用未知 occupancy not reported' : formatPercent(metric.occupancy);
  return (
    <li className="capacity-row" data-testid={`capacity-${metric.kind}`}>
      <div className="capacity-name">
        {name.zh} <span className="en">{name.en}</span>
      </div>
      <OccupancyBar occupancy={metric.occupancy} label={`${name.zh} ${name.en}：${occupancy}`} />
      <div className="capacity-figures">
        <span>
          占用 Occupied <strong>{formatCount(metric.occupied)}</strong> / {formatCount(metric.total)}（{occupancy}）
        </span>
        <span>
          空餘 Free <strong data-testid={`capacity-${metric.kind}-free`}>{formatCount(metric.free)}</strong>
        </span>
        <span title={metric.trendPerDay === null ? undefined : `近7日每日變化 change per day over 7 days: ${formatRate(metric.trendPerDay)}`}>
          可撐 Runway{' '}
          <strong data-testid={`capacity-${metric.kind}-runway`}>
            {metric.runwayDays === null ? '未增加 not filling' : `${formatDays(metric.runwayDays)} 天 days`}
          </strong>
        </span>
      </div>
    </li>
  );
}

function StockTable({ stock }: { stock: StockMetric[] }) {
  return (
    <table className="data-table stock-table" data-testid="stock-table">
      <thead>
        <tr>
          <th scope="col">物資 Item</th>
          <th scope="col" className="num">存量 Quantity</th>
          <th scope="col" className="num">近7日日均用量 Daily use (7 days)</th>
          <th scope="col" className="num">可用天數 Days of supply</th>
        </tr>
      </thead>
      <tbody>
        {stock.map((item) => {
          const name = nameOf(STOCK_ITEM_NAMES, item.item);
          return (
            <tr key={item.item} data-item={item.item}>
              <td>
                {name.zh} <span className="en">{name.en}</span>
              </td>
              <td className="num">{formatCount(item.quantity)}</td>
              <td className="num">{item.avgDailyUse7 === null ? '—' : formatRate(item.avgDailyUse7)}</td>
              <td className="num" data-testid={`stock-${item.item}-days`}>
                {formatDays(item.daysOfSupply, '未消耗 not used')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ResourcesPanel({ area, resources }: ResourcesPanelProps) {
  return (
    <section className="panel resources-panel" data-testid="resources-panel" aria-labelledby="resources-heading">
      <header className="panel-header">
        <h2 id="resources-heading">醫療量能與物資 Capacity and supplies — {areaTitle(area)}</h2>
        <span className="panel-note">各設施最新回報 Latest report per facility</span>
      </header>
      <PanelBody state={resources} testId="resources" isEmpty={(answer) => answer.capacity.length === 0 && answer.stock.length === 0}>
        {(answer) => (
          <>
            {answer.capacity.length > 0 && (
              <ul className="capacity-list">
                {inOrder(answer.capacity, (metric) => metric.kind, CAPACITY_KIND_ORDER).map((metric) => (
                  <CapacityRow key={metric.kind} metric={metric} />
                ))}
              </ul>
            )}
            {answer.stock.length > 0 && <StockTable stock={answer.stock} />}
          </>
        )}
      </PanelBody>
    </section>
  );
}
