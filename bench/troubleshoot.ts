/**
 * The connectivity troubleshooter at size: an instance whose port carries 20 security groups of 50 rules.
 * 1. The pure evaluation (lib/network/troubleshoot), many runs, for a flow no rule allows (every rule is
 *    read) and one the last group allows.
 * 2. GET /api/troubleshoot against the embedded cloud (the BFF's Neutron rounds plus the evaluation), the
 *    same world built through the APIs.
 * Prints median and p99 in milliseconds.
 *   npm run bench:troubleshoot   (BENCH_EVAL_RUNS=5000 evaluations, BENCH_API_RUNS=100 BFF calls, BENCH_PURE_ONLY=1 skips part 2)
 */
import { BffClient } from '../e2e/support/bff-client';
import { projectToken } from '../e2e/support/keystone-token';
import { evaluateTrace } from '../lib/network/troubleshoot/evaluate';
import { defaultGroup, demoWorld, floatingIp, group, tcp } from '../lib/network/troubleshoot/fixtures';
import type { TraceInputs } from '../lib/network/troubleshoot/types';
import { saveResults, startCloudAndDashboard } from './servers';
import { printTable, runBenchmark, summarize, type Summary } from './stats';

const EVAL_RUNS = Number(process.env.BENCH_EVAL_RUNS ?? 5000);
const API_RUNS = Number(process.env.BENCH_API_RUNS ?? 100);
const GROUPS = 20;
const RULES = 50;
const CLOUD_PORT = Number(process.env.BENCH_CLOUD_PORT ?? 8806);
const DASHBOARD_PORT = Number(process.env.BENCH_DASHBOARD_PORT ?? 3206);
const cloudUrl = `http://127.0.0.1:${CLOUD_PORT}`;
const dashboardUrl = `http://127.0.0.1:${DASHBOARD_PORT}`;

/** Rule r of group g: tcp/udp to port 1000+r from 10.g.r.0/24 (nothing a test flow from the internet matches). */
const benchRule = (g: number, r: number) => ({
  direction: 'ingress' as const,
  protocol: r % 3 === 0 ? 'udp' : 'tcp',
  portRangeMin: 1000 + r,
  portRangeMax: 1000 + r,
  remoteIpPrefix: `10.${g}.${r}.0/24`,
});

function bigWorld(): TraceInputs {
  const world = demoWorld();
  const groups = Array.from({ length: GROUPS }, (_, g) => group(`sg-${g}`, Array.from({ length: RULES }, (_, r) => benchRule(g, r))));
  return {
    ...world,
    floatingIps: [floatingIp('172.24.4.10', 'port-web', '10.0.0.5')],
    securityGroups: [defaultGroup(), ...groups],
    destinationPorts: world.destinationPorts.map((p) => ({ ...p, securityGroupIds: groups.map((g) => g.id) })),
  };
}

function timeSync(runs: number, warmup: number, step: () => void): Summary {
  const samples: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const started = performance.now();
    step();
    if (i >= warmup) samples.push(performance.now() - started);
  }
  return summarize(samples);
}

function pureEvaluation(): Record<string, Summary> {
  const world = bigWorld();
  const dropped = tcp(22);
  // The last rule of the last group, from inside its prefix: found only after reading everything before it.
  const allowed = tcp(1000 + RULES - 1, { kind: 'cidr', cidr: `10.${GROUPS - 1}.${RULES - 1}.0/25` });
  if (evaluateTrace(dropped, world).verdict !== 'dropped' || evaluateTrace(allowed, world).verdict !== 'allowed') {
    throw new Error('the benchmark world does not answer as expected');
  }
  return {
    [`eval: ${GROUPS}×${RULES} rules, dropped (all read)`]: timeSync(EVAL_RUNS, 200, () => void evaluateTrace(dropped, world)),
    [`eval: ${GROUPS}×${RULES} rules, allowed by last`]: timeSync(EVAL_RUNS, 200, () => void evaluateTrace(allowed, world)),
  };
}

