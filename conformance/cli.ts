// Helpers for driving the real python-openstackclient against the embedded cloud: start the
// cloud on a port, and run `openstack` with a clean, explicit environment.

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildServer } from '../emulator/server';

export const OPENSTACK_BIN = process.env.OPENSTACK_BIN ?? '/usr/bin/openstack';

export interface OpenstackResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON when it is JSON (commands run with `-f json`), else undefined. */
  json: unknown;
}

export interface Credentials {
  username: string;
  password: string;
  project: string;
}

export const ADMIN: Credentials = { username: 'admin', password: 'secret', project: 'admin' };
export const DEMO: Credentials = { username: 'demo', password: 'secret', project: 'demo' };

/** The OS_* environment of an openrc for the embedded cloud; the auth URL has no /v3 on purpose, so the client must discover it. */
export function openrcEnv(cloudUrl: string, credentials: Credentials): Record<string, string> {
  return {
    OS_AUTH_URL: `${cloudUrl}/identity`,
    OS_USERNAME: credentials.username,
    OS_PASSWORD: credentials.password,
    OS_PROJECT_NAME: credentials.project,
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_DOMAIN_ID: 'default',
    OS_IDENTITY_API_VERSION: '3',
    OS_INTERFACE: 'public',
    OS_REGION_NAME: 'RegionOne',
  };
}

/**
 * Runs `openstack <args>` with only the given OS_* variables: nothing leaks in from the
 * caller's shell, and HOME is a throwaway folder so no clouds.yaml is read.
 */
export async function runOpenstack(args: string[], env: Record<string, string>): Promise<OpenstackResult> {
  const home = mkdtempSync(join(tmpdir(), 'zenith-osc-'));
  try {
    return await new Promise<OpenstackResult>((resolve, reject) => {
      const childEnv: Record<string, string> = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        LANG: 'C.UTF-8',
        ...env,
      };
      const child = spawn(OPENSTACK_BIN, args, {
        // Next.js's types declare NODE_ENV required on ProcessEnv; the CLI needs none of it.
        env: childEnv as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, json: parseJson(stdout) }));
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * A test file's own project (`<prefix>-<random>`), so quotas and server names stay apart from the
 * other files sharing the cloud. `openstack` runs with `-f json`, expects success and answers the
 * parsed output; it acts as a member of the project unless given another environment.
 * `createProject` creates the project as admin and makes admin a member of it; it answers the
 * project as `openstack project create` shows it.
 */
export function ownProject(cloudUrl: string, prefix: string) {
  const asAdmin = openrcEnv(cloudUrl, ADMIN);
  const project = `${prefix}-${randomUUID().slice(0, 8)}`;
  const asMember = { ...asAdmin, OS_PROJECT_NAME: project };

  async function openstack(args: string[], env: Record<string, string> = asMember): Promise<unknown> {
    const result = await runOpenstack([...args, '-f', 'json'], env);
    expect(result.code, result.stderr).toBe(0);
    return result.json;
  }

  async function createProject(): Promise<Record<string, unknown>> {
    const created = (await openstack(['project', 'create', project], asAdmin)) as Record<string, unknown>;
    const grant = await runOpenstack(['role', 'add', '--user', 'admin', '--project', project, 'member'], asAdmin);
    expect(grant.code, grant.stderr).toBe(0);
    return created;
  }

  return { asAdmin, asMember, project, openstack, createProject };
}

/** Moves the embedded cloud's simulated time on, where the CLI does not wait by itself. */
export async function advanceClock(cloudUrl: string, seconds: number): Promise<void> {
  const response = await fetch(`${cloudUrl}/_emulator/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds }),
  });
  expect(response.status).toBe(200);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface RunningCloud {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the embedded cloud on 127.0.0.1 with a fresh database. With no port given it
 * takes any free one.
 */
export async function startEmulator(options: { port?: number } = {}): Promise<RunningCloud> {
  const dir = mkdtempSync(join(tmpdir(), 'zenith-conformance-'));
  const host = '127.0.0.1';
  // The public URL (used in every catalog entry) must be known before the server is built,
  // so a free port is picked first when none is requested.
  const port = options.port ?? (await freePort());
  const url = `http://${host}:${port}`;
  const app = await buildServer({ dbPath: join(dir, 'cloud.db'), publicUrl: url, seed: 'demo' });
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    app,
    url,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
