import { E2E } from './env';
import { projectToken } from './keystone-token';

/** Nova calls straight to the embedded cloud, to set up a spec's world (not what the spec tests). */
export async function nova<T = any>(user: 'admin' | 'demo', method: string, path: string, body?: unknown): Promise<T> {
  const token = await projectToken(`${E2E.cloudUrl}/identity/v3`, user, 'secret', user);
  const response = await fetch(`${E2E.cloudUrl}/compute/v2.1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token, 'OpenStack-API-Version': 'compute 2.79' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

export async function idByName(user: 'admin' | 'demo', collection: 'flavors' | 'images', name: string): Promise<string> {
  if (collection === 'images') {
    const token = await projectToken(`${E2E.cloudUrl}/identity/v3`, user, 'secret', user);
    const body = (await (await fetch(`${E2E.cloudUrl}/image/v2/images?name=${encodeURIComponent(name)}`, { headers: { 'X-Auth-Token': token } })).json()) as {
      images: { id: string }[];
    };
    return body.images[0]!.id;
  }
  const { flavors } = await nova<{ flavors: { id: string; name: string }[] }>(user, 'GET', '/flavors');
  return flavors.find((f) => f.name === name)!.id;
}
