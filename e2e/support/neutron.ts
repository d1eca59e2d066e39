import { E2E } from './env';
import { projectToken } from './keystone-token';

/** Neutron calls straight to the embedded cloud as a user of their own project, to set up a spec's world. */
export async function neutron<T = any>(user: 'admin' | 'demo', method: string, path: string, body?: unknown): Promise<T> {
  const token = await projectToken(`${E2E.cloudUrl}/identity/v3`, user, 'secret', user);
  const response = await fetch(`${E2E.cloudUrl}/networking/v2.0${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}
