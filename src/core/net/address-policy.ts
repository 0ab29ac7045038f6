import { isInCidr, parseCidr, parseIpAddress, type Cidr } from './ip-address.js';

/**
 * Networks an outbound fetch made on a user's behalf may never reach unless allowed: the host
 * itself, private networks, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * multicast, reserved and documentation ranges (RFC 6890 special-purpose registries).
 */
const BLOCKED_V4 = [
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
] as const;

const BLOCKED_V6 = [
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['100::/64', 'reserved'],
  ['2001::/23', 'reserved'],
  ['2001:db8::/32', 'documentation'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local'],
  ['ff00::/8', 'multicast'],
] as const;

/** IPv6 prefixes that carry an IPv4 address, and where its four bytes sit. */
const EMBEDS_V4: Array<[Cidr, number]> = [
  [parseCidr('::ffff:0:0/96')!, 12], // IPv4-mapped (RFC 4291 §2.5.5.2)
  [parseCidr('::/96')!, 12], // IPv4-compatible, deprecated (RFC 4291 §2.5.5.1)
  [parseCidr('::ffff:0:0:0/96')!, 12], // SIIT IPv4-translated (RFC 2765)
  [parseCidr('64:ff9b::/96')!, 12], // NAT64 well-known prefix (RFC 6052)
  [parseCidr('64:ff9b:1::/48')!, 12], // NAT64 local-use (RFC 8215)
  [parseCidr('2002::/16')!, 2], // 6to4 (RFC 3056)
];

const v4Blocks = BLOCKED_V4.map(([c, why]) => ({ cidr: parseCidr(c)!, why }));
const v6Blocks = BLOCKED_V6.map(([c, why]) => ({ cidr: parseCidr(c)!, why }));

/**
 * Why an address may not be fetched (`'loopback'`, `'private'`, …), or undefined for a public
 * one. IPv6 forms that embed an IPv4 address are judged by that address too.
 *
 * @example blockedReason(parseIpAddress('::ffff:127.0.0.1')!) // 'loopback'
 */
export function blockedReason(address: Uint8Array): string | undefined {
  if (address.length === 4) return v4Blocks.find((b) => isInCidr(address, b.cidr))?.why;
  const own = v6Blocks.find((b) => isInCidr(address, b.cidr))?.why;
  if (own) return own;
  for (const [prefix, at] of EMBEDS_V4) {
    if (!isInCidr(address, prefix)) continue;
    const inner = blockedReason(address.slice(at, at + 4));
    if (inner) return inner;
  }
  return undefined;
}

/** Exceptions to the policy: networks and host names a deployment allows on purpose. */
export interface FetchAllowList {
  networks: Cidr[];
  /** Lower-case names without a trailing dot; `.example.org` allows every subdomain. */
  hosts: string[];
}

export const EMPTY_ALLOW_LIST: FetchAllowList = { networks: [], hosts: [] };

/**
 * Parses a comma- or space-separated list of CIDRs, addresses and host names
 * (TEARLINE_FETCH_ALLOW, TEARLINE_WEBHOOK_ALLOW); returns the entries it could not read too.
 *
 * @example parseAllowList('10.20.0.0/16, feeds.internal, .corp.example')
 */
export function parseAllowList(text: string | undefined): {
  allow: FetchAllowList;
  invalid: string[];
} {
  const allow: FetchAllowList = { networks: [], hosts: [] };
  const invalid: string[] = [];
  for (const entry of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    const cidr = parseCidr(entry);
    if (cidr) allow.networks.push(cidr);
    else if (/^\.?([a-z0-9-]+\.)*[a-z0-9-]+\.?$/i.test(entry) && !/^[\d.]+$/.test(entry))
      allow.hosts.push(toHostKey(entry));
    else invalid.push(entry);
  }
  return { allow, invalid };
}

/** A host name as compared: lower case, no trailing dot, no IPv6 brackets. */
export function toHostKey(host: string): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return bare.toLowerCase().replace(/\.+$/, '');
}

/** True when the allow list names this host (exactly, or by a `.parent` entry). */
export function isHostAllowed(allow: FetchAllowList, host: string): boolean {
  const key = toHostKey(host);
  return allow.hosts.some((h) => (h.startsWith('.') ? key.endsWith(h) : key === h));
}

/**
 * The policy's answer for one resolved address of `host`: undefined when it may be fetched,
 * else the reason it may not.
 *
 * @example checkAddress(EMPTY_ALLOW_LIST, 'example.org', '93.184.216.34') // undefined
 */
export function checkAddress(
  allow: FetchAllowList,
  host: string,
  address: string,
): string | undefined {
  const bytes = parseIpAddress(address);
  if (!bytes) return 'not an IP address';
  if (isHostAllowed(allow, host)) return undefined;
  if (allow.networks.some((n) => isInCidr(bytes, n))) return undefined;
  return blockedReason(bytes);
}
