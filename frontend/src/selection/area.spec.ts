import { pickArea, toggleSelection } from './area';
import { makeEmptyOverview, makeOverview } from '../test/overviewFixture';

describe('pickArea', () => {
  const overview = makeOverview();

  it('is the city when nothing is selected', () => {
    expect(pickArea(overview, null)).toBe(overview.city);
  });

  it('is the selected district', () => {
    expect(pickArea(overview, '63000070').name).toBe('萬華區');
  });

  it('is a zero district when the store has no rows for it yet', () => {
    const area = pickArea(makeEmptyOverview(), '63000070');
    expect(area).toMatchObject({ code: '63000070', name: '萬華區', nameEn: 'Wanhua District', totalCases: 0, daily: [] });
  });

  it('falls back to the city for a code that is not a Taipei district', () => {
    expect(pickArea(overview, '65000010')).toBe(overview.city);
  });
});

describe('toggleSelection', () => {
  it('selects a clicked district, and goes back to the city when it is clicked again', () => {
    expect(toggleSelection(null, '63000070')).toBe('63000070');
    expect(toggleSelection('63000010', '63000070')).toBe('63000070');
    expect(toggleSelection('63000070', '63000070')).toBeNull();
  });
});
