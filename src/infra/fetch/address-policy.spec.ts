import { isPublicAddress, isPublicHostLiteral } from './address-policy.js';

describe('address policy', () => {
  describe.each([
    {
      range: '0.0.0.0/8 (this network)',
      blocked: ['0.0.0.0', '0.1.2.3', '0.255.255.255'],
      publicNeighbours: ['1.0.0.1'],
    },
    {
      range: '10.0.0.0/8 (private)',
      blocked: ['10.0.0.0', '10.0.0.5', '10.255.255.255'],
      publicNeighbours: ['9.255.255.255', '11.0.0.0'],
    },
    {
      range: '100.64.0.0/10 (CGNAT)',
      blocked: ['100.64.0.0', '100.100.100.100', '100.127.255.255'],
      publicNeighbours: ['100.63.255.255', '100.128.0.0'],
    },
    {
      range: '127.0.0.0/8 (loopback)',
      blocked: ['127.0.0.0', '127.0.0.1', '127.255.255.255'],
      publicNeighbours: ['126.255.255.255', '128.0.0.0'],
    },
    {
      range: '169.254.0.0/16 (link-local, cloud metadata)',
      blocked: ['169.254.0.0', '169.254.169.254', '169.254.255.255'],
      publicNeighbours: ['169.253.255.255', '169.255.0.0'],
    },
    {
      range: '172.16.0.0/12 (private)',
      blocked: ['172.16.0.0', '172.20.1.1', '172.31.255.255'],
      publicNeighbours: ['172.15.255.255', '172.32.0.0'],
    },
    {
      range: '192.0.0.0/24 (IETF protocol assignments)',
      blocked: ['192.0.0.0', '192.0.0.255'],
      publicNeighbours: ['192.0.1.0'],
    },
    {
      range: '192.0.2.0/24 (TEST-NET-1)',
      blocked: ['192.0.2.0', '192.0.2.255'],
      publicNeighbours: ['192.0.3.0'],
    },
    {
      range: '192.168.0.0/16 (private)',
      blocked: ['192.168.0.0', '192.168.1.1', '192.168.255.255'],
      publicNeighbours: ['192.167.255.255', '192.169.0.0'],
    },
    {
      range: '198.18.0.0/15 (benchmarking)',
      blocked: ['198.18.0.0', '198.19.255.255'],
      publicNeighbours: ['198.17.255.255', '198.20.0.0'],
    },
    {
      range: '198.51.100.0/24 (TEST-NET-2)',
      blocked: ['198.51.100.0', '198.51.100.255'],
      publicNeighbours: ['198.51.101.0'],
    },
    {
      range: '203.0.113.0/24 (TEST-NET-3)',
      blocked: ['203.0.113.0', '203.0.113.255'],
      publicNeighbours: ['203.0.114.0'],
    },
    {
      range: '224.0.0.0/4 (multicast)',
      blocked: ['224.0.0.0', '224.0.0.1', '239.255.255.255'],
      publicNeighbours: ['223.255.255.255'],
    },
    {
      range: '240.0.0.0/4 (reserved) and broadcast',
      blocked: ['240.0.0.0', '250.1.2.3', '255.255.255.255'],
      publicNeighbours: [],
    },
    {
      range: ':: and ::1 (unspecified, loopback)',
      blocked: ['::', '::1'],
      publicNeighbours: [],
    },
    {
      range: '::ffff:0:0/96 (IPv4-mapped), public or not',
      blocked: ['::ffff:127.0.0.1', '::ffff:10.0.0.5', '::ffff:8.8.8.8'],
      publicNeighbours: [],
    },
    {
      range: '64:ff9b::/96 and 64:ff9b:1::/48 (NAT64)',
      blocked: ['64:ff9b::a00:5', '64:ff9b::808:808', '64:ff9b:1::1'],
      publicNeighbours: [],
    },
    {
      range: 'fc00::/7 (unique-local)',
      blocked: ['fc00::', 'fd00::1', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
      publicNeighbours: [],
    },
    {
      range: 'fe80::/10 (link-local) and fec0::/10 (old site-local)',
      blocked: ['fe80::1', 'febf:ffff::1', 'fec0::1'],
      publicNeighbours: [],
    },
    {
      range: 'ff00::/8 (multicast)',
      blocked: ['ff00::', 'ff02::1'],
      publicNeighbours: [],
    },
    {
      range: '2001:db8::/32 (documentation)',
      blocked: ['2001:db8::', '2001:db8:ffff:ffff::1'],
      publicNeighbours: ['2001:db7:ffff::1', '2001:db9::1'],
    },
    {
      range: '2002::/16 (6to4) and 2001::/32 (Teredo), which embed IPv4',
      blocked: ['2002:7f00:1::1', '2001::1'],
      publicNeighbours: [],
    },
    {
      range: 'outside 2000::/3 (unallocated IPv6)',
      blocked: ['1::1', '4000::1', '1fff:ffff::1'],
      publicNeighbours: ['2000::1', '3ffe::1'],
    },
  ])('$range', ({ blocked, publicNeighbours }) => {
    it.each(blocked)('%s is not public', (address) => {
      expect(isPublicAddress(address)).toBe(false);
    });
    it.skipIf(publicNeighbours.length === 0).each(publicNeighbours)(
      '%s, just outside, is public',
      (address) => {
        expect(isPublicAddress(address)).toBe(true);
      },
    );
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
  ])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    '',
    'localhost',
    'example.com',
    '256.1.1.1',
    '127.1',
    '0x7f.0.0.1',
    '2130706433',
  ])('%j is not a canonical address, so not public', (value) => {
    expect(isPublicAddress(value)).toBe(false);
  });

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
