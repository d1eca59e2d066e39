import { describe, expect, it } from 'vitest';

import {
  cidrProblem,
  cidrRange,
  cidrSize,
  contains,
  containsCidr,
  ethertypeOf,
  formatIp,
  hostCidr,
  isAnyPrefix,
  isIpAddress,
  isIpv4,
  isIpv6,
  normaliseCidr,
  normaliseIp,
  overlaps,
  parseCidr,
  parseIp,
} from './cidr';

describe('IPv4 addresses', () => {
  it.each([
    ['0.0.0.0', 0n],
    ['255.255.255.255', 0xffffffffn],
    ['10.0.0.1', 0x0a000001n],
    ['203.0.113.5', 0xcb007105n],
    ['172.24.4.10', 0xac18040an],
  ])('read %s', (text, value) => {
    expect(parseIp(text)).toEqual({ version: 4, value });
    expect(formatIp({ version: 4, value })).toBe(text);
  });

  it.each([
    '', '1.2.3', '1.2.3.4.5', '256.0.0.1', '1.2.3.-1', '01.2.3.4', '1.2.3.04', '1..3.4', ' 1.2.3.4', '1.2.3.4 ',
    '1.2.3.4/32', 'a.b.c.d', '1.2.3.4.', '0x1.2.3.4', '1e2.0.0.1', '１.2.3.4', '1000.0.0.1',
  ])('refuse %j', (text) => {
    expect(parseIp(text)).toBeNull();
    expect(isIpAddress(text)).toBe(false);
  });
});

