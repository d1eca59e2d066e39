// POST /servers: checks everything Nova checks before accepting a boot (flavor, image, key
// pair, availability zone, metadata, server group, quota), then schedules each instance and
// writes them in the caller's transaction, so a refused request leaves nothing behind.

import { randomBytes, randomUUID } from 'node:crypto';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import { BUILD_SECONDS, POWER } from '../../sim/server-lifecycle';
import type { Repositories } from '../../store/open-store';
import type { Flavor } from '../../store/schema';
import type { Server } from '../../store/servers';
import { checkInstanceQuota } from './quota-check';
import { chooseHost, NO_VALID_HOST, type GroupPolicy } from './scheduler';
import type { CreateServerBody } from './server-schemas';
import { attachRootVolume } from '../../store/volumes';
import { hostCapacities, loadUsableFlavor, refId, rootVolumeSource, snapshotOf } from './server-inputs';
import { bindServerPorts, checkPortQuota, planServerPorts, securityGroupIds } from './server-ports';
import { neutronTimestamp } from '../../store/network-rows';

export interface CreateContext {
  projectId: string;
  userId: string;
  admin: boolean;
  requestId: string;
  now: number;
  atLeast(version: string): boolean;
}

export interface CreatedServers {
  servers: Server[];
  adminPass: string;
  reservationId: string;
}

const GIB = 1024 ** 3;

async function checkImage(repos: Repositories, ref: string, flavor: Flavor, context: CreateContext): Promise<string> {
  const id = refId(ref);
  const image = await repos.images.getVisible({ projectId: context.projectId, isAdmin: context.admin }, id);
  if (!image) throw new ApiError(400, `Image ${id} could not be found.`);
  if (image.status !== 'active') throw new ApiError(400, `Image ${id} is not active.`);
  if (image.minRam > flavor.ram) throw new ApiError(400, "Flavor's memory is too small for requested image.");
  // A flavor with disk 0 boots at the image's size (Nova's "zero disk" flavors).
  if (flavor.disk > 0) {
    const flavorBytes = flavor.disk * GIB;
    if ((image.size ?? 0) > flavorBytes) {
      throw new ApiError(400, `Flavor's disk is too small for requested image. Flavor disk is ${flavorBytes} bytes, image is ${image.size} bytes.`);
    }
    if (image.minDisk * GIB > flavorBytes) {
      throw new ApiError(400, `Flavor's disk is too small for requested image. Flavor disk is ${flavorBytes} bytes, minimum size is ${image.minDisk * GIB} bytes.`);
    }
  }
  return id;
}

