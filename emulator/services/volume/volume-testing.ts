// Test helpers for the Cinder API: a demo cloud on a manual clock, admin and demo tokens,
// and Cinder calls with an optional microversion.

import type { LightMyRequestResponse } from 'fastify';
import { call, computeCall, control, loginAdminAndDemo, startTestCloud, type TestCloud } from '../../testing/test-cloud';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface VolumeTestCloud extends TestCloud {
  admin: string;
  demo: string;
  /** A Cinder call below /volume/v3; `version` sets `OpenStack-API-Version: volume <version>`. */
  cinder(token: string, method: Method, path: string, body?: unknown, version?: string): Promise<LightMyRequestResponse>;
  nova(token: string, method: Method, path: string, body?: unknown, version?: string): Promise<LightMyRequestResponse>;
  advance(seconds: number): Promise<void>;
  reset(): Promise<void>;
  /** Creates a volume as the token's user, lets it become available, returns its id. */
  volume(token: string, fields?: Record<string, unknown>): Promise<string>;
}

export async function startVolumeCloud(): Promise<VolumeTestCloud> {
  const cloud = await startTestCloud({ seed: 'demo' });
  await control(cloud.app, 'clock', { mode: 'manual' });
  const cinder: VolumeTestCloud['cinder'] = (token, method, path, body, version) =>
    call(cloud.app, token, method, `/volume/v3${path}`, body, version ? { 'openstack-api-version': `volume ${version}` } : {});
  const nova: VolumeTestCloud['nova'] = (token, method, path, body, version = '2.79') =>
    computeCall(cloud.app, token, method, path, body, version);
  const result: VolumeTestCloud = {
    ...cloud,
    ...(await loginAdminAndDemo(cloud.app)),
    cinder,
    nova,
    async advance(seconds) {
      await control(cloud.app, 'clock/advance', { seconds });
    },
    async reset() {
      await control(cloud.app, 'reset', { seed: 'demo' });
      await control(cloud.app, 'clock', { mode: 'manual' });
      Object.assign(result, await loginAdminAndDemo(cloud.app));
    },
    async volume(token, fields = {}) {
      const response = await cinder(token, 'POST', '/volumes', { volume: { size: 1, ...fields } });
      if (response.statusCode !== 202) throw new Error(`volume create answered ${response.statusCode}: ${response.body}`);
      await result.advance(10);
      return response.json().volume.id as string;
    },
  };
  return result;
}
