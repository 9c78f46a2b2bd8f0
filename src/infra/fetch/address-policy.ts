import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

/** 2000::/3, the only IPv6 block IANA allocates for global unicast; everything else is unassigned. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Only globally routable unicast addresses are public: this rejects private, loopback, link-local
 * (incl. 169.254.169.254), CGNAT, unique-local, IPv4-mapped IPv6, NAT64, 6to4, Teredo, multicast,
 * unspecified (0.0.0.0/8), documentation, benchmarking and other reserved ranges. ipaddr.js labels
 * every special-purpose block with its own range name and leaves `unicast` for the rest. Only the
 * canonical notations sockets use count as addresses: legacy forms such as `127.1` are refused
 * rather than interpreted.
 */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) {
    return false;
  }
  const parsed = ipaddr.parse(address);
  if (parsed.range() !== 'unicast') {
    return false;
  }
  return parsed.kind() === 'ipv4' || parsed.match(GLOBAL_UNICAST_V6);
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
