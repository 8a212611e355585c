import { DEFAULT_VIEW, parseViewState, sameRange, viewStateToSearch, type ViewState } from './viewState';
import { RANGE_PRESETS, presetFor } from './rangePresets';

describe('view state ↔ URL query', () => {
  const full: ViewState = {
    range: { from: '2021-05-01', to: '2021-07-31' },
    mapMode: 'range-per100k',
    mapDay: '2021-05-20',
    district: '63000070',
  };

  it('round-trips a full view', () => {
    const search = viewStateToSearch(full);
    expect(search).toBe('?from=2021-05-01&to=2021-07-31&map=range-per100k&day=2021-05-20&district=63000070');
    expect(parseViewState(search)).toEqual(full);
  });

  it('round-trips every combination of defaults and values', () => {
    for (const range of [null, full.range])
      for (const mapMode of ['7day-per100k', 'range-cases', 'range-per100k'] as const)
        for (const mapDay of [null, '2021-06-01'])
          for (const district of [null, '63000010']) {
            const view: ViewState = { range, mapMode, mapDay, district };
            expect(parseViewState(viewStateToSearch(view))).toEqual(view);
          }
  });

  it('writes nothing for the default view, and reads an empty query as it', () => {
    expect(viewStateToSearch(DEFAULT_VIEW)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
  });

  it('keeps a canonical query as it is', () => {
    for (const search of ['?map=range-cases', '?from=2021-01-01&to=2021-12-31&day=2021-12-31', '?district=63000120']) {
      expect(viewStateToSearch(parseViewState(search))).toBe(search);
    }
  });

  it('drops what it cannot use, except a range, which the server judges', () => {
    expect(parseViewState('?map=heat&day=2021-02-30&district=65000010')).toEqual(DEFAULT_VIEW);
    expect(parseViewState('?from=2021-05-01').range).toBeNull(); // a range needs both ends
    expect(parseViewState('?from=2021-08-01&to=2021-07-01').range).toEqual({ from: '2021-08-01', to: '2021-07-01' });
  });
});

describe('sameRange / presetFor', () => {
  it('compares ranges by their dates', () => {
    expect(sameRange(null, null)).toBe(true);
    expect(sameRange({ from: 'a', to: 'b' }, { from: 'a', to: 'b' })).toBe(true);
    expect(sameRange({ from: 'a', to: 'b' }, null)).toBe(false);
  });

  it('finds the preset a range is', () => {
    expect(presetFor(null)?.name).toBe('last-90-days');
    expect(presetFor({ from: '2021-05-01', to: '2021-07-31' })?.name).toBe('may-jul-2021');
    expect(presetFor({ from: '2021-01-01', to: '2021-12-31' })?.name).toBe('all-2021');
    expect(presetFor({ from: '2021-01-01', to: '2021-06-30' })).toBeUndefined();
    expect(RANGE_PRESETS.map((preset) => preset.name)).toEqual(['last-90-days', 'may-jul-2021', 'all-2021']);
  });
});
