import { sameSecret } from './same-secret.js';

describe('sameSecret', () => {
  it('accepts only the exact secret, whatever the lengths', () => {
    expect(sameSecret('s3cret-value', 's3cret-value')).toBe(true);
    expect(sameSecret('s3cret-valuE', 's3cret-value')).toBe(false);
    expect(sameSecret('s3cret', 's3cret-value')).toBe(false);
    expect(sameSecret('', 's3cret-value')).toBe(false);
  });
});
