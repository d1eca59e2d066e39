import 'server-only';

import { NextResponse } from 'next/server';
import { ZodError } from 'zod';

import type { ApiErrorBody, ApiErrorPayload } from '../api-error';
import { OpenStackError } from '../openstack/errors';

export class ApiError extends Error {
  readonly payload: ApiErrorPayload;

  constructor(init: Omit<ApiErrorPayload, 'service' | 'requestId'> & Partial<ApiErrorPayload>) {
    super(init.message);
    this.name = 'ApiError';
    this.payload = { service: null, requestId: null, ...init };
  }
}

export function sessionExpired(reason: 'expired' | 'revoked' | 'missing' = 'expired'): ApiError {
  return new ApiError({
    code: `session_${reason}`,
    status: 401,
    message: 'Your session has ended; log in again',
  });
}

/** Turns whatever a handler threw into the one error shape; unknown errors never leak their details. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof OpenStackError) {
    if (error.status === 401) return sessionExpired('revoked');
    return new ApiError({
      code: `service.${error.code}`,
      status: error.status >= 400 && error.status < 600 ? error.status : 502,
      message: error.message,
      service: error.service,
      requestId: error.requestId,
    });
  }
  if (error instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) fields[issue.path.join('.') || 'form'] ??= issue.message;
    return new ApiError({ code: 'invalid_input', status: 400, message: 'Some fields are not valid', fields });
  }
  console.error('Unexpected error in a BFF route', error);
  return new ApiError({ code: 'internal', status: 500, message: 'Zenith hit an unexpected error' });
}

export function errorResponse(error: unknown): NextResponse<ApiErrorBody> {
  const { payload } = toApiError(error);
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (payload.retryAfterSeconds) headers['Retry-After'] = String(payload.retryAfterSeconds);
  return NextResponse.json({ error: payload }, { status: payload.status, headers });
}
