import 'server-only';

import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import { ApiError } from './api-error';
import { processState } from './process-state';

/**
 * Failed logins are counted per user name and per client address; past either limit, logins for that
 * user (or from that address) are refused for a while. The user count does not include the address,
 * because X-Forwarded-For is only as trustworthy as the proxy in front of Zenith. A success clears the
 * user's count.
 */
const limiters = processState('login-limiters', () => ({
  perUser: new RateLimiterMemory({ keyPrefix: 'login-user', points: 10, duration: 15 * 60, blockDuration: 15 * 60 }),
  perAddress: new RateLimiterMemory({ keyPrefix: 'login-ip', points: 30, duration: 15 * 60, blockDuration: 15 * 60 }),
}));

function userKey(domain: string, username: string): string {
  return `${domain.toLowerCase()}\u0000${username.toLowerCase()}`;
}

export async function assertLoginAllowed(domain: string, username: string, address: string): Promise<void> {
  const [user, ip] = await Promise.all([
    limiters.perUser.get(userKey(domain, username)),
    limiters.perAddress.get(address),
  ]);
  const blocked = [
    [user, limiters.perUser.points],
    [ip, limiters.perAddress.points],
  ] as const;
  for (const [res, points] of blocked) {
    if (res && res.consumedPoints >= points) throw tooMany(res);
  }
}

export async function recordLoginFailure(domain: string, username: string, address: string): Promise<void> {
  await Promise.all([
    limiters.perUser.consume(userKey(domain, username)).catch(() => undefined),
    limiters.perAddress.consume(address).catch(() => undefined),
  ]);
}

export async function recordLoginSuccess(domain: string, username: string): Promise<void> {
  await limiters.perUser.delete(userKey(domain, username));
}

function tooMany(res: RateLimiterRes): ApiError {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new ApiError({
    code: 'too_many_attempts',
    status: 429,
    message: `Too many failed logins; try again in ${Math.ceil(seconds / 60)} min`,
    retryAfterSeconds: seconds,
  });
}
