// Network agents of an ML2/OVN deployment, as the OVN guide lays it out: the controller is
// the gateway chassis ("OVN Controller Gateway agent"), every compute host runs ovn-controller
// ("OVN Controller agent") and neutron-ovn-metadata-agent ("OVN Metadata agent"). In the demo
// seed the metadata agent on c05.example.com has stopped reporting, so the admin agents page
// has a dead agent to show (docs: the agent's heartbeat stays at the seed time).

import type { Repositories } from '../store/open-store';
import { computeHostSpecs, CONTROLLER_HOST, type ComputeHostSpec } from './hosts';
import { seedId } from './ids';

/** Neutron's timestamp of the seeded agents' start (and of the dead agent's last report). */
export const AGENTS_STARTED_AT = '2026-11-01T09:00:00Z';

/** Ids: 4… shaped as uuids, as Neutron's agent ids (OVN uses the chassis uuid). */
export function agentSeedId(n: number): string {
  const hex = seedId('4', n);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const OVN_AGENT_TYPES = {
  gateway: 'OVN Controller Gateway agent',
  controller: 'OVN Controller agent',
  metadata: 'OVN Metadata agent',
} as const;

const BRIDGE_MAPPINGS = 'datacentre:br-ex';

export async function seedAgents(
  repos: Repositories,
  computeHosts: readonly ComputeHostSpec[] = computeHostSpecs(5),
): Promise<void> {
  let seq = 0;
  const agent = async (
    agentType: string,
    binary: string,
    host: string,
    configurations: Record<string, unknown>,
    availabilityZone: string | null = null,
  ): Promise<void> => {
    seq += 1;
    await repos.agents.create({
      id: agentSeedId(seq),
      agentType,
      binary,
      topic: 'n/a',
      host,
      availabilityZone,
      adminStateUp: true,
      description: '',
      configurations,
      heartbeatTimestamp: AGENTS_STARTED_AT,
      startedAt: AGENTS_STARTED_AT,
      createdAt: AGENTS_STARTED_AT,
      stoppedReportingAt: null,
      seq,
    });
  };
  const chassis = (host: string, gateway: boolean) => ({
    chassis_name: host,
    'bridge-mappings': BRIDGE_MAPPINGS,
    'datapath-type': 'system',
    'iface-types': 'erspan,geneve,gre,internal,ip6erspan,ip6gre,patch,stt,system,tap,vxlan',
    ...(gateway ? { 'ovn-cms-options': 'enable-chassis-as-gw,availability-zones=nova' } : {}),
  });

  // The gateway chassis hosts the routers' external ports, in zone "nova".
  await agent(OVN_AGENT_TYPES.gateway, 'ovn-controller', CONTROLLER_HOST, chassis(CONTROLLER_HOST, true), 'nova');
  for (const { hostname } of computeHosts) {
    await agent(OVN_AGENT_TYPES.controller, 'ovn-controller', hostname, chassis(hostname, false));
    await agent(OVN_AGENT_TYPES.metadata, 'neutron-ovn-metadata-agent', hostname, {
      chassis_name: hostname,
      'bridge-mappings': BRIDGE_MAPPINGS,
    });
  }
}

/** The demo's dead agent: the metadata agent on c05.example.com, silent since the seed. */
export async function stopDemoAgent(repos: Repositories): Promise<void> {
  const agents = await repos.agents.list();
  const dead = agents.find((a) => a.agentType === OVN_AGENT_TYPES.metadata && a.host === 'c05.example.com');
  if (dead) await repos.agents.setStoppedReporting(dead.id, AGENTS_STARTED_AT);
}
