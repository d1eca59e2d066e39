// Error bodies exactly as each OpenStack service shapes them; clients parse these to show
// the message, so a wrong shape turns a clear error into "unknown error".

import { STATUS_CODES } from 'node:http';

export type ErrorEnvelope = (status: number, message: string, type?: string) => unknown;

function title(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** Keystone: {"error":{"code","title","message"}}. */
export const keystoneEnvelope: ErrorEnvelope = (status, message) => ({
  error: { code: status, title: title(status), message },
});

// Nova and Cinder name the wrapper after the fault (nova/api/openstack/wsgi.py).
const FAULT_NAMES: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  429: 'overLimit',
  501: 'notImplemented',
  503: 'serviceUnavailable',
};

/** Nova and Cinder: {"<faultName>":{"code","message"}}. */
export const computeEnvelope: ErrorEnvelope = (status, message) => ({
  [FAULT_NAMES[status] ?? 'computeFault']: { code: status, message },
});

const NEUTRON_TYPES: Record<number, string> = {
  400: 'BadRequest',
  401: 'NotAuthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  501: 'NotImplemented',
  503: 'ServiceUnavailable',
};

/** Neutron: {"NeutronError":{"type","message","detail"}}. */
export const neutronEnvelope: ErrorEnvelope = (status, message, type) => ({
  NeutronError: {
    type: type ?? NEUTRON_TYPES[status] ?? 'HTTPInternalServerError',
    message,
    detail: '',
  },
});

// webob's explanations, which Heat's fault middleware copies into its body.
const EXPLANATIONS: Record<number, string> = {
  400: 'The server could not comply with the request since it is either malformed or otherwise incorrect.',
  401: 'This server could not verify that you are authorized to access the document you requested.',
  403: 'Access was denied to this resource.',
  404: 'The resource could not be found.',
  409: 'There was a conflict when trying to complete your request.',
  501: 'The server has not implemented the requested method.',
};

/** Heat: {"code","title","explanation","error":{"type","message","traceback"}}. */
export const heatEnvelope: ErrorEnvelope = (status, message, type) => ({
  code: status,
  title: title(status),
  explanation:
    EXPLANATIONS[status] ??
    'The server has either erred or is incapable of performing the requested operation.',
  error: { type: type ?? title(status).replace(/\s+/g, ''), message, traceback: null },
});

/** Glance answers through webob's JSON formatter: the code is "<status> <reason>". */
export const glanceEnvelope: ErrorEnvelope = (status, message) => ({
  code: `${status} ${title(status)}`,
  title: title(status),
  message,
});

/** Aodh (WSME): {"error_message":{"faultstring","faultcode","debuginfo"}}. */
export const aodhEnvelope: ErrorEnvelope = (status, message) => ({
  error_message: { faultstring: message, faultcode: status < 500 ? 'Client' : 'Server', debuginfo: null },
});

/** Gnocchi (pecan abort): {"code","description"}. */
export const gnocchiEnvelope: ErrorEnvelope = (status, message) => ({
  code: status,
  description: message,
});
