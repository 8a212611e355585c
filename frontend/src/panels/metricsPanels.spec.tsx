import { render, screen, within } from '@testing-library/react';
import type { PanelState } from '../live/metricsPanelsFeed';
import { makeHotspots, makeIncidence, makeRelief, makeResources, makeRtPoints, makeVenueExposure } from '../test/riskFixture';
import { ExposurePanel } from './ExposurePanel';
import { HotspotsPanel } from './HotspotsPanel';
import { ReliefPanel } from './ReliefPanel';
import { ResourcesPanel } from './ResourcesPanel';
import { RtPanel } from './RtPanel';

const loaded = <T,>(data: T): PanelState<T> => ({ data, error: null, loading: false });
const failed = <T,>(error: string): PanelState<T> => ({ data: null, error, loading: false });
const CITY = { name: '臺北市', nameEn: 'Taipei City' };
const WANHUA = { name: '萬華區', nameEn: 'Wanhua District' };

describe('RtPanel', () => {
  it('titles the chart with the area, and gives the latest estimate and the weekly growth', () => {
    render(<RtPanel area={WANHUA} rt={loaded(makeRtPoints())} incidence={loaded(makeIncidence())} from="2026-11-24" to="2026-12-03" />);
    expect(screen.getByTestId('rt-title').textContent).toBe('有效再生數 Rt — 萬華區 Wanhua District');
    expect(screen.getByTestId('rt-latest').textContent).toContain('Rt 0.95');
    expect(screen.getByTestId('rt-latest').textContent).toContain('2026-12-03');
    expect(screen.getByTestId('rt-growth').textContent).toContain('+70%');
    expect(screen.getByTestId('rt-growth').textContent).toContain('Doubling 9.1');
    expect(screen.getByTestId('rt-band')).toBeTruthy();
  });

  it('says no data yet for an empty series, and shows a failed fetch', () => {
    const empty = render(<RtPanel area={CITY} rt={loaded([])} incidence={loaded(makeIncidence())} from="2026-11-24" to="2026-12-03" />);
    expect(screen.getByTestId('rt-empty').textContent).toContain('No data yet');
    expect(screen.queryByTestId('rt-band')).toBeNull();
    empty.unmount();

    render(<RtPanel area={CITY} rt={failed('HTTP 404: Cannot GET /api/metrics/rt')} incidence={failed('HTTP 404')} from="2026-11-24" to="2026-12-03" />);
    expect(screen.getByTestId('rt-error').textContent).toContain('HTTP 404: Cannot GET /api/metrics/rt');
  });
});

describe('HotspotsPanel', () => {
  it('lists the flagged districts with observed, expected and p, the flagged villages, and venues with 2+ cases', () => {
    render(<HotspotsPanel hotspots={loaded(makeHotspots())} />);
    const districts = within(screen.getByTestId('hotspot-districts')).getAllByRole('row').slice(1);
    expect(districts).toHaveLength(1); // 大安區 was tested but not flagged
    expect(districts[0].textContent).toBe('萬華區 Wanhua District25560.5< 0.001');
    expect(screen.getByTestId('hotspot-villages').textContent).toContain('萬華區 青山里');
    expect(screen.getByTestId('hotspot-villages').textContent).toContain('0.002');
    expect(screen.getByTestId('hotspot-venues').textContent).toContain('萬華茶藝館');
  });

  it('says when nothing is flagged, and when there is no data yet', () => {
    const quiet = { ...makeHotspots(), villages: [], venues: [] };
    quiet.districts = quiet.districts.map((d) => ({ ...d, hotspot: false }));
    const view = render(<HotspotsPanel hotspots={loaded(quiet)} />);
    expect(screen.getByTestId('hotspot-districts-none').textContent).toContain('No district flagged (of 2 tested)');
    expect(screen.getByTestId('hotspot-villages-none')).toBeTruthy();
    view.unmount();

    render(<HotspotsPanel hotspots={loaded({ ...makeHotspots(), districts: [], villages: [], venues: [] })} />);
    expect(screen.getByTestId('hotspots-empty').textContent).toContain('No data yet');
  });
});