describe('IPv6 addresses', () => {
  it.each([
    ['::', '::'],
    ['::1', '::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:db8::ff00:42:8329'],
    ['fe80::', 'fe80::'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['::ffff:192.0.2.128', '::ffff:192.0.2.128'],
    ['::ffff:c000:0280', '::ffff:192.0.2.128'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['1::', '1::'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
  ])('read %s as %s', (text, canonical) => {
    expect(parseIp(text)?.version).toBe(6);
    expect(normaliseIp(text)).toBe(canonical);
  });

  it.each([
    ':', ':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', 'g::1', '::1%eth0', '1:2:3:4:5:6:7:8::',
    ':1::', '1::2:', '::1.2.3', '1.2.3.4::', '::ffff:256.0.0.1', '1:2:3:4:5:6:7:1.2.3.4', 'fe80::/64',
  ])('refuse %j', (text) => {
    expect(parseIp(text)).toBeNull();
  });

  it('hold the full 128 bits', () => {
    expect(parseIp('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')?.value).toBe((1n << 128n) - 1n);
    expect(parseIp('8000::')?.value).toBe(1n << 127n);
  });

  it('tell the families apart', () => {
    expect(isIpv4('10.0.0.1')).toBe(true);
    expect(isIpv6('10.0.0.1')).toBe(false);
    expect(isIpv6('::1')).toBe(true);
    expect(isIpv4('::1')).toBe(false);
  });
});

describe('CIDR parse and normalise', () => {
  it('read a prefix and say whether host bits were set', () => {
    expect(parseCidr('10.0.0.0/24')).toEqual({ version: 4, network: 0x0a000000n, prefixLength: 24, hadHostBits: false });
    expect(parseCidr('10.0.0.5/24')).toEqual({ version: 4, network: 0x0a000000n, prefixLength: 24, hadHostBits: true });
    expect(parseCidr('2001:db8::1/64')).toMatchObject({ version: 6, prefixLength: 64, hadHostBits: true });
  });

  it.each([
    ['10.0.0.5/24', '10.0.0.0/24'],
    ['192.168.1.77/16', '192.168.0.0/16'],
    ['1.2.3.4/0', '0.0.0.0/0'],
    ['1.2.3.4/32', '1.2.3.4/32'],
    ['172.24.4.1/31', '172.24.4.0/31'],
    ['2001:DB8::1/64', '2001:db8::/64'],
    ['2001:db8:abcd:12ff::/56', '2001:db8:abcd:1200::/56'],
    ['::/0', '::/0'],
    ['fe80::1/128', 'fe80::1/128'],
    ['2001:db8::ffff/127', '2001:db8::fffe/127'],
  ])('normalise %s to %s', (text, canonical) => {
    expect(normaliseCidr(text)).toBe(canonical);
  });

  it.each(['10.0.0.0', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/', '10.0.0.0/024', '10.0.0.0/2 4', '10.0.0.0/24/1',
    '::/129', '/24', '', 'private', '10.0.0.0/1e1', '10.0.0.0/0x10'])('refuse %j', (text) => {
    expect(parseCidr(text)).toBeNull();
    expect(cidrProblem(text)).toBe('not_a_cidr');
  });

  it('read a bare address as a host prefix only when asked', () => {
    expect(parseCidr('203.0.113.5')).toBeNull();
    expect(normaliseCidr('203.0.113.5', { allowBareAddress: true })).toBe('203.0.113.5/32');
    expect(normaliseCidr('2001:db8::5', { allowBareAddress: true })).toBe('2001:db8::5/128');
  });

  it('report host bits as a problem unless allowed', () => {
    expect(cidrProblem('10.0.0.0/24')).toBeNull();
    expect(cidrProblem('10.0.0.5/24')).toBe('host_bits_set');
    expect(cidrProblem('10.0.0.5/24', { allowHostBits: true })).toBeNull();
    expect(cidrProblem('10.0.0.5', { allowBareAddress: true })).toBeNull();
  });

  it('make host prefixes, ranges and sizes', () => {
    expect(hostCidr('203.0.113.5')).toBe('203.0.113.5/32');
    expect(hostCidr('2001:DB8::0001')).toBe('2001:db8::1/128');
    expect(hostCidr('nope')).toBeNull();
    const subnet = parseCidr('10.0.0.0/24')!;
    expect(cidrRange(subnet)).toEqual({ first: 0x0a000000n, last: 0x0a0000ffn });
    expect(cidrSize(subnet)).toBe(256n);
    expect(cidrSize(parseCidr('2001:db8::/64')!)).toBe(1n << 64n);
    expect(cidrSize(parseCidr('0.0.0.0/0')!)).toBe(1n << 32n);
  });
});

describe('contains', () => {
  it.each([
    ['10.0.0.0/24', '10.0.0.0', true],
    ['10.0.0.0/24', '10.0.0.255', true],
    ['10.0.0.0/24', '10.0.1.0', false],
    ['10.0.0.0/24', '9.255.255.255', false],
    ['0.0.0.0/0', '203.0.113.5', true],
    ['203.0.113.5/32', '203.0.113.5', true],
    ['203.0.113.5/32', '203.0.113.6', false],
    ['203.0.113.5', '203.0.113.5', true],
    ['203.0.113.0/25', '203.0.113.127', true],
    ['203.0.113.0/25', '203.0.113.128', false],
    ['10.0.0.5/24', '10.0.0.77', true],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::/0', '::1', true],
    ['::/0', '10.0.0.1', false],
    ['0.0.0.0/0', '::1', false],
    ['::ffff:0:0/96', '10.0.0.1', false],
    ['not a cidr', '10.0.0.1', false],
    ['10.0.0.0/8', 'not an ip', false],
  ])('%s contains %s: %s', (cidr, ip, expected) => {
    expect(contains(cidr, ip)).toBe(expected);
  });

  it('take parsed values too', () => {
    expect(contains(parseCidr('10.0.0.0/8')!, parseIp('10.200.0.1')!)).toBe(true);
  });
});

describe('overlaps and containsCidr', () => {
  it.each([
    ['10.0.0.0/24', '10.0.0.0/24', true],
    ['10.0.0.0/24', '10.0.0.128/25', true],
    ['10.0.0.128/25', '10.0.0.0/24', true],
    ['10.0.0.0/25', '10.0.0.128/25', false],
    ['10.0.0.0/8', '11.0.0.0/8', false],
    ['0.0.0.0/0', '192.168.0.0/16', true],
    ['2001:db8::/48', '2001:db8:0:ff::/64', true],
    ['2001:db8::/48', '2001:db8:1::/48', false],
    ['::/0', '0.0.0.0/0', false],
    ['10.0.0.1', '10.0.0.0/30', true],
    ['bad', '10.0.0.0/8', false],
  ])('%s overlaps %s: %s', (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
  });

  it('tell whether one prefix includes another', () => {
    expect(containsCidr('10.0.0.0/8', '10.1.0.0/16')).toBe(true);
    expect(containsCidr('10.1.0.0/16', '10.0.0.0/8')).toBe(false);
    expect(containsCidr('10.0.0.0/24', '10.0.0.0/24')).toBe(true);
    expect(containsCidr('10.0.0.0/24', '10.0.1.0/24')).toBe(false);
    expect(containsCidr('::/0', '10.0.0.0/8')).toBe(false);
  });
});

describe('ethertypeOf and any-prefix', () => {
  it.each([
    ['10.0.0.1', 'IPv4'],
    ['10.0.0.0/24', 'IPv4'],
    ['0.0.0.0/0', 'IPv4'],
    ['::1', 'IPv6'],
    ['2001:db8::/32', 'IPv6'],
    ['::ffff:1.2.3.4', 'IPv6'],
    ['', null],
    ['10.0.0.0/40', null],
    ['example.com', null],
  ])('%j is %s', (text, expected) => {
    expect(ethertypeOf(text)).toBe(expected);
  });

  it('know "any address"', () => {
    expect(isAnyPrefix('0.0.0.0/0')).toBe(true);
    expect(isAnyPrefix('::/0')).toBe(true);
    expect(isAnyPrefix('10.0.0.0/8')).toBe(false);
    expect(isAnyPrefix('junk')).toBe(false);
  });
});
