import { isIP, SocketAddress } from 'node:net';

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/;
/** `[2001:db8::1]:443`, `203.0.113.7:443`: an address with its port, as some proxies write it. */
const DECORATED = /^\[([^\]]+)\](?::\d+)?$|^(\d+\.\d+\.\d+\.\d+):\d+$/;

/** The eight 16-bit groups of a canonical IPv6 address (as inet_ntop writes it), a trailing dotted quad as two. */
function groupsOf(canonical: string): string[] {
  const [head = '', tail] = canonical.split('::');
  const split = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [group];
          const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const left = split(head);
  const right = tail === undefined ? [] : split(tail);
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
}

/**
 * The key a client's requests are counted under: an IPv4 address as it is (an IPv4-mapped IPv6
 * address is that IPv4 address), an IPv6 address by its /64, the smallest block an ISP hands one
 * customer, so a client cannot take a fresh budget from each of its 2^64 addresses. Every spelling
 * of the same address or /64 gives one key, with or without a port. Anything else (no address) is
 * its own key.
 */
export function clientKey(ip: string): string {
  const decorated = DECORATED.exec(ip);
  const address = (decorated ? (decorated[1] ?? decorated[2]!) : ip).replace(/%.*$/, '');
  switch (isIP(address)) {
    case 4:
      return address;
    case 6: {
      const canonical = new SocketAddress({ address, family: 'ipv6' }).address;
      const mapped = MAPPED_IPV4.exec(canonical);
      if (mapped) return mapped[1]!;
      return `${groupsOf(canonical).slice(0, 4).join(':')}::/64`;
    }
    default:
      return ip;
  }
}