describe('ExposurePanel', () => {
  it('tabulates the top venues: name, district, cases visiting, people and persons exposed', () => {
    render(<ExposurePanel exposure={loaded(makeVenueExposure())} />);
    const rows = within(screen.getByTestId('exposure-table')).getAllByRole('row');
    expect(rows[0].textContent).toContain('Cases visiting');
    const cells = within(rows[1]).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(['萬華茶藝館 · tea house', '萬華區', '6', '58', '41']);
    expect(rows).toHaveLength(3);
  });

  it('says no data yet, or that the fetch failed', () => {
    const view = render(<ExposurePanel exposure={loaded({ ...makeVenueExposure(), venues: [] })} />);
    expect(screen.getByTestId('exposure-empty').textContent).toContain('No data yet');
    view.unmount();
    render(<ExposurePanel exposure={failed('request timed out')} />);
    expect(screen.getByTestId('exposure-error').textContent).toContain('request timed out');
  });
});

describe('ResourcesPanel', () => {
  it('shows each capacity kind’s occupancy, free capacity and runway, in a fixed order', () => {
    render(<ResourcesPanel area={CITY} resources={loaded(makeResources())} />);
    const kinds = [...screen.getByTestId('resources-panel').querySelectorAll('li.capacity-row')].map((row) => row.getAttribute('data-testid'));
    expect(kinds).toEqual(['capacity-isolation_beds', 'capacity-icu_beds', 'capacity-quarantine_rooms']);
    const icu = screen.getByTestId('capacity-icu_beds');
    expect(icu.textContent).toContain('加護病床 ICU beds');
    expect(icu.textContent).toContain('92 / 100（92%）');
    expect(screen.getByTestId('capacity-icu_beds-free').textContent).toBe('8');
    expect(screen.getByTestId('capacity-icu_beds-runway').textContent).toBe('4.0 天 days');
    expect(within(icu).getByTestId('occupancy-bar').getAttribute('class')).toContain('is-alert');
    expect(screen.getByTestId('capacity-isolation_beds-runway').textContent).toBe('未增加 not filling');
    expect(screen.getByTestId('capacity-quarantine_rooms').textContent).toContain('occupancy not reported');
  });

  it('gives each stock item its days of supply', () => {
    render(<ResourcesPanel area={CITY} resources={loaded(makeResources())} />);
    expect(screen.getByTestId('stock-rapid_tests-days').textContent).toBe('15.0');
    expect(screen.getByTestId('stock-ppe_sets-days').textContent).toBe('未消耗 not used');
  });

  it('says no data yet for a store without snapshots', () => {
    render(<ResourcesPanel area={WANHUA} resources={loaded({ ...makeResources(), capacity: [], stock: [] })} />);
    expect(screen.getByTestId('resources-empty').textContent).toContain('No data yet');
  });
});

describe('ReliefPanel', () => {
  it('sums each program over the districts, with the range of district medians', () => {
    render(<ReliefPanel area={CITY} selectedCode={null} relief={loaded(makeRelief())} />);
    const row = screen.getByTestId('relief-table').querySelector('tr[data-program="防疫補償"]')!;
    const cells = within(row as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(['防疫補償 Quarantine compensation', '50', '31', '4', '25', '15', '3.0–5.0*', '8.0–11.0*']);
    expect(screen.getByTestId('relief-panel').textContent).toContain('range across districts is shown');
  });

  it('shows the selected district’s own figures', () => {
    render(<ReliefPanel area={WANHUA} selectedCode="63000070" relief={loaded(makeRelief())} />);
    const row = screen.getByTestId('relief-table').querySelector('tr[data-program="防疫補償"]')!;
    expect(within(row as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['防疫補償 Quarantine compensation', '40', '25', '3', '20', '12', '3.0', '8.0']);
  });

  it('says no data yet, or that the fetch failed', () => {
    const view = render(<ReliefPanel area={CITY} selectedCode={null} relief={loaded({ ...makeRelief(), rows: [] })} />);
    expect(screen.getByTestId('relief-empty').textContent).toContain('No data yet');
    view.unmount();
    render(<ReliefPanel area={CITY} selectedCode={null} relief={failed('HTTP 500')} />);
    expect(screen.getByTestId('relief-error').textContent).toContain('HTTP 500');
  });
});
