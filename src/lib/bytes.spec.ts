import { formatBytes } from './bytes.js';

describe('formatBytes', () => {
  it('names sizes in binary units by default', () => {
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GB');
    expect(formatBytes(1.5 * 1024 ** 2)).toBe('1.5 MB');
    expect(formatBytes(12 * 1024)).toBe('12 KB');
    expect(formatBytes(900)).toBe('900 bytes');
  });

  it('quotes decimal limits as platforms state them', () => {
    expect(formatBytes(300_000_000, 'decimal')).toBe('300 MB');
    expect(formatBytes(1_000_000, 'decimal')).toBe('1 MB');
    expect(formatBytes(1_000_000)).toBe('976.6 KB');
  });
});
