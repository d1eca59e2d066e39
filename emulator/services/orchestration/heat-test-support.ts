// Helpers for the Heat API tests: the project a token is scoped to (Heat puts it in the path).

import type { FastifyInstance } from 'fastify';
import { call } from '../../testing/test-cloud';

export async function projectOf(app: FastifyInstance, token: string): Promise<string> {
  const r = await call(app, token, 'GET', '/identity/v3/auth/tokens', undefined, { 'x-subject-token': token });
  return (r.json() as { token: { project: { id: string } } }).token.project.id;
}

/**
 * The key pairs and security groups the seed templates name (admin, mykeypair; all, base), made
 * for the token's user and project when the seed does not have them yet.
 */
export async function ensureFixtureNames(app: FastifyInstance, token: string): Promise<void> {
  for (const name of ['admin', 'mykeypair']) {
    const r = await call(app, token, 'POST', '/compute/v2.1/os-keypairs', { keypair: { name } });
    if (r.statusCode !== 200 && r.statusCode !== 201 && r.statusCode !== 409) throw new Error(r.body);
  }
  const groups = (await call(app, token, 'GET', '/networking/v2.0/security-groups')).json() as { security_groups: { name: string }[] };
  for (const name of ['all', 'base']) {
    if (groups.security_groups.some((g) => g.name === name)) continue;
    const r = await call(app, token, 'POST', '/networking/v2.0/security-groups', { security_group: { name } });
    if (r.statusCode !== 201) throw new Error(r.body);
  }
}
