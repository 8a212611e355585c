import { fireEvent, render } from '@testing-library/react';
import type { DailyPoint } from '../api/overview';
import { FIXTURE_DAYS, makeOverview } from '../test/overviewFixture';
import { Epicurve, dayAtX, epicurveLayout } from './Epicurve';

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

  it('reports the day of a clicked bar', () => {
    const days: string[] = [];
    const { getByTestId } = render(
      <Epicurve daily={city.daily} from="2026-11-24" to="2026-12-03" label="x" onDayClick={(day) => days.push(day)} />,
    );
    fireEvent.click(getByTestId('epicurve').querySelector('rect[data-date="2026-11-28"]')!);
    fireEvent.click(getByTestId('epicurve').querySelector('rect[data-date="2026-11-28"] title')!);
    expect(days).toEqual(['2026-11-28', '2026-11-28']);
  });

  it('marks the map’s day with a vertical line over its bar', () => {
    const { getByTestId } = render(<Epicurve daily={city.daily} from="2026-11-24" to="2026-12-03" label="x" markerDay="2026-11-28" />);
    const marker = getByTestId('epicurve-day-marker');
    const bar = getByTestId('epicurve').querySelector('rect[data-date="2026-11-28"]')!;
    const barCentre = Number(bar.getAttribute('x')) + Number(bar.getAttribute('width')) / 2;
    expect(marker.getAttribute('data-day')).toBe('2026-11-28');
    expect(Number(/translate\(([\d.]+),0\)/.exec(marker.getAttribute('transform')!)![1])).toBeCloseTo(barCentre, 0);
    expect(marker.textContent).toContain('11/28');
  });

  it('draws no marker without a day, so the markup stays as it was', () => {
    const { getByTestId } = renderEpicurve();
    expect(getByTestId('epicurve').querySelector('[data-testid="epicurve-day-marker"]')).toBeNull();
    expect(getByTestId('epicurve').getAttribute('class')).toBe('chart epicurve');
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

describe('dayAtX', () => {
  const { bars } = epicurveLayout(city.daily, '2026-11-24', '2026-12-03', 640, 240);

  it('finds the day whose slot holds x, also above a bar’s top or in the gap beside it', () => {
    const nov28 = bars.find((bar) => bar.date === '2026-11-28')!;
    expect(dayAtX(bars, nov28.x + nov28.width / 2)).toBe('2026-11-28');
    expect(dayAtX(bars, nov28.x - 0.4)).toBe('2026-11-28');
    expect(dayAtX(bars, bars[0].x + 1)).toBe('2026-11-24');
  });

  it('is null left of the plot, right of it, and without bars', () => {
    expect(dayAtX(bars, 0)).toBeNull();
    expect(dayAtX(bars, 640 + 100)).toBeNull();
    expect(dayAtX([], 300)).toBeNull();
  });
});
