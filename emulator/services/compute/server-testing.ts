// Test helpers for the server API: a demo cloud on a manual clock, admin and demo tokens, and
// Nova calls with a microversion, so tests read as client conversations.

import type { LightMyRequestResponse } from 'fastify';
import { IMAGE_IDS } from '../../seeds/images';
import {
  computeCall,
  control,
  login,
  loginAdminAndDemo,
  startTestCloud,
  type TestCloud,
} from '../../testing/test-cloud';

export interface ServerTestCloud extends TestCloud {
  admin: string;
  demo: string;
  /** A Nova call at a microversion (default 2.79). */
  nova(token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, version?: string): Promise<LightMyRequestResponse>;
  advance(seconds: number): Promise<void>;
  /** Back to the demo seed on a manual clock, with fresh tokens (a reset forgets tokens). */
  reset(seed?: 'demo' | 'empty'): Promise<void>;
  /** Boots one server as the token's user and returns its id. */
  boot(token: string, server?: Record<string, unknown>, extra?: Record<string, unknown>): Promise<string>;
}

export async function startServerCloud(): Promise<ServerTestCloud> {
  const cloud = await startTestCloud({ seed: 'demo' });
  const { admin, demo } = await loginAdminAndDemo(cloud.app);
  await control(cloud.app, 'clock', { mode: 'manual' });
  const nova: ServerTestCloud['nova'] = (token, method, path, body, version = '2.79') =>
    computeCall(cloud.app, token, method, path, body, version);
  const result: ServerTestCloud = {
    ...cloud,
    admin,
    demo,
    nova,
    async reset(seed = 'demo') {
      await control(cloud.app, 'reset', { seed });
      await control(cloud.app, 'clock', { mode: 'manual' });
      result.admin = await login(cloud.app, { user: 'admin', project: 'admin' });
      if (seed === 'demo') result.demo = await login(cloud.app, { user: 'demo', project: 'demo' });
    },
    async advance(seconds) {
      await control(cloud.app, 'clock/advance', { seconds });
    },
    async boot(token, server = {}, extra = {}) {
      const response = await nova(token, 'POST', '/servers', {
        server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_IDS.cirros, networks: 'auto', ...server },
        ...extra,
      });
      if (response.statusCode !== 202) throw new Error(`boot answered ${response.statusCode}: ${response.body}`);
      return response.json().server.id as string;
    },
  };
  return result;
}
