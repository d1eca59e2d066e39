import 'server-only';

import { CINDER_MICROVERSION, cinderClient, negotiateMicroversion } from '../openstack/cinder';
import { currentVersion, discoverVersions, discoveryUrl } from '../openstack/discovery';
import type { ServiceClient } from '../openstack/service-client';
import type { ScopedContext } from './guard';
import { processState } from './process-state';

/**
 * Cinder at the microversion both sides speak: the cloud's maximum is read once per endpoint from its
 * version document (kept ten minutes); a cloud whose document cannot be read is spoken to at 3.0.
 */
const TTL_MS = 10 * 60_000;
const negotiated = processState('cinder-microversion', () => new Map<string, { version: string | null; at: number }>());

export async function cinderMicroversion(endpoint: string, projectId: string): Promise<string | null> {
  const cached = negotiated.get(endpoint);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.version;
  let version: string | null = null;
  try {
    const versions = await discoverVersions('block-storage', discoveryUrl(endpoint, projectId));
    const v3 = versions.find((v) => v.id.startsWith('v3')) ?? currentVersion(versions);
    version = negotiateMicroversion(CINDER_MICROVERSION, v3?.maxVersion ?? null);
  } catch {
    version = null;
  }
  negotiated.set(endpoint, { version, at: Date.now() });
  return version;
}

export interface VolumeService {
  client: ServiceClient;
  microversion: string | null;
}

export async function volumeService(ctx: ScopedContext): Promise<VolumeService> {
  const endpoint = ctx.endpoint('block-storage');
  const microversion = await cinderMicroversion(endpoint, ctx.project.id);
  return { client: cinderClient(endpoint, ctx.token, microversion), microversion };
}
