/** The one error shape the BFF answers with, shared by route handlers and the browser. */
export interface ApiErrorPayload {
  /** Stable identifier the UI translates, e.g. "invalid_credentials" or "service.unreachable". */
  code: string;
  status: number;
  /** English text for logs and for codes the UI has no translation for. */
  message: string;
  service: string | null;
  requestId: string | null;
  /** Field name → problem, for forms. */
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
}

export interface ApiErrorBody {
  error: ApiErrorPayload;
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as ApiErrorBody | null)?.error;
  return !!error && typeof error.code === 'string' && typeof error.status === 'number';
}
