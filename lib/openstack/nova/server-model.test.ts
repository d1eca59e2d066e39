import { describe, expect, it } from 'vitest';

import { nextMarker, parseServer } from './server-model';

const wire = {
  id: 's-1',
  name: 'web-1',
  status: 'ERROR',
  tenant_id: 'p-1',
  user_id: 'u-1',
  created: '2026-11-21T10:00:00Z',
  updated: '2026-11-21T10:01:00Z',
  'OS-EXT-STS:task_state': null,
  'OS-EXT-STS:vm_state': 'error',
  'OS-EXT-STS:power_state': 0,
  'OS-EXT-AZ:availability_zone': 'nova',
  'OS-EXT-SRV-ATTR:host': 'c03.example.com',
  'OS-EXT-SRV-ATTR:hypervisor_hostname': 'c03.example.com',
  'OS-SRV-USG:launched_at': null,
  flavor: { vcpus: 2, ram: 4096, disk: 40, ephemeral: 0, swap: 0, original_name: 'm1.medium', extra_specs: { 'hw:cpu_policy': 'shared' } },
  image: '',
  addresses: {
    private: [
      { addr: '10.0.0.5', version: 4, 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': 'fa:16:3e:00:00:01' },
      { addr: '203.0.113.9', version: 4, 'OS-EXT-IPS:type': 'floating', 'OS-EXT-IPS-MAC:mac_addr': 'fa:16:3e:00:00:01' },
    ],
  },
  key_name: 'mykeypair',
  locked: true,
  locked_reason: 'maintenance',
  description: null,
  metadata: { role: 'web' },
  tags: ['blue'],
  security_groups: [{ name: 'default' }, { name: 'default' }, { name: 'web' }],
  'os-extended-volumes:volumes_attached': [{ id: 'v-1', delete_on_termination: false }],
  fault: { code: 500, message: 'No valid host was found. There are not enough hosts available.', created: '2026-11-21T10:00:05Z' },
};

describe('parseServer', () => {
  it('turns the 2.79 wire shape into clean names', () => {
    const server = parseServer(wire);
    expect(server).toMatchObject({
      id: 's-1',
      status: 'ERROR',
      vmState: 'error',
      taskState: null,
      flavor: { name: 'm1.medium', vcpus: 2, ram: 4096, disk: 40, extraSpecs: { 'hw:cpu_policy': 'shared' } },
      imageId: null,
      keyName: 'mykeypair',
      availabilityZone: 'nova',
      host: 'c03.example.com',
      locked: true,
      lockedReason: 'maintenance',
      securityGroups: ['default', 'web'],
      volumeIds: ['v-1'],
      fault: { code: 500, message: 'No valid host was found. There are not enough hosts available.' },
    });
    expect(server.addresses).toEqual([
      { network: 'private', address: '10.0.0.5', version: 4, kind: 'fixed', mac: 'fa:16:3e:00:00:01' },
      { network: 'private', address: '203.0.113.9', version: 4, kind: 'floating', mac: 'fa:16:3e:00:00:01' },
    ]);
  });

  it('copes with missing fields and unknown statuses', () => {
    const server = parseServer({ id: 'x', status: 'WEIRD' });
    expect(server).toMatchObject({ id: 'x', name: '', status: 'UNKNOWN', addresses: [], fault: null, host: null, imageId: null });
  });

  it('reads the next marker only from a next link', () => {
    expect(nextMarker([{ rel: 'next', href: 'http://h/compute/v2.1/servers/detail?limit=2&marker=abc' }])).toBe('abc');
    expect(nextMarker([])).toBeNull();
    expect(nextMarker(undefined)).toBeNull();
  });
});
