import { formatDays, formatPValue } from './stats';

describe('formatPValue', () => {
  it('gives three decimals and floors tiny values at < 0.001', () => {
    expect(formatPValue(0.04321)).toBe('0.043');
    expect(formatPValue(0.0004)).toBe('< 0.001');
    expect(formatPValue(1)).toBe('1.000');
    expect(formatPValue(Number.NaN)).toBe('—');
  });
});

describe('formatDays', () => {
  it('gives one decimal, or the words for none', () => {
    expect(formatDays(4.25)).toBe('4.3');
    expect(formatDays(null, '未增加 not filling')).toBe('未增加 not filling');
  });
});
