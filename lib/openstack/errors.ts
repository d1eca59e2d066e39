/**
 * One error type for every OpenStack call: the service that answered, the HTTP status, a message a person
 * can read and the request ID an operator needs to find the call in the service's logs.
 */
export type OpenStackErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'bad_request'
  | 'unreachable'
  | 'timeout'
  | 'bad_response'
  | 'not_implemented'
  | 'server_error';

export interface OpenStackErrorInit {
  service: string;
  status: number;
  message: string;
  requestId?: string | null;
  code?: OpenStackErrorCode;
  /** The service's own name for the fault when it gives one, e.g. Neutron's "OverQuota" or "SecurityGroupInUse". */
  faultType?: string | null;
}

export class OpenStackError extends Error {
  readonly service: string;
  readonly status: number;
  readonly requestId: string | null;
  readonly code: OpenStackErrorCode;
  readonly faultType: string | null;

  constructor(init: OpenStackErrorInit) {
    super(init.message);
    this.name = 'OpenStackError';
    this.service = init.service;
    this.status = init.status;
    this.requestId = init.requestId ?? null;
    this.code = init.code ?? codeForStatus(init.status);
    this.faultType = init.faultType ?? null;
  }
}

export function codeForStatus(status: number): OpenStackErrorCode {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 501) return 'not_implemented';
  return 'server_error';
}

/** Neutron names each fault ({"NeutronError":{"type":"SecurityGroupRuleExists",…}}); clients branch on it. */
export function faultTypeFromBody(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const fault = (body as Record<string, unknown>).NeutronError;
  if (!fault || typeof fault !== 'object') return null;
  const type = (fault as Record<string, unknown>).type;
  return typeof type === 'string' && type ? type : null;
}

/**
 * Finds the human message in any of the services' error envelopes: Keystone's {error:{message}},
 * Nova and Cinder's {<faultName>:{message}}, Neutron's {NeutronError:{message}}, Heat's {error:{message}}
 * (not its generic explanation), Aodh's {error_message:{faultstring}} and Gnocchi's {description}.
 */
export function messageFromBody(body: unknown): string | null {
  if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 500) : null;
  if (!body || typeof body !== 'object') return null;
  const record = body as Record<string, unknown>;
  // Heat's top-level explanation is webob's generic text for the status; its error.message says what went wrong.
  if (typeof record.explanation === 'string' && record.error && typeof record.error === 'object') {
    const own = messageFromBody(record.error);
    if (own) return own;
  }
  for (const key of ['message', 'faultstring', 'description', 'explanation', 'detail']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  for (const value of Object.values(record)) {
    if (value && typeof value === 'object') {
      const nested = messageFromBody(value);
      if (nested) return nested;
    }
  }
  return null;
}
