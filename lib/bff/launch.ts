import 'server-only';

import { Buffer } from 'node:buffer';

import type { ApiErrorPayload } from '../api-error';
import { listVolumes } from '../openstack/cinder';
import { OpenStackError } from '../openstack/errors';
import { getImage, glanceClient, listImages } from '../openstack/glance';
import { listAvailabilityZones } from '../openstack/nova/availability-zones';
import { novaClient } from '../openstack/nova/client';
import { type Flavor, getFlavor, listFlavors } from '../openstack/nova/flavors';
import { listKeyPairs } from '../openstack/nova/keypairs';
import { createServer, getComputeLimits } from '../openstack/nova/servers';
import { listAll, neutronClient } from '../openstack/neutron/client';
import { type SecurityGroup, networkFromWire, securityGroupFromWire } from '../openstack/neutron/types';
import { type ComputeLimits, type LaunchImage, flavorProblem } from '../compute/launch-rules';
import type { LaunchInput } from '../validation/servers';
import { ApiError, toApiError } from './api-error';
import type { ScopedContext } from './guard';
import { volumeService } from './volume-client';

export interface LaunchOptions {
  flavors: Flavor[];
  images: LaunchImage[];
  /** Available, bootable volumes to boot from. */
  volumes: { id: string; name: string; sizeGb: number }[];
  keyPairs: string[];
  zones: string[];
  /** Networks an instance of this project can be plugged into: its own and shared ones, not external. */
  networks: LaunchNetwork[];
  /** The project's security groups with their rules, for the picker and its "nothing gets in" warning. */
  securityGroups: SecurityGroup[];
  limits: ComputeLimits | null;
  /** Parts that could not be read; the form still works with what it has. */
  problems: ApiErrorPayload[];
}

export interface LaunchNetwork {
  id: string;
  name: string;
  shared: boolean;
  /** The project owning it is the current one. */
  own: boolean;
}

async function orProblem<T>(problems: ApiErrorPayload[], promise: Promise<T>, fallback: T): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    problems.push(toApiError(error).payload);
    return fallback;
  }
}

/** Everything the launch form offers, read in parallel; one failing service does not empty the form. */
export async function loadLaunchOptions(ctx: ScopedContext): Promise<LaunchOptions> {
  const nova = novaClient(ctx.endpoint('compute'), ctx.token);
  const problems: ApiErrorPayload[] = [];
  const imagesPromise = (async () => {
    const glance = glanceClient(ctx.endpoint('image'), ctx.token);
    const page = await listImages(glance, { limit: 500 });
    return page.images
      .filter((i) => i.status === 'active')
      .map((i) => ({ id: i.id, name: i.name || i.id, minDiskGb: i.minDiskGb, minRamMb: i.minRamMb, sizeBytes: i.sizeBytes }));
  })();
  // Volumes are optional to the form: without a block-storage service it still boots from images.
  const volumesPromise = (async () => {
    const volumes = await listVolumes((await volumeService(ctx)).client);
    return volumes.filter((v) => v.status === 'available' && v.bootable).map((v) => ({ id: v.id, name: v.name || v.id, sizeGb: v.sizeGb }));
  })();
  const neutron = () => neutronClient(ctx.endpoint('network'), ctx.token);
  const networksPromise = (async () => {
    const networks = await listAll(neutron(), 'networks', networkFromWire);
    return networks
      .filter((n) => !n.external || n.shared)
      .map((n) => ({ id: n.id, name: n.name || n.id, shared: n.shared, own: n.projectId === ctx.project.id }))
      .sort((a, b) => Number(b.own) - Number(a.own) || a.name.localeCompare(b.name));
  })();
  const groupsPromise = (async () => {
    const groups = await listAll(neutron(), 'security_groups', securityGroupFromWire, { project_id: ctx.project.id });
    return groups.sort((a, b) => Number(b.name === 'default') - Number(a.name === 'default') || a.name.localeCompare(b.name));
  })();
  const [flavors, images, volumes, keyPairs, zones, limits, networks, securityGroups] = await Promise.all([
    orProblem(problems, listFlavors(nova), []),
    orProblem(problems, imagesPromise, []),
    orProblem(problems, volumesPromise, []),
    orProblem(problems, listKeyPairs(nova).then((k) => k.map((p) => p.name)), []),
    orProblem(problems, listAvailabilityZones(nova), []),
    orProblem(problems, getComputeLimits(nova), null),
    orProblem(problems, networksPromise, []),
    orProblem(problems, groupsPromise, []),
  ]);
  return {
    flavors: flavors.sort((a, b) => a.vcpus - b.vcpus || a.ramMb - b.ramMb),
    images,
    volumes,
    keyPairs,
    zones,
    limits,
    networks,
    securityGroups,
    problems,
  };
}

