// Test helpers: an embedded cloud on a throwaway database file, and Keystone calls through
// app.inject so tests read as client conversations.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
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

/** Tokens of admin in the admin project and demo in the demo project, logged in that order. */
export async function loginAdminAndDemo(app: FastifyInstance): Promise<{ admin: string; demo: string }> {
  const admin = await login(app, { user: 'admin', project: 'admin' });
  const demo = await login(app, { user: 'demo', project: 'demo' });
  return { admin, demo };
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

/** A Nova call through /compute/v2.1 at a compute microversion. */
export function computeCall(
  app: FastifyInstance,
  token: string,
  method: Method,
  path: string,
  payload: unknown,
  version: string,
): Promise<LightMyRequestResponse> {
  return call(app, token, method, `/compute/v2.1${path}`, payload, { 'openstack-api-version': `compute ${version}` });
}

export interface TestCloudHooksOptions {
  /** Options for the cloud, started once for the test file. */
  build?: Partial<BuildServerOptions>;
  /** Resets the cloud to this seed before each test; otherwise a file's tests share its state. */
  resetBeforeEach?: 'demo' | 'empty';
  /**
   * Logs in as admin (admin project) and demo (demo project): once for the file, or before
   * each test after the reset when resetBeforeEach is set (a reset forgets tokens).
   */
  login?: boolean;
}

/** The cloud of a test file; read it inside tests and hooks, once the file's hooks have run. */
export interface TestCloudFixture {
  readonly app: FastifyInstance;
  readonly dbPath: string;
  /** Token of admin in the admin project (with `login`). */
  readonly admin: string;
  /** Token of demo in the demo project (with `login`). */
  readonly demo: string;
}

/**
 * Registers the vitest hooks that start a test cloud for the file, dispose of it afterwards
 * and, as asked, reset it and log in before each test.
 */
export function useTestCloud(options: TestCloudHooksOptions = {}): TestCloudFixture {
  let cloud: TestCloud | undefined;
  let admin: string | undefined;
  let demo: string | undefined;
  const started = (): TestCloud => {
    if (cloud === undefined) throw new Error('the test cloud is only there inside tests and hooks');
    return cloud;
  };
  const loginBoth = async (): Promise<void> => {
    ({ admin, demo } = await loginAdminAndDemo(started().app));
  };
  const token = (name: string, value: string | undefined): string => {
    if (value === undefined) throw new Error(`no ${name} token: useTestCloud({ login: true }) logs in`);
    return value;
  };

  beforeAll(async () => {
    cloud = await startTestCloud(options.build);
    if (options.login && options.resetBeforeEach === undefined) await loginBoth();
  });
  afterAll(async () => cloud?.dispose());
  if (options.resetBeforeEach !== undefined) {
    const seed = options.resetBeforeEach;
    beforeEach(async () => {
      await control(started().app, 'reset', { seed });
      if (options.login) await loginBoth();
    });
  }

  return {
    get app() {
      return started().app;
    },
    get dbPath() {
      return started().dbPath;
    },
    get admin() {
      return token('admin', admin);
    },
    get demo() {
      return token('demo', demo);
    },
  };
}