export async function createServers(repos: Repositories, body: CreateServerBody, context: CreateContext): Promise<CreatedServers> {
  const input = body.server;
  const minCount = input.min_count ?? 1;
  const maxCount = input.max_count ?? minCount;
  if (minCount > maxCount) throw new ApiError(400, 'min_count must be <= max_count');
  // Fields only later microversions know, refused as Nova's schema of the request's version does.
  for (const [field, version] of [['description', '2.19'], ['tags', '2.52']] as const) {
    if (input[field] !== undefined && !context.atLeast(version)) {
      throw new ApiError(400, `Invalid input for field/attribute server. Value: ${JSON.stringify(input)}. Additional properties are not allowed ('${field}' was unexpected)`);
    }
  }
  if (typeof input.networks === 'string' && !context.atLeast('2.37')) {
    throw new ApiError(400, `Invalid input for field/attribute networks. Value: ${input.networks}. '${input.networks}' is not of type 'array'`);
  }
  if (context.atLeast('2.37') && input.networks === undefined) {
    throw new ApiError(400, `Invalid input for field/attribute server. Value: ${JSON.stringify(input)}. 'networks' is a required property`);
  }

  const flavor = await loadUsableFlavor(repos, input.flavorRef, context.projectId, context.admin);
  const rootSource = rootVolumeSource(body, maxCount);
  if (!rootSource && !input.imageRef) {
    throw new ApiError(400, 'Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid.');
  }
  // Booted from a volume, the server shows no image (Nova's "image": "").
  const imageId = rootSource ? '' : await checkImage(repos, input.imageRef!, flavor, context);

  if (input.key_name !== undefined && !(await repos.keypairs.get(context.userId, input.key_name))) {
    throw new ApiError(400, `Keypair ${input.key_name} not found for user ${context.userId}`);
  }
  const zones = new Set((await repos.hosts.listServices({ binary: 'nova-compute' })).map((s) => s.zone));
  const zone = input.availability_zone?.split(':')[0] || undefined;
  if (zone !== undefined && !zones.has(zone)) throw new ApiError(400, 'The requested availability zone is not available');

  const limits = await repos.computeQuotas.limitsOf(context.projectId);
  const metadata = input.metadata ?? {};
  if (limits.metadata_items >= 0 && Object.keys(metadata).length > limits.metadata_items) {
    throw new ApiError(403, `Maximum number of metadata items exceeds ${limits.metadata_items}`);
  }

  const hints = body['os:scheduler_hints'] ?? body['OS-SCH-HNT:scheduler_hints'];
  const group = hints?.group ? await repos.serverGroups.get(hints.group) : undefined;
  if (hints?.group && (!group || (group.projectId !== context.projectId && !context.admin))) {
    throw new ApiError(404, `Instance group ${hints.group} could not be found.`);
  }

  const usage = await repos.servers.usageOfProject(context.projectId);
  const count = checkInstanceQuota(limits, usage, { vcpus: flavor.vcpus, ram: flavor.ram }, minCount, maxCount);
  if (group && limits.server_group_members >= 0) {
    const members = await repos.servers.countGroupMembers(group.id);
    if (members + count > limits.server_group_members) throw new ApiError(403, 'Quota exceeded, too many servers in group');
  }

  const nowIso = formatIsoMicros(context.now);
  const settleAt = formatIsoMicros(context.now + BUILD_SECONDS * 1000);
  const hosts = await hostCapacities(repos);
  const memberHosts = group ? await repos.servers.hostsOfGroup(group.id) : [];
  // Networks, ports and security groups are checked before any server exists (Nova's API does).
  const portPlans = await planServerPorts(repos, input.networks, context, maxCount);
  await checkPortQuota(repos, context.projectId, portPlans.filter((plan) => !plan.port).length * minCount);
  const groupNames = (input.security_groups ?? [{ name: 'default' }]).map((g) => g.name);
  const groupIds = portPlans.length > 0 ? await securityGroupIds(repos, context.projectId, groupNames, neutronTimestamp(context.now)) : [];
  const reservationId = `r-${randomBytes(4).toString('hex')}`;
  const snapshot = snapshotOf(flavor);
  // A root volume lives in Cinder, not on the host's disk.
  const diskGb = (rootSource ? 0 : flavor.disk) + flavor.ephemeral + Math.ceil(flavor.swap / 1024);
  const servers: Server[] = [];

  for (let index = 0; index < count; index++) {
    const id = randomUUID();
    const host = chooseHost(hosts, {
      vcpus: flavor.vcpus,
      memoryMb: flavor.ram,
      diskGb,
      availabilityZone: zone,
      group: group && { policy: group.policy as GroupPolicy, memberHosts, maxServerPerHost: group.rules.max_server_per_host },
    });
    let fault: string | null = host ? null : NO_VALID_HOST;
    if (host) {
      const zone = hosts.find((h) => h.name === host)?.availabilityZone ?? 'nova';
      const binding = { serverId: id, projectId: context.projectId, host, zone, now: context.now };
      fault = await bindServerPorts(repos, binding, portPlans, groupIds);
    }
    const placed = fault === null && host !== undefined;
    if (placed) {
      const chosen = hosts.find((h) => h.name === host)!;
      chosen.usedVcpus += flavor.vcpus;
      chosen.usedMemoryMb += flavor.ram;
      chosen.usedDiskGb += diskGb;
      memberHosts.push(host);
    }
    servers.push({
      id,
      projectId: context.projectId,
      userId: context.userId,
      name: count > 1 ? `${input.name}-${index + 1}` : input.name,
      description: input.description ?? null,
      flavor: snapshot,
      oldFlavor: null,
      imageId,
      keyName: input.key_name ?? null,
      availabilityZone: placed ? (hosts.find((h) => h.name === host)?.availabilityZone ?? zone ?? null) : (zone ?? null),
      host: placed ? host : null,
      vmState: placed ? 'building' : 'error',
      taskState: placed ? 'spawning' : null,
      powerState: POWER.nostate,
      settleAt: placed ? settleAt : null,
      nextVmState: placed ? 'active' : null,
      nextPowerState: placed ? POWER.running : null,
      locked: false,
      lockedReason: null,
      metadata,
      tags: input.tags ?? [],
      securityGroups: groupNames,
      // Neutron's ports own the addresses; the store derives them (decision 009).
      addresses: {},
      fixedIp: null,
      userData: input.user_data ?? null,
      configDrive: input.config_drive ? 'True' : '',
      diskConfig: input['OS-DCF:diskConfig'] ?? 'MANUAL',
      fault: fault === null ? null : { code: 500, message: fault, created: nowIso },
      reservationId,
      launchIndex: index,
      serverGroupId: group?.id ?? null,
      bootVolumeId: null,
      createdAt: nowIso,
      updatedAt: nowIso,
      launchedAt: null,
    });
  }

  for (const server of servers) {
    if (rootSource && server.host !== null) {
      const root = await attachRootVolume(repos, {
        projectId: server.projectId,
        userId: server.userId,
        serverId: server.id,
        hostName: server.host,
        source: rootSource.source,
        deleteOnTermination: rootSource.deleteOnTermination,
        now: nowIso,
      });
      server.bootVolumeId = root.volumeId;
    }
    await repos.servers.insert(server);
    await repos.instanceActions.insert({
      requestId: context.requestId,
      serverId: server.id,
      projectId: server.projectId,
      userId: server.userId,
      action: 'create',
      startTime: nowIso,
      finishTime: server.settleAt ?? nowIso,
      event: 'compute__do_build_and_run_instance',
      result: server.vmState === 'error' ? 'Error' : 'Success',
      host: server.host,
    });
  }
  return { servers, adminPass: input.adminPass ?? randomBytes(9).toString('base64url'), reservationId };
}

