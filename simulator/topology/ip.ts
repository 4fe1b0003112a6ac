/** IPv4 helpers for address pools; addresses are kept as unsigned 32-bit numbers. */

export interface Cidr {
  network: number;
  prefix: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Parses dotted-quad IPv4, or returns undefined. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

/** Renders an unsigned 32-bit number as dotted-quad. */
export function renderIpv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** Parses `a.b.c.d/len`; the host bits must be zero. */
export function parseCidr(text: string): Cidr | undefined {
  const [addr, len, extra] = text.split('/');
  if (addr === undefined || len === undefined || extra !== undefined || !/^\d{1,2}$/.test(len))
    return undefined;
  const network = parseIpv4(addr);
  const prefix = Number(len);
  if (network === undefined || prefix > 32) return undefined;
  if ((network & ~prefixMask(prefix)) >>> 0 !== 0) return undefined;
  return { network, prefix };
}

export function renderCidr(cidr: Cidr): string {
  return `${renderIpv4(cidr.network)}/${cidr.prefix}`;
}

export function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Number of addresses in the block. */
export function cidrSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

export function cidrContains(cidr: Cidr, address: number): boolean {
  return address >= cidr.network && address < cidr.network + cidrSize(cidr);
}

/** The whole of 127.0.0.0/8 is local on Linux: devices can each own an address there with no setup. */
export const LOOPBACK: Cidr = { network: 127 << 24, prefix: 8 };

/** Renders a dotted netmask for a prefix length (IOS shows masks, not lengths). */
export function renderMask(prefix: number): string {
  return renderIpv4(prefixMask(prefix));
}
