import { presentsToken } from './operator-token.js';

const TOKEN = 'operator-token-0123456789';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('presentsToken', () => {
  it('accepts the token as a Bearer credential, whatever the scheme case', () => {
    expect(presentsToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(presentsToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it('refuses a missing, different, shorter or longer token', () => {
    expect(presentsToken(undefined, TOKEN)).toBe(false);
    expect(presentsToken('Bearer', TOKEN)).toBe(false);
    expect(presentsToken('Bearer wrong', TOKEN)).toBe(false);
    expect(presentsToken(`Bearer ${TOKEN.slice(1)}`, TOKEN)).toBe(false);
    expect(presentsToken(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
  });

  it('accepts HTTP Basic with the token as the password only when asked to', () => {
    expect(presentsToken(basic('admin', TOKEN), TOKEN, { basic: true })).toBe(
      true,
    );
    expect(presentsToken(basic('', TOKEN), TOKEN, { basic: true })).toBe(true);
    expect(presentsToken(basic('admin', TOKEN), TOKEN)).toBe(false);
    expect(presentsToken(basic(TOKEN, 'x'), TOKEN, { basic: true })).toBe(
      false,
    );
    expect(presentsToken('Basic !!!', TOKEN, { basic: true })).toBe(false);
  });
});
