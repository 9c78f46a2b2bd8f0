import { isPublicAddress, isPublicHostLiteral } from './address-policy.js';

describe('address policy', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '64:ff9b::a00:1',
    '2001:db8::1',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each([
    ['http://2130706433/x', false],
    ['http://0x7f000001/x', false],
    ['http://0177.0.0.1/x', false],
    ['http://[::1]/x', false],
    ['http://localhost/x', false],
    ['http://media.internal/x', false],
    ['http://printer.local./x', false],
    ['https://cdn.example.com/x.jpg', true],
    ['https://93.184.216.34/x.jpg', true],
  ])('host of %s public: %s', (url, expected) => {
    expect(isPublicHostLiteral(new URL(url).hostname)).toBe(expected);
  });
});
