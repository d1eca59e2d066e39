import { type ApiErrorPayload, isApiErrorBody } from '../api-error';

/** Browser-side calls to the BFF: same-origin, CSRF header on mutations, errors as ApiClientError. */
export class ApiClientError extends Error {
  readonly payload: ApiErrorPayload;

  constructor(payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'ApiClientError';
    this.payload = payload;
  }

  get status(): number {
    return this.payload.status;
  }
}

let csrfToken: string | null = null;

/** Set once by the console layout from the server-rendered session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiClientError({
      code: 'network',
      status: 0,
      message: 'Zenith cannot be reached',
      service: null,
      requestId: null,
    });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiClientError(
      isApiErrorBody(body)
        ? body.error
        : { code: 'internal', status: response.status, message: response.statusText, service: null, requestId: null },
    );
  }
  return body as T;
}

export function isSessionEnded(error: unknown): error is ApiClientError {
  return error instanceof ApiClientError && error.status === 401;
}
