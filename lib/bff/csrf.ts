import 'server-only';

import { timingSafeEqual } from 'node:crypto';

import { getConfig } from '../config';
import { ApiError } from './api-error';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * A mutating request must come from our own pages: the browser's Sec-Fetch-Site or Origin says so, and
 * (once there is a session) it carries the session's CSRF token in a header a form post cannot set.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw forbidden();
  const origin = request.headers.get('origin');
  if (!origin) {
    if (!site) throw forbidden();
    return;
  }
  const own = new URL(request.url).origin;
  const host = request.headers.get('host');
  const allowed = new Set([own, ...getConfig().trustedOrigins]);
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (!allowed.has(origin)) throw forbidden();
}

export function assertCsrfToken(request: Request, expected: string | undefined): void {
  const sent = request.headers.get(CSRF_HEADER);
  if (!expected || !sent) throw forbidden();
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw forbidden();
}

function forbidden(): ApiError {
  return new ApiError({
    code: 'csrf_rejected',
    status: 403,
    message: 'This request did not come from a Zenith page and was refused',
  });
}
