import 'server-only';

import { type IronSession, type SessionOptions, getIronSession } from 'iron-session';
import { cookies } from 'next/headers';

import { getConfig } from '../config';
import type { TokenUser } from '../openstack/keystone';

/**
 * The session lives in one sealed (AES-256 encrypted and signed) HttpOnly cookie. It holds the Keystone
 * tokens so that no server keeps state; nothing in it is readable by scripts or by the user.
 */
export interface SessionData {
  unscopedToken?: string;
  token?: string;
  expiresAt?: string;
  user?: TokenUser;
  project?: TokenUser;
  region?: string | null;
  csrf?: string;
}

export const SESSION_COOKIE = 'zenith_session';

function sessionOptions(): SessionOptions {
  const config = getConfig();
  return {
    password: config.sessionSecret,
    cookieName: SESSION_COOKIE,
    ttl: 24 * 60 * 60,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' },
  };
}

export async function getSession(): Promise<IronSession<SessionData>> {
  return getIronSession<SessionData>(await cookies(), sessionOptions());
}
