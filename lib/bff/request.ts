import 'server-only';

import { ApiError } from './api-error';

/** Reads a JSON body; anything else is a clear 4xx, never a crash. */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    throw new ApiError({ code: 'unsupported_media_type', status: 415, message: 'Send the request body as application/json' });
  }
  const text = await request.text();
  if (text.length > maxBytes) {
    throw new ApiError({ code: 'body_too_large', status: 413, message: `The request body is larger than ${Math.round(maxBytes / 1024)} KiB` });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError({ code: 'invalid_json', status: 400, message: 'The request body is not valid JSON' });
  }
}

/**
 * The client's address for throttling. X-Forwarded-For is set by Next.js from the socket when absent, and
 * by a reverse proxy when there is one; a client can forge it, so it is used only for a per-address limit.
 */
export function clientAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}
