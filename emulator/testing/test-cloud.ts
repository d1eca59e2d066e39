// Test helpers: an embedded cloud on a throwaway database file, and Keystone calls through
// app.inject so tests read as client conversations.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer, type BuildServerOptions } from '../server';

export const PUBLIC_URL = 'http://cloud.test:8788';

export interface TestCloud {
  app: FastifyInstance;
  dbPath: string;
  /** Closes the server and deletes its database folder. */
  dispose(): Promise<void>;
}

export async function startTestCloud(options: Partial<BuildServerOptions> = {}): Promise<TestCloud> {
  const dir = mkdtempSync(join(tmpdir(), 'zenith-cloud-'));
  const dbPath = options.dbPath ?? join(dir, 'cloud.db');
  const app = await buildServer({ publicUrl: PUBLIC_URL, ...options, dbPath });
  return {
    app,
    dbPath,
    async dispose() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PasswordLogin {
  user: string;
  password?: string;
  /** Project name in the Default domain; omitted for an unscoped token. */
  project?: string;
}

export function passwordAuth({ user, password = 'secret', project }: PasswordLogin): { auth: Record<string, unknown> } {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: user, domain: { name: 'Default' }, password } },
      },
      ...(project === undefined ? {} : { scope: { project: { name: project, domain: { id: 'default' } } } }),
    },
  };
}

export function issue(app: FastifyInstance, body: unknown, query = ''): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/identity/v3/auth/tokens${query}`, payload: body as object });
}

/** Logs in and returns the token id; fails the test if Keystone refuses. */
export async function login(app: FastifyInstance, credentials: PasswordLogin): Promise<string> {
  const response = await issue(app, passwordAuth(credentials));
  const token = response.headers['x-subject-token'];
  if (response.statusCode !== 201 || typeof token !== 'string') {
    throw new Error(`login as ${credentials.user} answered ${response.statusCode}: ${response.body}`);
  }
  return token;
}

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A call with X-Auth-Token, as a client holding that token makes it. */
export function call(
  app: FastifyInstance,
  token: string | undefined,
  method: Method,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    payload: payload as object | undefined,
    headers: { ...(token === undefined ? {} : { 'x-auth-token': token }), ...headers },
  });
}

export async function control(app: FastifyInstance, path: string, body: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/_emulator/${path}`, payload: body as object });
}
