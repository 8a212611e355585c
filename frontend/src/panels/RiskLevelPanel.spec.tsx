import { fireEvent, render, screen } from '@testing-library/react';
import type { RiskLevelsAnswer } from '../api/risk';
import type { PanelState } from '../live/metricsPanelsFeed';
import { makeRiskLevels } from '../test/riskFixture';
import { RiskLevelPanel } from './RiskLevelPanel';

const loaded = (data: RiskLevelsAnswer): PanelState<RiskLevelsAnswer> => ({ data, error: null, loading: false });

function renderPanel(state: PanelState<RiskLevelsAnswer> = loaded(makeRiskLevels()), selectedCode: string | null = null) {
  const clicked: string[] = [];
  const view = render(<RiskLevelPanel riskLevels={state} selectedCode={selectedCode} onDistrictClick={(code) => clicked.push(code)} />);
  return { ...view, clicked };
}

describe('RiskLevelPanel', () => {
  it('shows the city’s level in Chinese and English, in its colour, and why', () => {
    renderPanel();
    const level = screen.getByTestId('risk-level');
    expect(level.getAttribute('data-level')).toBe('2');
    expect(level.textContent).toBe('高 High');
    expect(level.style.background).toBe('rgb(240, 140, 0)'); // high: orange
    expect(screen.getByTestId('risk-reason').textContent).toBe('依據每十萬人新增病例 12.3 · driven by new cases per 100k: 12.3');
  });

  it('shows the rule version the level was judged by', () => {
    renderPanel();
    expect(screen.getByTestId('risk-rules').textContent).toContain('Rule version v1');
    expect(screen.getByTestId('risk-rules').textContent).toContain('2020-01-01');
  });

  it('shows the selected district’s level with its own reason, Rt to two decimals', () => {
    renderPanel(undefined, '63000070');
    expect(screen.getByTestId('risk-level').getAttribute('data-level')).toBe('3');
    expect(screen.getByTestId('risk-level').textContent).toBe('嚴重 Critical');
    expect(screen.getByTestId('risk-reason').textContent).toContain('driven by Rt: 1.52');
  });

  it('quotes ICU occupancy as a percentage', () => {
    const answer = makeRiskLevels();
    answer.city = { ...answer.city, level: 4, label: 'extreme', drivenBy: { metric: 'icu_occupancy', value: 0.934 } };
    renderPanel(loaded(answer));
    expect(screen.getByTestId('risk-level').style.background).toBe('rgb(123, 30, 43)'); // extreme: maroon
    expect(screen.getByTestId('risk-reason').textContent).toContain('driven by ICU occupancy: 93%');
  });

  it('says so when no metric has a value for the area', () => {
    const answer = makeRiskLevels();
    answer.districts[0] = { ...answer.districts[0], level: 0, label: 'low', drivenBy: null };
    renderPanel(loaded(answer), answer.districts[0].area.code);
    expect(screen.getByTestId('risk-reason').textContent).toBe('尚無指標數值 No metric has a value yet');
  });

  it('lists the 12 districts’ levels, the selected one pressed, and reports a click', () => {
    const { clicked } = renderPanel(undefined, '63000070');
    const items = screen.getAllByRole('button');
    expect(items).toHaveLength(12);
    const wanhua = screen.getByTestId('risk-district-63000070');
    expect(wanhua.getAttribute('data-level')).toBe('3');
    expect(wanhua.getAttribute('aria-pressed')).toBe('true');
    expect(wanhua.textContent).toContain('萬華區');
    fireEvent.click(screen.getByTestId('risk-district-63000010'));
    expect(clicked).toEqual(['63000010']);
  });

  it('shows loading, no data yet (an empty store) and a failed fetch', () => {
    const loading = renderPanel({ data: null, error: null, loading: true });
    expect(screen.getByTestId('risk-loading')).toBeTruthy();
    loading.unmount();

    const empty = makeRiskLevels();
    for (const area of [empty.city, ...empty.districts]) {
      Object.assign(area, { level: 0, label: 'low', drivenBy: null, metrics: area.metrics.map((m) => ({ ...m, value: null, level: null })) });
    }
    const none = renderPanel(loaded(empty));
    expect(screen.getByTestId('risk-empty').textContent).toContain('No data yet');
    expect(screen.queryByTestId('risk-level')).toBeNull();
    none.unmount();

    renderPanel({ data: null, error: 'HTTP 503: store is starting', loading: false });
    expect(screen.getByTestId('risk-error').textContent).toContain('HTTP 503: store is starting');
  });

  it('keeps the last levels with a note when a refresh fails', () => {
    renderPanel({ data: makeRiskLevels(), error: 'HTTP 502', loading: false });
    expect(screen.getByTestId('risk-stale').textContent).toContain('HTTP 502');
    expect(screen.getByTestId('risk-level')).toBeTruthy();
  });
});
