import { fireEvent, render, within } from '@testing-library/react';
import { MapPanel } from '../panels/MapPanel';
import { HIGHEST_DISTRICT, LOWEST_DISTRICT, MOST_CASES_DISTRICT, makeEmptyOverview, makeOverview } from '../test/overviewFixture';
import type { Overview } from '../api/overview';
import type { MapMode } from '../view/viewState';

interface MapOptions {
  overview?: Overview;
  selectedCode?: string | null;
  mapMode?: MapMode;
  mapDay?: string;
}

function renderMap({ overview = makeOverview(), selectedCode = null, mapMode = '7day-per100k', mapDay = overview.to }: MapOptions = {}) {
  const clicked: string[] = [];
  const modes: MapMode[] = [];
  const days: string[] = [];
  let cityClicks = 0;
  const view = render(
    <MapPanel
      overview={overview}
      mapMode={mapMode}
      mapDay={mapDay}
      selectedCode={selectedCode}
      onDistrictClick={(code) => clicked.push(code)}
      onCityClick={() => cityClicks++}
      onMapModeChange={(mode) => modes.push(mode)}
      onMapDayChange={(day) => days.push(day)}
    />,
  );
  const district = (code: string) => view.container.querySelector(`path[data-district="${code}"]`)!;
  const valueOf = (code: string) => Number(district(code).getAttribute('data-value'));
  return { ...view, clicked, modes, days, cityClicks: () => cityClicks, district, valueOf };
}

describe('district map', () => {
  it('draws the 12 Taipei districts', () => {
    const { container } = renderMap();
    const paths = container.querySelectorAll('path[data-district]');
    expect(paths).toHaveLength(12);
    for (const path of paths) expect(path.getAttribute('d')).toMatch(/^M/);
  });

  it('shades the highest district differently from the lowest', () => {
    const { district } = renderMap();
    const highest = district(HIGHEST_DISTRICT).getAttribute('fill');
    const lowest = district(LOWEST_DISTRICT).getAttribute('fill');
    expect(highest).toBeTruthy();
    expect(lowest).toBeTruthy();
    expect(highest).not.toBe(lowest);
  });

  it('names each district in Chinese and English with the metric, its day and the value', () => {
    const { district } = renderMap();
    const label = '萬華區 Wanhua District：7日每十萬人 7-day per 100k（截至 ending 2026-12-03）：150.0';
    expect(district('63000070').querySelector('title')?.textContent).toBe(label);
    expect(district('63000070').getAttribute('aria-label')).toBe(label);
  });

  it('puts the value shown on each path, per mode', () => {
    const sevenDay = renderMap({ mapDay: '2026-11-28' });
    expect(sevenDay.valueOf(HIGHEST_DISTRICT)).toBeCloseTo(55.8824, 10);
    sevenDay.unmount();

    const cases = renderMap({ mapMode: 'range-cases' });
    expect(cases.valueOf(HIGHEST_DISTRICT)).toBe(285);
    expect(cases.valueOf(MOST_CASES_DISTRICT)).toBe(342);
    expect(cases.district(HIGHEST_DISTRICT).querySelector('title')?.textContent).toBe(
      '萬華區 Wanhua District：區間病例 Cases in range（2026-11-24 – 2026-12-03）：285',
    );
    cases.unmount();

    const perCapita = renderMap({ mapMode: 'range-per100k' });
    expect(perCapita.valueOf(HIGHEST_DISTRICT)).toBeCloseTo(167.647058823529, 10);
    expect(perCapita.valueOf(LOWEST_DISTRICT)).toBe(38);
  });

  it('has a legend titled with the metric whose classes reach the highest value', () => {
    const { getByTestId } = renderMap({ mapMode: 'range-cases' });
    expect(getByTestId('map-legend').querySelector('figcaption')?.textContent).toBe('區間病例 Cases in range（2026-11-24 – 2026-12-03）');
    const items = within(getByTestId('map-legend')).getAllByRole('listitem');
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items[items.length - 1].textContent).toMatch(/–350$/); // above the most cases, 342
  });

  it('offers the three modes, the chosen one pressed, and a day input in the 7-day mode only', () => {
    const sevenDay = renderMap();
    expect(sevenDay.getByTestId('map-mode-7day-per100k').getAttribute('aria-pressed')).toBe('true');
    expect(sevenDay.getByTestId('map-mode-range-cases').getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(sevenDay.getByTestId('map-mode-range-per100k'));
    expect(sevenDay.modes).toEqual(['range-per100k']);
    fireEvent.change(sevenDay.getByTestId('map-day'), { target: { value: '2026-11-30' } });
    fireEvent.change(sevenDay.getByTestId('map-day'), { target: { value: '2026-11-01' } }); // outside the range
    expect(sevenDay.days).toEqual(['2026-11-30']);
    sevenDay.unmount();

    expect(renderMap({ mapMode: 'range-cases' }).queryByTestId('map-day')).toBeNull();
  });

  it('points to the range’s cases when the 7 days to the map day had none', () => {
    const overview = makeOverview();
    for (const area of overview.districts) area.daily = area.daily.map((point) => ({ ...point, avg7: 0, avg7Per100k: 0 }));
    const { getByTestId, modes } = renderMap({ overview });
    fireEvent.click(within(getByTestId('map-quiet-day')).getByRole('button'));
    expect(modes).toEqual(['range-cases']);
  });

  it('reports clicks and keyboard activation with the district code', () => {
    const { district, clicked } = renderMap();
    fireEvent.click(district('63000070'));
    fireEvent.keyDown(district('63000100'), { key: 'Enter' });
    expect(clicked).toEqual(['63000070', '63000100']);
  });

  it('highlights the selected district', () => {
    const { district } = renderMap({ selectedCode: '63000070' });
    expect(district('63000070').getAttribute('class')).toContain('is-selected');
    expect(district('63000070').getAttribute('aria-pressed')).toBe('true');
    expect(district('63000010').getAttribute('class')).not.toContain('is-selected');
  });

  it('sends the 全市 City button to the city', () => {
    const { getByRole, cityClicks } = renderMap({ selectedCode: '63000070' });
    fireEvent.click(getByRole('button', { name: '全市 City' }));
    expect(cityClicks()).toBe(1);
  });

  it('still draws all 12 districts, at 0, on an empty store', () => {
    const { container, getByTestId, queryByTestId } = renderMap({ overview: makeEmptyOverview() });
    const paths = [...container.querySelectorAll('path[data-district]')];
    expect(paths).toHaveLength(12);
    expect(new Set(paths.map((path) => path.getAttribute('fill'))).size).toBe(1);
    expect(paths.every((path) => path.getAttribute('data-value') === '0')).toBe(true);
    expect(paths[0].querySelector('title')?.textContent).toMatch(/7-day per 100k.*：0\.0$/);
    expect(getByTestId('map-legend').textContent).toContain('No cases');
    expect(queryByTestId('map-quiet-day')).toBeNull(); // nothing anywhere: no pointer to elsewhere
  });
});
