import { formatBound, formatCount, formatRate } from './numbers';

describe('number formats', () => {
  it('groups thousands in counts and rounds to whole numbers', () => {
    expect(formatCount(2494813)).toBe('2,494,813');
    expect(formatCount(2.6)).toBe('3');
  });

  it('shows rates with one decimal', () => {
    expect(formatRate(12.345)).toBe('12.3');
    expect(formatRate(0)).toBe('0.0');
  });

  it('shows legend bounds without needless decimals or float noise', () => {
    expect(formatBound(20)).toBe('20');
    expect(formatBound(0.30000000000000004)).toBe('0.3');
    expect(formatBound(1000)).toBe('1,000');
  });
});
