import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must never reach (server-side request forgery): loopback, private,
 * carrier-grade NAT, link-local (where the cloud metadata services answer, 169.254.169.254 and
 * fd00:ec2::254), unspecified, multicast and reserved ranges, in IPv4 and IPv6, and IPv4
 * written inside IPv6 (`::ffff:127.0.0.1`).
 */
const FORBIDDEN_V4: readonly [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link_local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const FORBIDDEN_V6: readonly [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link_local'],
  ['ff00::', 8, 'multicast'],
  ['64:ff9b::', 96, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
];
/** Metadata services named on their own, so the refusal says what it stopped. */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200']);

export type RefusalReason =
  'loopback' | 'private' | 'link_local' | 'metadata' | 'unspecified' | 'multicast' | 'reserved' | 'not_an_address';

/** An operator's allowed ranges (`WEBHOOK_ALLOWED_RANGES`): CIDRs that override the refusal. */
export interface AllowedRanges {
  readonly list: BlockList;
  readonly cidrs: readonly string[];
}

export function parseAllowedRanges(value: string | undefined): AllowedRanges {
  const list = new BlockList();
  const cidrs = (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const cidr of cidrs) {
    const [address, bits] = cidr.split('/');
    const family = isIP(address ?? '');
    const prefix = Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
      throw new Error(`${cidr} is not a CIDR range (192.0.2.0/24, 2001:db8::/32)`);
    }
    list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  return { list, cidrs };
}

const forbidden = buildForbiddenList();

/**
 * Why `address` is refused as a webhook destination, or undefined when it may be reached. An
 * operator's allowed range wins over the refusal (a test receiver on loopback, a partner
 * reached over a private link).
 */
export function refusalOf(address: string, allowed: AllowedRanges = parseAllowedRanges('')): RefusalReason | undefined {
  const family = isIP(address);
  if (!family) return 'not_an_address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const mappedV4 = family === 6 ? ipv4Inside(address) : undefined;
  if (allowed.list.check(address, type) || (mappedV4 && allowed.list.check(mappedV4, 'ipv4'))) return undefined;
  if (METADATA.has(address.toLowerCase()) || (mappedV4 && METADATA.has(mappedV4))) return 'metadata';
  if (mappedV4) return refusalOf(mappedV4, allowed);
  for (const [range, reason] of forbidden) if (range.check(address, type)) return reason as RefusalReason;
  return undefined;
}

function buildForbiddenList(): [BlockList, string][] {
  return [
    ...FORBIDDEN_V4.map(([a, p, r]) => [a, p, r, 'ipv4'] as const),
    ...FORBIDDEN_V6.map(([a, p, r]) => [a, p, r, 'ipv6'] as const),
  ].map(([address, prefix, reason, type]) => {
    const list = new BlockList();
    list.addSubnet(address, prefix, type);
    return [list, reason];
  });
}

/** The IPv4 address an IPv4-mapped or -compatible IPv6 address carries (`::ffff:10.0.0.1`). */
function ipv4Inside(address: string): string | undefined {
  const match = /^(?:0{0,4}:){0,5}(?:ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address.replace(/^::/, '0:'));
  if (match) return match[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const high = parseInt(hex[1], 16);
  const low = parseInt(hex[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