/** The body of POST /servers for the form's choices. */
export function serverBody(input: LaunchInput): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: input.name,
    flavorRef: input.flavorId,
    networks: Array.isArray(input.networks) ? input.networks.map((uuid) => ({ uuid })) : input.networks,
    min_count: input.count,
    max_count: input.count,
  };
  if (input.source === 'image') body.imageRef = input.imageId;
  if (input.source === 'image-to-volume') {
    body.block_device_mapping_v2 = [
      {
        boot_index: 0,
        uuid: input.imageId,
        source_type: 'image',
        destination_type: 'volume',
        volume_size: input.volumeSizeGb,
        delete_on_termination: input.deleteVolumeOnTermination,
      },
    ];
  }
  if (input.source === 'volume') {
    body.block_device_mapping_v2 = [
      { boot_index: 0, uuid: input.volumeId, source_type: 'volume', destination_type: 'volume', delete_on_termination: input.deleteVolumeOnTermination },
    ];
  }
  if (input.securityGroups.length) body.security_groups = input.securityGroups.map((name) => ({ name }));
  if (input.keyName) body.key_name = input.keyName;
  if (input.userData) body.user_data = Buffer.from(input.userData, 'utf8').toString('base64');
  if (input.metadata.length) body.metadata = Object.fromEntries(input.metadata.map((m) => [m.key, m.value]));
  if (input.availabilityZone) body.availability_zone = input.availabilityZone;
  if (input.count > 1) body.return_reservation_id = true;
  return body;
}

type Lookup<T> = { found: T } | { missing: true } | { unknown: true };

/** A lookup for a pre-check: 404 means the thing is missing; any other failure leaves the check to Nova. */
async function lookup<T>(promise: Promise<T>): Promise<Lookup<T>> {
  try {
    return { found: await promise };
  } catch (error) {
    return error instanceof OpenStackError && error.status === 404 ? { missing: true } : { unknown: true };
  }
}

/**
 * Checks what can be checked before Nova sees the request, so that the form can say which field is
 * wrong: only the chosen flavor, image and key pair and the limits are read. Nova's own answer
 * (quota, state) still comes back as an error with its request ID.
 */
export async function launchServers(ctx: ScopedContext, input: LaunchInput): Promise<{ id: string | null; reservationId: string | null }> {
  const nova = novaClient(ctx.endpoint('compute'), ctx.token);
  const wantsImage = input.source !== 'volume' && !!input.imageId;
  const [flavor, image, keyPairs, limits] = await Promise.all([
    lookup(getFlavor(nova, input.flavorId)),
    wantsImage ? lookup(getImage(glanceClient(ctx.endpoint('image'), ctx.token), input.imageId!)) : Promise.resolve(null),
    input.keyName ? lookup(listKeyPairs(nova).then((pairs) => pairs.map((p) => p.name))) : Promise.resolve(null),
    getComputeLimits(nova).catch(() => null),
  ]);
  if ('missing' in flavor) throw fieldError('flavorId', 'flavor_unknown', 'That flavor does not exist');
  if (image && ('missing' in image || ('found' in image && image.found.status !== 'active'))) {
    throw fieldError('imageId', 'image_unknown', 'That image does not exist or is not active');
  }
  if (keyPairs && 'found' in keyPairs && !keyPairs.found.includes(input.keyName!)) {
    throw fieldError('keyName', 'keypair_unknown', 'That key pair does not exist for your user');
  }
  const chosenImage = image && 'found' in image ? image.found : null;
  if (chosenImage && input.source === 'image-to-volume' && input.volumeSizeGb! < chosenImage.minDiskGb) {
    throw fieldError('volumeSizeGb', 'volume_smaller_than_image', `The image needs a disk of at least ${chosenImage.minDiskGb} GB`);
  }
  if ('found' in flavor) {
    const problem = flavorProblem(flavor.found, input.count, chosenImage, limits, input.source !== 'image');
    if (problem) {
      const field = problem.startsWith('over_') && input.count > 1 ? 'count' : 'flavorId';
      throw fieldError(field, `flavor_${problem}`, `The flavor cannot be used: ${problem.replace(/_/g, ' ')}`);
    }
  }
  const created = await createServer(nova, serverBody(input));
  return { id: created.id || null, reservationId: created.reservationId };
}

function fieldError(field: string, code: string, message: string): ApiError {
  return new ApiError({ code: 'invalid_input', status: 400, message, fields: { [field]: code } });
}
