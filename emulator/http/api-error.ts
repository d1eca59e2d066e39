// The error every handler throws. Each service's error handler renders it in that service's
// own envelope, so handlers never build error bodies themselves.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Service-specific error type where the envelope has one (Neutron, Heat). */
    readonly type?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
