// What the Heat templates of the autoscaling guides name besides flavors, images and networks
// (../shared/fixtures/heat/README): the key pairs `admin` and `mykeypair` (for the admin and demo
// users, as a key pair belongs to a user) and the security groups `all` (everything in) and
// `base` (ssh, ping and http in) in the demo project, so each scenario deploys unchanged.

import { sshFingerprint } from '../services/compute/ssh-keys';
import type { Repositories } from '../store/open-store';
import type { NewRule } from '../store/security-groups';
import { PROJECT_IDS, USER_IDS } from './ids';
import { NETWORKS_SEEDED_AT } from './networks';

/** Public halves only (the private keys were never kept): a login needs the user's own key. */
const PUBLIC_KEYS = {
  admin: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBmS+EzymyY5MxibekepEvmuOYA3jNya/zJQSQ8raFba zenith-demo',
  mykeypair: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM7dmkEoCKBIcGlCHN9emdjzRP5wS3Rs5N8xEowVbnFH zenith-demo',
} as const;

export const FIXTURE_KEYPAIRS = Object.keys(PUBLIC_KEYS) as (keyof typeof PUBLIC_KEYS)[];
export const FIXTURE_SECURITY_GROUPS = ['all', 'base'] as const;

type Ingress = Pick<NewRule, 'ethertype' | 'protocol' | 'port_range_min' | 'port_range_max' | 'remote_ip_prefix'>;

const anywhere4 = { ethertype: 'IPv4', remote_ip_prefix: '0.0.0.0/0' } as const;
const tcp = (port: number): Ingress => ({ ...anywhere4, protocol: 'tcp', port_range_min: port, port_range_max: port });

const GROUPS: Record<(typeof FIXTURE_SECURITY_GROUPS)[number], { description: string; rules: Ingress[] }> = {
  all: {
    description: 'All traffic in (the CPU autoscaling guide).',
    rules: [
      { ...anywhere4, protocol: 'tcp', port_range_min: 1, port_range_max: 65535 },
      { ...anywhere4, protocol: 'udp', port_range_min: 1, port_range_max: 65535 },
      { ...anywhere4, protocol: 'icmp', port_range_min: null, port_range_max: null },
    ],
  },
  base: {
    description: 'ssh, ping and http in (the load-balanced web farm guide).',
    rules: [tcp(22), tcp(80), { ...anywhere4, protocol: 'icmp', port_range_min: null, port_range_max: null }],
  },
};

export async function seedHeatFixtureNames(repos: Repositories): Promise<void> {
  for (const userId of [USER_IDS.admin, USER_IDS.demo]) {
    for (const [name, publicKey] of Object.entries(PUBLIC_KEYS)) {
      await repos.keypairs.create({ userId, name, type: 'ssh', publicKey, fingerprint: sshFingerprint(publicKey)!, createdAt: NETWORKS_SEEDED_AT });
    }
  }
  const projectId = PROJECT_IDS.demo;
  for (const [name, { description, rules }] of Object.entries(GROUPS)) {
    const group = await repos.securityGroups.createGroup({ projectId, name, description, stateful: true }, NETWORKS_SEEDED_AT);
    for (const rule of rules) {
      await repos.securityGroups.createRule(
        { ...rule, project_id: projectId, security_group_id: group.id, direction: 'ingress', remote_group_id: null, description: '' },
        NETWORKS_SEEDED_AT,
      );
    }
  }
}
