import { render } from '@testing-library/react';
import type { RtPoint } from '../api/risk';
import { makeRtPoints } from '../test/riskFixture';
import { RtBand, isRtEstimate, latestRtEstimate, rtBandLayout } from './RtBand';

const FROM = '2026-11-24';
const TO = '2026-12-03';

function renderRt(points: RtPoint[] = makeRtPoints()) {
  return render(<RtBand points={points} from={FROM} to={TO} label="有效再生數 Rt — 臺北市 Taipei City" />);
}

/** The sub-paths of a d3 path string: each starts with M. */
const subPaths = (d: string | null) => (d ?? '').split('M').filter(Boolean);

const estimate = (date: string, mean: number): RtPoint => ({ date, mean, median: mean, lower: mean - 0.2, upper: mean + 0.3, localCases: 20 });
const none = (date: string, insufficient?: string): RtPoint => ({ date, mean: null, median: null, lower: null, upper: null, localCases: 2, ...(insufficient ? { insufficient } : {}) });

describe('RtBand', () => {
  it('draws the band and the mean line with a gap wherever there is no estimate', () => {
    const { getByTestId } = renderRt();
    // Estimates on 11-26..28, 11-30 (alone) and 12-02..03: three runs.
    expect(subPaths(getByTestId('rt-band').getAttribute('d'))).toHaveLength(3);
    expect(subPaths(getByTestId('rt-mean').getAttribute('d'))).toHaveLength(3);
  });

  it('marks a lone estimate with a dot and its interval, since a line of one point does not show', () => {
    const { getByTestId } = renderRt();
    const marks = [...getByTestId('rt-chart').querySelectorAll('.rt-point')];
    expect(marks.map((mark) => mark.getAttribute('data-date'))).toEqual(['2026-11-30']);
    const interval = marks[0].querySelector('line')!;
    const dotY = Number(marks[0].querySelector('circle')!.getAttribute('cy'));
    expect(Number(interval.getAttribute('y1'))).toBeGreaterThan(dotY); // lower bound: further down the screen
    expect(Number(interval.getAttribute('y2'))).toBeLessThan(dotY);
  });

  it('does not bridge a day the API gave no point for', () => {
    const points = [estimate('2026-11-24', 1.2), estimate('2026-11-25', 1.1), estimate('2026-11-28', 1.0), estimate('2026-11-29', 0.9)];
    const layout = rtBandLayout(points, FROM, TO, 640, 220);
    expect(subPaths(layout.meanPath)).toHaveLength(2);
    expect(subPaths(layout.bandPath)).toHaveLength(2);
  });

  it('treats a point marked insufficient as no estimate even when it has numbers', () => {
    const marked: RtPoint = { ...estimate('2026-11-26', 3), insufficient: 'posterior coefficient of variation above 0.3' };
    expect(isRtEstimate(marked)).toBe(false);
    const layout = rtBandLayout([estimate('2026-11-25', 1.2), marked, estimate('2026-11-27', 1.1)], FROM, TO, 640, 220);
    expect(subPaths(layout.meanPath)).toHaveLength(2);
    expect(layout.isolated.map((point) => point.date)).toEqual(['2026-11-25', '2026-11-27']);
  });

  it('gives every window end date a column saying its estimate or why there is none', () => {
    const { getByTestId } = renderRt();
    const columns = [...getByTestId('rt-chart').querySelectorAll('rect[data-date]')];
    expect(columns).toHaveLength(10);
    const title = (date: string) => getByTestId('rt-chart').querySelector(`rect[data-date="${date}"] title`)?.textContent;
    expect(title('2026-11-27')).toBe('2026-11-27：Rt 1.60（95% 1.25–2.00）· 本地病例 local cases 11');
    expect(title('2026-11-24')).toBe('2026-11-24：無估計 no estimate（fewer than 12 local cases in the window）· 本地病例 local cases 1');
    expect(title('2026-12-01')).toContain('無估計 no estimate（資料不足 not enough data）');
    expect(getByTestId('rt-chart').querySelector('rect[data-date="2026-12-01"]')?.getAttribute('data-estimate')).toBe('false');
  });

  it('draws R = 1 as a reference line between the axis ends', () => {
    const layout = rtBandLayout(makeRtPoints(), FROM, TO, 640, 220);
    expect(layout.referenceY).toBeLessThan(layout.baselineY);
    const { getByTestId } = renderRt();
    expect(getByTestId('rt-reference').getAttribute('transform')).toBe(`translate(0,${layout.referenceY})`);
    expect(getByTestId('rt-reference').textContent).toBe('R = 1');
  });

  it('keeps R = 1 readable when an estimate soars: the axis stops at 4, the shapes are clamped, and it says so', () => {
    const points = [estimate('2026-11-24', 28), { ...estimate('2026-11-25', 1.5), upper: 14 }, estimate('2026-11-26', 1.4)];
    const layout = rtBandLayout(points, FROM, TO, 640, 220);
    expect(Math.max(...layout.yTicks.map((tick) => Number(tick.label)))).toBe(4);
    expect(layout.capped).toBe(true);
    const ys = (d: string) => d.match(/[\d.]+,([\d.]+)/g)!.map((pair) => Number(pair.split(',')[1]));
    expect(Math.min(...ys(layout.bandPath), ...ys(layout.meanPath))).toBe(12); // the top of the plot
    const { getByTestId } = renderRt(points);
    expect(getByTestId('rt-capped').textContent).toContain('Above 4');
    expect(rtBandLayout(makeRtPoints(), FROM, TO, 640, 220).capped).toBe(false);
  });

  it('says so when no window has an estimate, with no band', () => {
    for (const points of [[], [none('2026-11-24', 'fewer than 12 local cases in the window'), none('2026-11-25')]]) {
      const { getByTestId, queryByTestId, unmount } = renderRt(points);
      expect(getByTestId('rt-empty').textContent).toContain('Not enough cases to estimate Rt');
      expect(queryByTestId('rt-band')).toBeNull();
      expect(getByTestId('rt-reference')).toBeTruthy();
      unmount();
    }
  });

  it('finds the newest usable estimate', () => {
    expect(latestRtEstimate(makeRtPoints())?.date).toBe('2026-12-03');
    expect(latestRtEstimate([estimate('2026-11-25', 1.2), none('2026-11-26')])?.date).toBe('2026-11-25');
    expect(latestRtEstimate([none('2026-11-26')])).toBeNull();
  });

  it('matches the committed SVG snapshot', () => {
    const { getByTestId } = renderRt();
    expect(getByTestId('rt-chart')).toMatchSnapshot();
  });
});
