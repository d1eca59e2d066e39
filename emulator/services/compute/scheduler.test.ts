// The scheduler's filters and weighing: capacity with 16:1 CPU, 1.5:1 RAM, 1:1 disk,
// availability zones, disabled hosts, (anti-)affinity, and a deterministic choice.

import { describe, expect, it } from 'vitest';
import { chooseHost, fits, type HostCapacity } from './scheduler';

function host(name: string, changes: Partial<HostCapacity> = {}): HostCapacity {
  return { name, availabilityZone: 'nova', enabled: true, vcpus: 16, memoryMb: 65536, diskGb: 1000, usedVcpus: 0, usedMemoryMb: 0, usedDiskGb: 0, ...changes };
}
const small = { vcpus: 1, memoryMb: 512, diskGb: 1 };

describe('fits', () => {
  it.each([
    ['CPU up to 16 per core', { usedVcpus: 255 }, { ...small, vcpus: 1 }, true],
    ['CPU past 16 per core', { usedVcpus: 256 }, { ...small, vcpus: 1 }, false],
    ['RAM up to 1.5x', { usedMemoryMb: 98304 - 512 }, small, true],
    ['RAM past 1.5x', { usedMemoryMb: 98304 - 511 }, small, false],
    ['disk up to 1x', { usedDiskGb: 999 }, small, true],
    ['disk past 1x', { usedDiskGb: 1000 }, small, false],
  ])('%s', (_label, used, request, expected) => {
    expect(fits(host('a', used), request)).toBe(expected);
  });
});

describe('chooseHost', () => {
  it('picks the host with the most free RAM, ties by name', () => {
    expect(chooseHost([host('b'), host('a'), host('c', { usedMemoryMb: 1 })], small)).toBe('a');
    expect(chooseHost([host('a', { usedMemoryMb: 4096 }), host('b')], small)).toBe('b');
  });

  it('skips disabled hosts and other zones; undefined when nothing fits', () => {
    expect(chooseHost([host('a', { enabled: false }), host('b')], small)).toBe('b');
    expect(chooseHost([host('a'), host('b', { availabilityZone: 'az2' })], { ...small, availabilityZone: 'az2' })).toBe('b');
    expect(chooseHost([host('a')], { ...small, memoryMb: 200_000 })).toBeUndefined();
    expect(chooseHost([], small)).toBeUndefined();
  });

  it('affinity follows the first member; anti-affinity avoids members up to max_server_per_host', () => {
    const hosts = [host('a'), host('b', { usedMemoryMb: 1 })];
    expect(chooseHost(hosts, { ...small, group: { policy: 'affinity', memberHosts: ['b'] } })).toBe('b');
    expect(chooseHost(hosts, { ...small, group: { policy: 'anti-affinity', memberHosts: ['a'] } })).toBe('b');
    expect(chooseHost(hosts, { ...small, group: { policy: 'anti-affinity', memberHosts: ['a', 'b'] } })).toBeUndefined();
    expect(chooseHost(hosts, { ...small, group: { policy: 'anti-affinity', memberHosts: ['a', 'b'], maxServerPerHost: 2 } })).toBe('a');
  });

  it('soft policies weigh instead of filtering', () => {
    const hosts = [host('a'), host('b', { usedMemoryMb: 1 })];
    expect(chooseHost(hosts, { ...small, group: { policy: 'soft-affinity', memberHosts: ['b'] } })).toBe('b');
    expect(chooseHost([host('a')], { ...small, group: { policy: 'soft-anti-affinity', memberHosts: ['a'] } })).toBe('a');
  });
});
