import { describe, expect, it } from 'vitest';
import { cidrsOverlap, formatCidr, normalizeAddress, parseAddress, parseCidr, usableBounds, formatAddress } from './ip-address';

describe('ip addresses', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['fd00::', 'fd00::'],
    ['::', '::'],
    ['1:0:0:1:0:0:0:1', '1:0:0:1::1'],
    ['::ffff:10.0.0.1', '::ffff:a00:1'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });

  it.each(['10.0.0.256', '10.0.0', '1::2::3', 'fe80::g', '', '1.2.3.4.5'])('refuses %s', (input) => {
    expect(parseAddress(input)).toBeNull();
  });

  it('parses CIDRs, noting host bits, and prints them canonically', () => {
    expect(parseCidr('10.0.0.1/24')).toMatchObject({ version: 4, prefix: 24, hostBits: true });
    expect(formatCidr(parseCidr('10.0.0.1/24')!)).toBe('10.0.0.0/24');
    expect(formatCidr(parseCidr('fd00:1::5/64')!)).toBe('fd00:1::/64');
    expect(parseCidr('10.0.0.0/33')).toBeNull();
  });

  it('leaves network and broadcast out of an IPv4 range, only the anycast address out of IPv6', () => {
    const v4 = usableBounds(parseCidr('192.168.1.0/24')!);
    expect([formatAddress(4, v4.first), formatAddress(4, v4.last)]).toEqual(['192.168.1.1', '192.168.1.254']);
    const v6 = usableBounds(parseCidr('fd00::/126')!);
    expect([formatAddress(6, v6.first), formatAddress(6, v6.last)]).toEqual(['fd00::1', 'fd00::3']);
  });

  it('tells overlapping CIDRs of the same version', () => {
    expect(cidrsOverlap(parseCidr('10.0.0.0/24')!, parseCidr('10.0.0.128/25')!)).toBe(true);
    expect(cidrsOverlap(parseCidr('10.0.0.0/24')!, parseCidr('10.0.1.0/24')!)).toBe(false);
    expect(cidrsOverlap(parseCidr('10.0.0.0/8')!, parseCidr('::/0')!)).toBe(false);
  });
});
