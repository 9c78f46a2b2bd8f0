import { randomBytes } from 'node:crypto';
import { SealedBox } from './sealed-box.js';

describe('SealedBox', () => {
  const box = new SealedBox(randomBytes(32));

  it('opens what it sealed, in the same context only', () => {
    const sealed = box.seal('ws_1', 'hello');
    expect(sealed).not.toContain('hello');
    expect(box.open('ws_1', sealed)).toBe('hello');
    expect(() => box.open('ws_2', sealed)).toThrow();
  });

  it('refuses a value sealed under another key or tampered with', () => {
    const other = new SealedBox(randomBytes(32));
    expect(() => box.open('ws_1', other.seal('ws_1', 'hello'))).toThrow();
    const [keyId, value] = box.seal('ws_1', 'hello').split('.');
    const sealed = Buffer.from(value, 'base64url');
    sealed[sealed.length - 1] ^= 1;
    expect(() =>
      box.open('ws_1', `${keyId}.${sealed.toString('base64url')}`),
    ).toThrow();
  });

  it('seals in plain base64 when asked', () => {
    const stored = new SealedBox(randomBytes(32), 'base64');
    expect(stored.seal('wh_1', 'x'.repeat(40))).toMatch(
      /^[A-Za-z0-9_-]{8}\.[A-Za-z0-9+/]+=*$/,
    );
  });
});
