import { render } from '@testing-library/react';
import { makeOverview } from '../test/overviewFixture';
import { HourlyBars } from './HourlyBars';

const overview = makeOverview();

function renderHourly(hours = overview.city.checkinsHourly) {
  return render(<HourlyBars hours={hours} from={overview.checkinsFrom} to={overview.checkinsTo} label="每小時簽到 Check-ins per hour" />);
}

describe('HourlyBars', () => {
  it('draws one bar per hour, taller for busier hours, inside the chart', () => {
    const { getByTestId } = renderHourly();
    const bars = [...getByTestId('checkins-chart').querySelectorAll('rect[data-hour]')];
    expect(bars).toHaveLength(6);
    const heights = bars.map((bar) => Number(bar.getAttribute('height')));
    expect(heights).toEqual([...heights].sort((a, b) => a - b));
    expect(heights[0]).toBeGreaterThan(0);
    for (const bar of bars) {
      const x = Number(bar.getAttribute('x'));
      expect(x).toBeGreaterThanOrEqual(48);
      expect(x + Number(bar.getAttribute('width'))).toBeLessThanOrEqual(640 - 12 + 0.01);
    }
  });

  it('puts the window’s last hour at the right edge', () => {
    const { getByTestId } = renderHourly();
    const last = getByTestId('checkins-chart').querySelector('rect[data-hour="2026-12-03T13:00:00+08:00"]')!;
    const rightEdge = Number(last.getAttribute('x')) + Number(last.getAttribute('width'));
    expect(Math.abs(rightEdge - (640 - 12))).toBeLessThanOrEqual(0.5); // 0.5 is the gap between bars
  });

  it('names each hour in Taipei time with check-ins and people', () => {
    const { getByTestId } = renderHourly();
    const first = getByTestId('checkins-chart').querySelector('rect[data-hour]');
    expect(first?.querySelector('title')?.textContent).toBe('2026-12-03 08:00：200 次簽到 check-ins · 280 人 people');
  });

  it('labels Taipei midnights on the time axis', () => {
    const { getByTestId } = renderHourly();
    const labels = [...getByTestId('checkins-chart').querySelectorAll('.axis-x text')].map((text) => text.textContent);
    expect(labels).toEqual(['11/27', '11/28', '11/29', '11/30', '12/1', '12/2', '12/3']);
  });

  it('says so when there are no check-ins', () => {
    const { getByTestId } = renderHourly([]);
    expect(getByTestId('checkins-empty')).toBeTruthy();
    expect(getByTestId('checkins-chart').querySelectorAll('rect')).toHaveLength(0);
  });
});
