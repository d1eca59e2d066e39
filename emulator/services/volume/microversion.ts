// Cinder's API microversions: `OpenStack-API-Version: volume 3.x`, echoed with Vary on every
// response below the API root; 406 outside the advertised range, 400 when malformed. With
// no header a request is served at 3.0.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';

export const VOLUME_MIN_MICROVERSION = '3.0';
// 3.27 brings the attachments API; everything rendered up to it is in views.ts (group_id at
// 3.13, provider_id at 3.21, group_snapshot_id at 3.14). Going past 3.41 would change state
// rules (extend in-use at 3.42, snapshots of in-use volumes without force at 3.66).
export const VOLUME_MAX_MICROVERSION = '3.27';

export interface VolumeVersion {
  major: number;
  minor: number;
}

const VERSION_FORMAT = /^([1-9]\d*)\.([1-9]\d*|0)$/;

function parse(text: string): VolumeVersion {
  const match = VERSION_FORMAT.exec(text);
  if (!match) {
    throw new ApiError(400, `API Version String ${text} is of invalid format. Must be of format MajorNum.MinorNum.`);
  }
  return { major: Number(match[1]), minor: Number(match[2]) };
}

const MIN = parse(VOLUME_MIN_MICROVERSION);
const MAX = parse(VOLUME_MAX_MICROVERSION);

function compare(a: VolumeVersion, b: VolumeVersion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

const versions = new WeakMap<FastifyRequest, VolumeVersion>();

/** The `volume` entry of OpenStack-API-Version (which may name several services). */
export function requestedVolumeVersion(headers: FastifyRequest['headers']): VolumeVersion {
  const raw = headers['openstack-api-version'];
  const header = Array.isArray(raw) ? raw.join(',') : raw;
  let text: string | undefined;
  for (const entry of (header ?? '').split(',')) {
    const [service, version, ...rest] = entry.trim().split(/\s+/);
    if (service?.toLowerCase() === 'volume' && version !== undefined && rest.length === 0) text = version;
  }
  if (text === undefined) return MIN;
  if (text.toLowerCase() === 'latest') return MAX;
  const version = parse(text);
  if (compare(version, MIN) < 0 || compare(version, MAX) > 0) {
    throw new ApiError(
      406,
      `Version ${version.major}.${version.minor} is not supported by the API. Minimum is ${VOLUME_MIN_MICROVERSION} and maximum is ${VOLUME_MAX_MICROVERSION}.`,
    );
  }
  return version;
}

/** Reads and echoes the version of every request below `${prefix}${apiRoot}/`. */
export function installVolumeMicroversion(app: FastifyInstance, apiRoot: string): void {
  const root = `${app.prefix}${apiRoot}/`;
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith(root) || path.length === root.length) return;
    reply.header('vary', 'OpenStack-API-Version');
    const version = requestedVolumeVersion(request.headers);
    versions.set(request, version);
    reply.header('openstack-api-version', `volume ${version.major}.${version.minor}`);
  });
}

/** True when the request's microversion is `version` or newer. */
export function volumeAtLeast(request: FastifyRequest, version: string): boolean {
  return compare(versions.get(request) ?? MIN, parse(version)) >= 0;
}