async function call<T = any>(token: string, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token, 'OpenStack-API-Version': 'compute 2.79' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** The same world in the embedded cloud: an instance on private with the 20 groups and a floating IP. Returns its id. */
async function seedCloud(): Promise<string> {
  const reset = await fetch(`${cloudUrl}/_emulator/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ seed: 'demo' }) });
  if (!reset.ok) throw new Error(`reset answered ${reset.status}`);
  const identity = `${cloudUrl}/identity/v3`;
  const admin = await projectToken(identity, 'admin', 'secret', 'admin');
  const demo = await projectToken(identity, 'demo', 'secret', 'demo');
  const neutron = `${cloudUrl}/networking/v2.0`;
  const nova = `${cloudUrl}/compute/v2.1`;
  const { projects } = await call<{ projects: { id: string }[] }>(admin, 'GET', `${identity}/projects?name=demo`);
  await call(admin, 'PUT', `${neutron}/quotas/${projects[0]!.id}`, { quota: { security_group: GROUPS + 10, security_group_rule: GROUPS * (RULES + 2) + 100 } });
  const groupIds: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const { security_group: created } = await call<{ security_group: { id: string } }>(demo, 'POST', `${neutron}/security-groups`, { security_group: { name: `bench-${g}` } });
    groupIds.push(created.id);
    await Promise.all(
      Array.from({ length: RULES }, (_, r) => {
        const rule = benchRule(g, r);
        return call(demo, 'POST', `${neutron}/security-group-rules`, {
          security_group_rule: { security_group_id: created.id, direction: rule.direction, protocol: rule.protocol, port_range_min: rule.portRangeMin, port_range_max: rule.portRangeMax, remote_ip_prefix: rule.remoteIpPrefix },
        });
      }),
    );
  }
  const { networks: [privateNet] } = await call<{ networks: { id: string }[] }>(demo, 'GET', `${neutron}/networks?name=private`);
  const { networks: [publicNet] } = await call<{ networks: { id: string }[] }>(demo, 'GET', `${neutron}/networks?name=public`);
  const image = (await call<{ images: { id: string }[] }>(demo, 'GET', `${cloudUrl}/image/v2/images?name=cirros`)).images[0]!.id;
  const flavor = (await call<{ flavors: { id: string; name: string }[] }>(demo, 'GET', `${nova}/flavors`)).flavors.find((f) => f.name === 'm1.tiny')!.id;
  const { server } = await call<{ server: { id: string } }>(demo, 'POST', `${nova}/servers`, { server: { name: 'bench-web', imageRef: image, flavorRef: flavor, networks: [{ uuid: privateNet!.id }] } });
  await call(admin, 'POST', `${cloudUrl}/_emulator/clock/advance`, { seconds: 120 }).catch(() => undefined);
  const { ports } = await call<{ ports: { id: string }[] }>(demo, 'GET', `${neutron}/ports?device_id=${server.id}`);
  await call(demo, 'PUT', `${neutron}/ports/${ports[0]!.id}`, { port: { security_groups: groupIds } });
  await call(demo, 'POST', `${neutron}/floatingips`, { floatingip: { floating_network_id: publicNet!.id, port_id: ports[0]!.id } });
  return server.id;
}

async function bffCall(serverId: string): Promise<{ summary: Summary; bytes: number }> {
  const client = new BffClient(dashboardUrl);
  await client.login('demo');
  const route = `/api/troubleshoot?source=internet&address=203.0.113.5&destination=${serverId}&protocol=tcp&port=22`;
  let bytes = 0;
  const samples: number[] = [];
  for (let i = 0; i < API_RUNS + 10; i++) {
    const started = performance.now();
    const response = await client.request('GET', route);
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`${route} answered ${response.status}: ${new TextDecoder().decode(body)}`);
    if (i >= 10) samples.push(performance.now() - started);
    bytes = body.byteLength;
  }
  return { summary: summarize(samples), bytes };
}

async function main(): Promise<void> {
  const results = pureEvaluation();
  let bytes: number | null = null;
  if (!process.env.BENCH_PURE_ONLY) {
    const servers = await startCloudAndDashboard({ cloudPort: CLOUD_PORT, dashboardPort: DASHBOARD_PORT, dirPrefix: 'zenith-bench-troubleshoot-' });
    try {
      const serverId = await seedCloud();
      const bff = await bffCall(serverId);
      results[`BFF: GET /api/troubleshoot (${GROUPS}×${RULES})`] = bff.summary;
      bytes = bff.bytes;
    } finally {
      servers.stop();
    }
  }
  console.log(`\nZenith troubleshooter benchmark (ms): ${GROUPS} groups × ${RULES} rules, ${EVAL_RUNS} evaluations, ${API_RUNS} BFF calls\n`);
  printTable(results);
  if (bytes !== null) console.log(`\nresponse size: ${(bytes / 1024).toFixed(1)} KiB`);
  saveResults('troubleshoot', { groups: GROUPS, rules: RULES, evalRuns: EVAL_RUNS, apiRuns: API_RUNS, results, bytes });
}

runBenchmark(main);
