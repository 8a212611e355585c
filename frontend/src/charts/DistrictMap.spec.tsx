import { fireEvent, render, within } from '@testing-library/react';
import { MapPanel } from '../panels/MapPanel';
import { HIGHEST_DISTRICT, LOWEST_DISTRICT, makeEmptyOverview, makeOverview } from '../test/overviewFixture';
import type { Overview } from '../api/overview';

function renderMap(overview: Overview = makeOverview(), selectedCode: string | null = null) {
  const clicked: string[] = [];
  let cityClicks = 0;
  const view = render(
    <MapPanel overview={overview} selectedCode={selectedCode} onDistrictClick={(code) => clicked.push(code)} onCityClick={() => cityClicks++} />,
  );
  const district = (code: string) => view.container.querySelector(`path[data-district="${code}"]`)!;
  return { ...view, clicked, cityClicks: () => cityClicks, district };
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

  it('names each district in Chinese and English with its value', () => {
    const { district } = renderMap();
    expect(district('63000070').querySelector('title')?.textContent).toBe('萬華區 Wanhua District：近7日每十萬人 48.5 per 100k (7 days)');
  });

  it('has a legend whose classes reach the highest value', () => {
    const { getByTestId } = renderMap();
    const items = within(getByTestId('map-legend')).getAllByRole('listitem');
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items[items.length - 1].textContent).toMatch(/–50$/);
  });

  it('reports clicks and keyboard activation with the district code', () => {
    const { district, clicked } = renderMap();
    fireEvent.click(district('63000070'));
    fireEvent.keyDown(district('63000100'), { key: 'Enter' });
    expect(clicked).toEqual(['63000070', '63000100']);
  });

  it('highlights the selected district', () => {
    const { district } = renderMap(makeOverview(), '63000070');
    expect(district('63000070').getAttribute('class')).toContain('is-selected');
    expect(district('63000070').getAttribute('aria-pressed')).toBe('true');
    expect(district('63000010').getAttribute('class')).not.toContain('is-selected');
  });

  it('sends the 全市 City button to the city', () => {
    const { getByRole, cityClicks } = renderMap(makeOverview(), '63000070');
    fireEvent.click(getByRole('button', { name: '全市 City' }));
    expect(cityClicks()).toBe(1);
  });

  it('still draws all 12 districts, at 0, on an empty store', () => {
    const { container, getByTestId } = renderMap(makeEmptyOverview());
    const paths = [...container.querySelectorAll('path[data-district]')];
    expect(paths).toHaveLength(12);
    expect(new Set(paths.map((path) => path.getAttribute('fill'))).size).toBe(1);
    expect(paths[0].querySelector('title')?.textContent).toContain('0.0 per 100k');
    expect(getByTestId('map-legend').textContent).toContain('No cases');
  });
});
