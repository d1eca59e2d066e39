import 'server-only';

import { randomBytes } from 'node:crypto';

import type { IronSession } from 'iron-session';

import type { ZenithConfig } from '../config';
import { OpenStackError } from '../openstack/errors';
import {
  type IssuedToken,
  type ProjectSummary,
  authenticateWithPassword,
  listAuthProjects,
  revokeToken,
  scopeToProject,
} from '../openstack/keystone';
import type { LoginInput } from '../validation/login';
import { ApiError } from './api-error';
import type { SessionData } from './session';
import { assertLoginAllowed, recordLoginFailure, recordLoginSuccess } from './throttle';
import { forgetToken, rememberToken } from './token-cache';

/**
 * Password → unscoped token → the user's projects → a token scoped to the preferred (or first usable)
 * project. The unscoped token is kept for switching projects later, as Horizon does.
 */
export async function login(
  config: ZenithConfig,
  input: LoginInput,
  meta: { address: string; preferredProjectId?: string },
): Promise<{ unscoped: IssuedToken; scoped: IssuedToken }> {
  await assertLoginAllowed(input.domain, input.username, meta.address);
  let unscoped: IssuedToken;
  try {
    unscoped = await authenticateWithPassword(config.authUrl, input);
  } catch (error) {
    if (error instanceof OpenStackError && error.status === 401) {
      await recordLoginFailure(input.domain, input.username, meta.address);
      throw new ApiError({
        code: 'invalid_credentials',
        status: 401,
        message: 'The domain, user name or password is not right, or the user is disabled',
        service: 'identity',
        requestId: error.requestId,
      });
    }
    throw identityProblem(error);
  }
  await recordLoginSuccess(input.domain, input.username);

  try {
    const projects = (await listAuthProjects(config.authUrl, unscoped.token)).filter((p) => p.enabled);
    const scoped = await scopeToFirstUsable(config.authUrl, unscoped.token, ordered(projects, meta.preferredProjectId));
    return { unscoped, scoped };
  } catch (error) {
    await revokeToken(config.authUrl, unscoped.token).catch(() => undefined);
    throw error instanceof ApiError ? error : identityProblem(error);
  }
}

function ordered(projects: ProjectSummary[], preferredId?: string): ProjectSummary[] {
  const preferred = projects.find((p) => p.id === preferredId);
  return preferred ? [preferred, ...projects.filter((p) => p !== preferred)] : projects;
}

async function scopeToFirstUsable(authUrl: string, token: string, projects: ProjectSummary[]): Promise<IssuedToken> {
  if (projects.length === 0) {
    throw new ApiError({
      code: 'no_projects',
      status: 403,
      message: 'This user is not a member of any enabled project; ask an administrator to add you to one',
      service: 'identity',
    });
  }
  for (const project of projects) {
    try {
      return await scopeToProject(authUrl, token, project.id);
    } catch (error) {
      if (!(error instanceof OpenStackError && (error.status === 401 || error.status === 403))) throw error;
    }
  }
  throw new ApiError({
    code: 'no_usable_project',
    status: 403,
    message: 'None of this user’s projects accepts a login (disabled, or no role left)',
    service: 'identity',
  });
}

/** Unreachable, slow or non-Keystone identity services each get their own message on the login page. */
function identityProblem(error: unknown): unknown {
  if (!(error instanceof OpenStackError)) return error;
  const code =
    error.code === 'unreachable'
      ? 'identity_unreachable'
      : error.code === 'timeout'
        ? 'identity_timeout'
        : error.code === 'bad_response' || error.status < 500
          ? 'identity_bad_response'
          : 'identity_error';
  return new ApiError({
    code,
    status: error.status >= 500 ? error.status : 502,
    message: error.message,
    service: 'identity',
    requestId: error.requestId,
  });
}

export function startSession(session: IronSession<SessionData>, unscoped: IssuedToken, scoped: IssuedToken): void {
  rememberToken(scoped.token, scoped.info);
  session.unscopedToken = unscoped.token;
  applyScope(session, scoped);
  session.region = null;
  session.csrf = randomBytes(24).toString('base64url');
}

export function applyScope(session: IronSession<SessionData>, scoped: IssuedToken): void {
  if (session.token && session.token !== scoped.token) forgetToken(session.token);
  rememberToken(scoped.token, scoped.info);
  session.token = scoped.token;
  session.expiresAt = scoped.info.expiresAt;
  session.user = scoped.info.user;
  session.project = scoped.info.project ?? undefined;
}

/** Revokes both tokens at Keystone; a token that is already gone is not an error. */
export async function revokeSessionTokens(authUrl: string, session: SessionData): Promise<void> {
  const tokens = [session.token, session.unscopedToken].filter((t): t is string => !!t);
  await Promise.all(
    tokens.map(async (token) => {
      forgetToken(token);
      try {
        await revokeToken(authUrl, token);
      } catch (error) {
        if (error instanceof OpenStackError && (error.status === 401 || error.status === 404)) return;
        throw error;
      }
    }),
  );
}
