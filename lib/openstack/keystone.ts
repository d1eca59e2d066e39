import 'server-only';

import { z } from 'zod';

import { type CatalogService, parseCatalog } from './catalog';
import { OpenStackError } from './errors';
import { openstackRequest } from './http';

/** Keystone v3: the calls the dashboard makes to log in, scope, validate and revoke. */
export interface TokenUser {
  id: string;
  name: string;
  domainId: string;
  domainName: string;
}

export type TokenProject = TokenUser;

export interface TokenInfo {
  expiresAt: string;
  issuedAt: string;
  user: TokenUser;
  project: TokenProject | null;
  roles: string[];
  catalog: CatalogService[];
}

export interface IssuedToken {
  token: string;
  info: TokenInfo;
}

export interface ProjectSummary {
  id: string;
  name: string;
  domainId: string;
  enabled: boolean;
  description: string;
}

const SERVICE = 'identity';

/** OS_AUTH_URL may name Keystone's root or its v3 API; the calls below need the v3 API. */
export function identityV3(authUrl: string): string {
  const trimmed = authUrl.replace(/\/+$/, '');
  if (/\/v3$/.test(trimmed)) return trimmed;
  if (/\/v2\.0$/.test(trimmed)) return trimmed.replace(/\/v2\.0$/, '/v3');
  return `${trimmed}/v3`;
}

export async function authenticateWithPassword(
  authUrl: string,
  credentials: { domain: string; username: string; password: string },
): Promise<IssuedToken> {
  return issueToken(authUrl, {
    identity: {
      methods: ['password'],
      password: {
        user: { name: credentials.username, domain: { name: credentials.domain }, password: credentials.password },
      },
    },
  });
}

export async function scopeToProject(authUrl: string, token: string, projectId: string): Promise<IssuedToken> {
  return issueToken(authUrl, {
    identity: { methods: ['token'], token: { id: token } },
    scope: { project: { id: projectId } },
  });
}

async function issueToken(authUrl: string, auth: unknown): Promise<IssuedToken> {
  const response = await openstackRequest<{ token?: unknown }>({
    service: SERVICE,
    url: `${identityV3(authUrl)}/auth/tokens`,
    method: 'POST',
    body: { auth },
  });
  const token = response.headers.get('x-subject-token');
  if (!token || !response.body?.token) {
    throw new OpenStackError({
      service: SERVICE,
      status: 502,
      code: 'bad_response',
      message: 'The identity service answered without a token: it does not look like Keystone v3',
      requestId: response.requestId,
    });
  }
  return { token, info: parseTokenBody(response.body.token, response.requestId) };
}

export async function validateToken(authUrl: string, token: string): Promise<TokenInfo> {
  const response = await openstackRequest<{ token?: unknown }>({
    service: SERVICE,
    url: `${identityV3(authUrl)}/auth/tokens`,
    token,
    headers: { 'X-Subject-Token': token },
  });
  return parseTokenBody(response.body?.token, response.requestId);
}

export async function revokeToken(authUrl: string, token: string): Promise<void> {
  await openstackRequest({
    service: SERVICE,
    url: `${identityV3(authUrl)}/auth/tokens`,
    method: 'DELETE',
    token,
    headers: { 'X-Subject-Token': token },
  });
}

export async function listAuthProjects(authUrl: string, token: string): Promise<ProjectSummary[]> {
  const response = await openstackRequest<{ projects?: unknown[] }>({
    service: SERVICE,
    url: `${identityV3(authUrl)}/auth/projects`,
    token,
  });
  if (!Array.isArray(response.body?.projects)) throw badResponse('a project list', response.requestId);
  return response.body.projects.map(toProjectSummary).sort((a, b) => a.name.localeCompare(b.name));
}

export async function getProject(authUrl: string, token: string, projectId: string): Promise<ProjectSummary> {
  const response = await openstackRequest<{ project?: unknown }>({
    service: SERVICE,
    url: `${identityV3(authUrl)}/projects/${encodeURIComponent(projectId)}`,
    token,
  });
  if (!response.body?.project) throw badResponse('a project', response.requestId);
  return toProjectSummary(response.body.project);
}

function toProjectSummary(wire: unknown): ProjectSummary {
  const p = (wire ?? {}) as Record<string, unknown>;
  return {
    id: String(p.id ?? ''),
    name: String(p.name ?? ''),
    domainId: String(p.domain_id ?? ''),
    enabled: p.enabled !== false,
    description: typeof p.description === 'string' ? p.description : '',
  };
}

const wireRef = z.object({ id: z.string(), name: z.string().optional().default('') });
const wireOwned = wireRef.extend({ domain: wireRef.partial().optional() });
const wireToken = z.object({
  expires_at: z.string(),
  issued_at: z.string().optional().default(''),
  user: wireOwned,
  project: wireOwned.optional(),
  roles: z.array(z.object({ name: z.string() })).optional().default([]),
  catalog: z.unknown().optional(),
});

function owned(ref: z.infer<typeof wireOwned>): TokenUser {
  return { id: ref.id, name: ref.name, domainId: ref.domain?.id ?? '', domainName: ref.domain?.name ?? '' };
}

export function parseTokenBody(wire: unknown, requestId: string | null = null): TokenInfo {
  const parsed = wireToken.safeParse(wire);
  if (!parsed.success) throw badResponse('a token', requestId);
  const t = parsed.data;
  return {
    expiresAt: t.expires_at,
    issuedAt: t.issued_at,
    user: owned(t.user),
    project: t.project ? owned(t.project) : null,
    roles: t.roles.map((r) => r.name),
    catalog: parseCatalog(t.catalog),
  };
}

function badResponse(what: string, requestId: string | null): OpenStackError {
  return new OpenStackError({
    service: SERVICE,
    status: 502,
    code: 'bad_response',
    message: `The identity service did not answer with ${what}: it does not look like Keystone v3`,
    requestId,
  });
}

/** Admin lists: every project of the cloud, with their enabled state. */
export async function listProjects(authUrl: string, token: string): Promise<ProjectSummary[]> {
  const response = await openstackRequest<{ projects?: unknown[] }>({
    service: SERVICE,
    url: `${identityV3(authUrl)}/projects`,
    token,
  });
  if (!Array.isArray(response.body?.projects)) throw badResponse('a project list', response.requestId);
  return response.body.projects.map(toProjectSummary).sort((a, b) => a.name.localeCompare(b.name));
}

/** How many entries an admin list holds (domains, users, roles): the admin overview's figures. */
export async function countCollection(
  authUrl: string,
  token: string,
  collection: 'domains' | 'projects' | 'users' | 'roles',
): Promise<number> {
  const response = await openstackRequest<Record<string, unknown>>({
    service: SERVICE,
    url: `${identityV3(authUrl)}/${collection}`,
    token,
  });
  const list = response.body?.[collection];
  if (!Array.isArray(list)) throw badResponse(`a ${collection} list`, response.requestId);
  return list.length;
}

/** The catalog for the token's scope as Keystone has it now (the token body holds the one from issue time). */
export async function getAuthCatalog(authUrl: string, token: string): Promise<CatalogService[]> {
  const response = await openstackRequest<{ catalog?: unknown }>({
    service: SERVICE,
    url: `${identityV3(authUrl)}/auth/catalog`,
    token,
  });
  if (!Array.isArray(response.body?.catalog)) throw badResponse('a catalog', response.requestId);
  return parseCatalog(response.body.catalog);
}
