// Nova's API microversions: which version a request asks for, the 406/400 for versions out
// of range or malformed, and the headers Nova echoes on every response (faults included).
// Views ask `atLeast(request, '2.55')` to pick the shape for the request's version.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';

export interface Microversion {
  major: number;
  minor: number;
}

export const COMPUTE_MIN_MICROVERSION = '2.1';
// Advertise only what the emulator renders: see docs/decisions/006-nova-microversions.md.
export const COMPUTE_MAX_MICROVERSION = '2.79';

const VERSION_FORMAT = /^([1-9]\d*)\.([1-9]\d*|0)$/;

const MIN = parseVersionString(COMPUTE_MIN_MICROVERSION);
const MAX = parseVersionString(COMPUTE_MAX_MICROVERSION);

const versions = new WeakMap<FastifyRequest, Microversion>();

function parseVersionString(text: string): Microversion {
  const match = VERSION_FORMAT.exec(text.trim());
  if (!match) {
    throw new ApiError(
      400,
      `API Version String ${text.trim()} is of invalid format. Must be of format MajorNum.MinorNum.`,
    );
  }
  return { major: Number(match[1]), minor: Number(match[2]) };
}

export function compareVersions(a: Microversion, b: Microversion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

export function formatVersion(version: Microversion): string {
  return `${version.major}.${version.minor}`;
}

function headerText(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * The version a request asks for. `OpenStack-API-Version` wins over the legacy header;
 * it may list several services (`compute 2.60, volume 3.0`), only `compute` counts here.
 */
export function requestedVersion(headers: FastifyRequest['headers']): Microversion {
  let text: string | undefined;
  const standard = headerText(headers['openstack-api-version']);
  if (standard !== undefined) {
    for (const entry of standard.split(',')) {
      const [service, version, ...rest] = entry.trim().split(/\s+/);
      if (service?.toLowerCase() === 'compute' && version !== undefined && rest.length === 0) {
        text = version;
      }
    }
  }
  text ??= headerText(headers['x-openstack-nova-api-version']);
  if (text === undefined || text.trim() === '') return MIN;
  if (text.trim().toLowerCase() === 'latest') return MAX;
  const version = parseVersionString(text);
  if (compareVersions(version, MIN) < 0 || compareVersions(version, MAX) > 0) {
    throw new ApiError(
      406,
      `Version ${formatVersion(version)} is not supported by the API. Minimum is ${COMPUTE_MIN_MICROVERSION} and maximum is ${COMPUTE_MAX_MICROVERSION}.`,
    );
  }
  return version;
}

/**
 * Reads the version of every request in the compute scope before routing to a handler and
 * echoes it. A bad header is answered in Nova's fault envelope, with `Vary` but without a
 * version (there is none to echo).
 */
export function installMicroversion(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('vary', 'OpenStack-API-Version, X-OpenStack-Nova-API-Version');
    const version = requestedVersion(request.headers);
    versions.set(request, version);
    const text = formatVersion(version);
    reply.header('openstack-api-version', `compute ${text}`);
    reply.header('x-openstack-nova-api-version', text);
  });
}

/** The request's microversion (2.1 when the hook did not run, e.g. outside /compute). */
export function requestVersion(request: FastifyRequest): Microversion {
  return versions.get(request) ?? MIN;
}

/** True when the request's microversion is `version` or newer, e.g. atLeast(request, '2.55'). */
export function atLeast(request: FastifyRequest, version: string): boolean {
  return compareVersions(requestVersion(request), parseVersionString(version)) >= 0;
}
