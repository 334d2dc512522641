import { describe, expect, it } from 'vitest';
import { clientKey } from '../../../cms/src/rate-limit/client-key.ts';

describe('clientKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['0:0:0:0:0:ffff:203.0.113.7', '203.0.113.7'],
    ['0000:0000:0000:0000:0000:FFFF:CB00:7107', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['203.0.113.7:443', '203.0.113.7'],
    ['[::ffff:203.0.113.7]:443', '203.0.113.7'],
  ])('counts %s as the IPv4 address %s', (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });

  const sameSlash64 = [
    '2001:db8:abcd:12::1',
    '2001:db8:abcd:12:ffff:ffff:ffff:ffff',
    '2001:0db8:abcd:0012:0000:0000:0000:0001',
    '2001:DB8:ABCD:12:0:0:0:1',
    '2001:db8:abcd:12:1234:5678:9abc:def0',
    '2001:db8:abcd:12::203.0.113.7',
    '2001:db8:abcd:0012::',
    '2001:db8:abcd:12::1%eth0',
    '[2001:db8:abcd:12::1]',
    '[2001:db8:abcd:12::2]:8443',
  ];
  it.each(sameSlash64)('counts %s under its /64', (ip) => {
    expect(clientKey(ip)).toBe('2001:db8:abcd:12::/64');
  });

  it.each([
    ['2001:db8:abcd:13::1', '2001:db8:abcd:13::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4::/64'],
    ['1::', '1:0:0:0::/64'],
  ])('keys the neighbouring or special address %s as %s', (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });

  it('does not mistake an IPv4-mapped address in another /64 for IPv4', () => {
    expect(clientKey('2001:db8::ffff:203.0.113.7')).toBe('2001:db8:0:0::/64');
  });

  it.each(['', 'unknown', '203.0.113.300', '2001:db8:::1'])('keeps what is no address (%j) as its own key', (value) => {
    expect(clientKey(value)).toBe(value);
  });
});
