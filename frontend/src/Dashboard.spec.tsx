import { fireEvent, render, screen } from '@testing-library/react';
import { StatefulDashboard as Dashboard } from './test/StatefulDashboard';
import { HIGHEST_DISTRICT, makeEmptyOverview, makeOverview } from './test/overviewFixture';

const districtPath = (container: HTMLElement, code: string) => container.querySelector(`path[data-district="${code}"]`)!;

describe('Dashboard', () => {
  it('shows the city until a district is clicked, then that district', () => {
    const { container } = render(<Dashboard overview={makeOverview()} />);
    expect(screen.getByTestId('epicurve-title').textContent).toBe('每日確診 Daily cases — 臺北市 Taipei City');

    fireEvent.click(districtPath(container, '63000070'));

    expect(screen.getByTestId('epicurve-title').textContent).toBe('每日確診 Daily cases — 萬華區 Wanhua District');
    expect(screen.getByTestId('checkins-title').textContent).toContain('萬華區 Wanhua District');
    expect(screen.getByTestId('summary-last7').textContent).toBe('150.0');
    expect(districtPath(container, '63000070').getAttribute('aria-pressed')).toBe('true');
  });

  it('charts the selected district’s own numbers', () => {
    const overview = makeOverview();
    const { container } = render(<Dashboard overview={overview} />);
    const tallestBar = () => Math.max(...[...screen.getByTestId('epicurve').querySelectorAll('rect')].map((bar) => Number(bar.getAttribute('height'))));
    const cityBarTitle = screen.getByTestId('epicurve').querySelector('rect[data-date="2026-12-01"] title')?.textContent;

    fireEvent.click(districtPath(container, '63000010'));

    const districtBarTitle = screen.getByTestId('epicurve').querySelector('rect[data-date="2026-12-01"] title')?.textContent;
    expect(districtBarTitle).toContain('2026-12-01：12 例 cases');
    expect(districtBarTitle).not.toBe(cityBarTitle);
    expect(tallestBar()).toBeGreaterThan(0);
    expect(screen.getByTestId('summary-population').textContent).toBe('150,000');
  });

  it('goes back to the city when the selected district is clicked again', () => {
    const { container } = render(<Dashboard overview={makeOverview()} />);
    fireEvent.click(districtPath(container, '63000070'));
    fireEvent.click(districtPath(container, '63000070'));
    expect(screen.getByTestId('epicurve-title').textContent).toContain('臺北市 Taipei City');
  });

  it('goes back to the city from the 全市 City button', () => {
    const { container } = render(<Dashboard overview={makeOverview()} />);
    fireEvent.click(districtPath(container, '63000110'));
    expect(screen.getByTestId('epicurve-title').textContent).toContain('士林區 Shilin District');
    fireEvent.click(screen.getByRole('button', { name: '全市 City' }));
    expect(screen.getByTestId('epicurve-title').textContent).toContain('臺北市 Taipei City');
  });

  it('keeps the selection when a live update arrives', () => {
    const { container, rerender } = render(<Dashboard overview={makeOverview()} />);
    fireEvent.click(districtPath(container, '63000070'));
    rerender(<Dashboard overview={makeOverview({ version: 1764760806000 })} />);
    expect(screen.getByTestId('epicurve-title').textContent).toContain('萬華區 Wanhua District');
  });

  it('renders an empty store: 12 districts at 0 and empty charts, for the city and a district', () => {
    const { container } = render(<Dashboard overview={makeEmptyOverview()} />);
    expect(container.querySelectorAll('path[data-district]')).toHaveLength(12);
    expect(screen.getByTestId('epicurve-empty')).toBeTruthy();
    expect(screen.getByTestId('checkins-empty')).toBeTruthy();
    expect(screen.getByTestId('summary-total-cases').textContent).toBe('0');

    fireEvent.click(districtPath(container, '63000070'));
    expect(screen.getByTestId('epicurve-title').textContent).toContain('萬華區 Wanhua District');
    expect(screen.getByTestId('epicurve-empty')).toBeTruthy();
    expect(screen.getByTestId('summary-population').textContent).toBe('—');
  });

  it('maps the day of a clicked epicurve bar, in the 7-day mode, and marks it on the curve', () => {
    const { container } = render(<Dashboard overview={makeOverview()} initialView={{ mapMode: 'range-cases' }} />);
    const epicurve = screen.getByTestId('epicurve');
    expect(screen.queryByTestId('epicurve-day-marker')).toBeNull(); // a range-wide map has no day
    expect(districtPath(container, HIGHEST_DISTRICT).getAttribute('data-value')).toBe('285');

    fireEvent.click(epicurve.querySelector('rect[data-date="2026-11-28"]')!);

    expect(screen.getByTestId('map-mode-7day-per100k').getAttribute('aria-pressed')).toBe('true');
    expect(Number(districtPath(container, HIGHEST_DISTRICT).getAttribute('data-value'))).toBeCloseTo(55.8824, 10);
    expect(screen.getByTestId('map-legend').textContent).toContain('截至 ending 2026-11-28');
    expect(screen.getByTestId('epicurve-day-marker').getAttribute('data-day')).toBe('2026-11-28');
    expect((screen.getByTestId('map-day') as HTMLInputElement).value).toBe('2026-11-28');
  });

  it('marks the range’s last day on the curve when the 7-day map has no day chosen', () => {
    render(<Dashboard overview={makeOverview()} />);
    expect(screen.getByTestId('epicurve-day-marker').getAttribute('data-day')).toBe('2026-12-03');
  });

  it('keeps the map mode and day across a selection and a live update', () => {
    const { container, rerender } = render(<Dashboard overview={makeOverview()} initialView={{ mapDay: '2026-11-28' }} />);
    fireEvent.click(districtPath(container, HIGHEST_DISTRICT));
    rerender(<Dashboard overview={makeOverview({ version: 1764760806000 })} initialView={{ mapDay: '2026-11-28' }} />);
    expect(screen.getByTestId('epicurve-day-marker').getAttribute('data-day')).toBe('2026-11-28');
    expect(screen.getByTestId('epicurve-title').textContent).toContain('萬華區 Wanhua District');
  });

  it('puts the risk and resource panels below, following the selected area', () => {
    const { container } = render(<Dashboard overview={makeOverview()} />);
    for (const id of ['rt-panel', 'hotspots-panel', 'exposure-panel', 'resources-panel', 'relief-panel']) expect(screen.getByTestId(id)).toBeTruthy();
    expect(screen.getByTestId('rt-title').textContent).toContain('臺北市 Taipei City');
    expect(screen.getByTestId('risk-level').getAttribute('data-level')).toBe('2');

    fireEvent.click(districtPath(container, HIGHEST_DISTRICT));
    expect(screen.getByTestId('rt-title').textContent).toContain('萬華區 Wanhua District');
    expect(screen.getByTestId('risk-level').getAttribute('data-level')).toBe('3');

    // The district list selects too, and a second click goes back to the city.
    fireEvent.click(screen.getByTestId('risk-district-63000070'));
    expect(screen.getByTestId('epicurve-title').textContent).toContain('臺北市 Taipei City');
    expect(screen.getByTestId('risk-reason').textContent).toContain('driven by new cases per 100k: 12.3');
  });
});
