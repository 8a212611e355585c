import { render } from '@testing-library/react';
import type { DailyPoint } from '../api/overview';
import { FIXTURE_DAYS, makeOverview } from '../test/overviewFixture';
import { Epicurve, epicurveLayout } from './Epicurve';

const city = makeOverview().city;

function renderEpicurve(daily: DailyPoint[] = city.daily) {
  return render(<Epicurve daily={daily} from="2026-11-24" to="2026-12-03" label="每日確診 Daily cases — 臺北市 Taipei City" />);
}

describe('Epicurve', () => {
  it('draws one bar per day, tagged with its date, and the 7-day average line', () => {
    const { getByTestId } = renderEpicurve();
    const svg = getByTestId('epicurve');
    const bars = svg.querySelectorAll('rect[data-date]');
    expect([...bars].map((bar) => bar.getAttribute('data-date'))).toEqual(FIXTURE_DAYS);
    const line = getByTestId('epicurve-avg7');
    expect(line.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){9}$/);
  });

  it('makes the busiest day the tallest bar and places days left to right', () => {
    const { getByTestId } = renderEpicurve();
    const bars = [...getByTestId('epicurve').querySelectorAll('rect[data-date]')];
    const heights = bars.map((bar) => Number(bar.getAttribute('height')));
    const busiest = city.daily.reduce((best, point, i) => (point.cases > city.daily[best].cases ? i : best), 0);
    expect(heights.indexOf(Math.max(...heights))).toBe(busiest);
    const xs = bars.map((bar) => Number(bar.getAttribute('x')));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('labels each bar with its date and count', () => {
    const { getByTestId } = renderEpicurve();
    const bar = getByTestId('epicurve').querySelector('rect[data-date="2026-12-01"]');
    expect(bar?.querySelector('title')?.textContent).toContain('2026-12-01：240 例 cases');
  });

  it('shows an empty-state message instead of bars when there are no cases', () => {
    for (const daily of [[], city.daily.map((point) => ({ ...point, cases: 0, avg7: 0 }))]) {
      const { getByTestId, unmount } = renderEpicurve(daily);
      expect(getByTestId('epicurve-empty').textContent).toContain('No cases');
      expect(getByTestId('epicurve').querySelectorAll('rect')).toHaveLength(0);
      unmount();
    }
  });

  it('matches the committed SVG snapshot', () => {
    const { getByTestId } = renderEpicurve();
    expect(getByTestId('epicurve')).toMatchSnapshot();
  });
});

describe('epicurveLayout', () => {
  it('spans the whole range even when days are missing', () => {
    const layout = epicurveLayout([{ date: '2026-11-30', cases: 3, avg7: 1, avg7Per100k: 0.1 }], '2026-11-24', '2026-12-03', 640, 240);
    const [bar] = layout.bars;
    // 2026-11-30 is day 7 of 10: its bar starts about 60% of the way across the plot.
    const plotWidth = 640 - 40 - 12;
    expect((bar.x - 40) / plotWidth).toBeCloseTo(0.6, 1);
  });
});
