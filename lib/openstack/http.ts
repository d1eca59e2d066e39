import 'server-only';

import { randomUUID } from 'node:crypto';

import { OpenStackError, faultTypeFromBody, messageFromBody } from './errors';

/** The one place that sends HTTP to OpenStack services: timeouts, request IDs, microversions, errors. */
export interface OpenStackRequest {
  service: string;
  url: string;
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** e.g. "compute 2.79" for the OpenStack-API-Version header. */
  microversion?: string;
  timeoutMs?: number;
  /** Statuses that are answers, not errors (e.g. 300 from a version document). */
  accept?: number[];
}

export interface OpenStackResponse<T> {
  status: number;
  headers: Headers;
  body: T;
  requestId: string | null;
  durationMs: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export async function openstackRequest<T = unknown>(req: OpenStackRequest): Promise<OpenStackResponse<T>> {
  const globalRequestId = `req-${randomUUID()}`;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': 'zenith-dashboard',
    'X-OpenStack-Request-ID': globalRequestId,
    ...req.headers,
  };
  if (req.token) headers['X-Auth-Token'] = req.token;
  if (req.microversion) headers['OpenStack-API-Version'] = req.microversion;
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';

  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(req.url, {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: AbortSignal.timeout(req.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      redirect: 'manual',
      cache: 'no-store',
    });
  } catch (error) {
    throw transportError(req, error, globalRequestId);
  }
  const requestId = response.headers.get('x-openstack-request-id') ?? response.headers.get('x-compute-request-id');
  const text = await response.text().catch(() => '');
  const durationMs = performance.now() - started;
  const body = parseBody(text);

  const accepted = (response.status >= 200 && response.status < 300) || req.accept?.includes(response.status);
  if (!accepted) {
    throw new OpenStackError({
      service: req.service,
      status: response.status,
      message: messageFromBody(body) ?? `${req.service} answered ${response.status} ${response.statusText}`,
      requestId,
      faultType: faultTypeFromBody(body),
    });
  }
  if (text && body === undefined) {
    throw new OpenStackError({
      service: req.service,
      status: 502,
      code: 'bad_response',
      message: `${req.service} answered with something that is not JSON`,
      requestId,
    });
  }
  return { status: response.status, headers: response.headers, body: body as T, requestId, durationMs };
}

/** null for an empty body, undefined for one that is not JSON. */
function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function transportError(req: OpenStackRequest, error: unknown, requestId: string): OpenStackError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new OpenStackError({
      service: req.service,
      status: 504,
      code: 'timeout',
      message: `${req.service} did not answer within ${Math.round((req.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s`,
      requestId,
    });
  }
  return new OpenStackError({
    service: req.service,
    status: 503,
    code: 'unreachable',
    message: `${req.service} cannot be reached at ${new URL(req.url).origin}`,
    requestId,
  });
}
