import ipaddr from 'ipaddr.js';

/**
 * Only globally routable unicast addresses are public: this rejects private, loopback, link-local
 * (incl. 169.254.169.254), CGNAT, unique-local, IPv4-mapped IPv6, NAT64, multicast, unspecified,
 * documentation and other reserved ranges.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) {
    return false;
  }
  return ipaddr.parse(address).range() === 'unicast';
}

const NON_PUBLIC_NAMES =
  /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa)$/i;

/**
 * Checks the host of an already-parsed URL without resolving it. The WHATWG URL parser has
 * normalised decimal, octal and hex IPv4 forms to dotted quads, so `http://2130706433/` is seen as
 * 127.0.0.1 here.
 */
export function isPublicHostLiteral(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(bare)) {
    return isPublicAddress(bare);
  }
  return !NON_PUBLIC_NAMES.test(bare.replace(/\.$/, ''));
}
