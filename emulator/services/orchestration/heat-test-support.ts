// Helpers for the Heat API tests: the project a token is scoped to (Heat puts it in the path).

import type { FastifyInstance } from 'fastify';
import { call } from '../../testing/test-cloud';

export async function projectOf(app: FastifyInstance, token: string): Promise<string> {
  const r = await call(app, token, 'GET', '/identity/v3/auth/tokens', undefined, { 'x-subject-token': token });
  return (r.json() as { token: { project: { id: string } } }).token.project.id;
}
