import { E2E } from './env';
import { projectToken } from './keystone-token';

/** The embedded cloud's control API and Keystone, driven directly to set up each spec's world. */
async function control(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${E2E.cloudUrl}/_emulator/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${path} answered ${response.status}: ${await response.text()}`);
}

export const cloud = {
  reset: (seed: 'demo' | 'empty' = 'demo', regions?: string[]) => control('reset', { seed, ...(regions ? { regions } : {}) }),
  manualClock: () => control('clock', { mode: 'manual' }),
  advance: (seconds: number) => control('clock/advance', { seconds }),
};

const identity = `${E2E.cloudUrl}/identity/v3`;

export const adminToken = (): Promise<string> => projectToken(identity, 'admin', 'secret', 'admin');

export async function keystone<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${identity}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': await adminToken() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? null : await response.json()) as T;
}

/** Creates a user in the Default domain, optionally a member of a project (by name). */
export async function createUser(name: string, options: { project?: string; enabled?: boolean } = {}): Promise<string> {
  const { user } = await keystone<{ user: { id: string } }>('POST', '/users', {
    user: { name, password: 'secret', domain_id: 'default', enabled: options.enabled ?? true },
  });
  if (options.project) {
    const { projects } = await keystone<{ projects: { id: string }[] }>('GET', `/projects?name=${options.project}`);
    const { roles } = await keystone<{ roles: { id: string }[] }>('GET', '/roles?name=member');
    await keystone('PUT', `/projects/${projects[0]!.id}/users/${user.id}/roles/${roles[0]!.id}`);
  }
  return user.id;
}
