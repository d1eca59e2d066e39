/**
 * The guard in front of every signal POST the BFF sends for a user: a URL taken from a stack output is
 * POSTed only when it points at the user's own catalog (the orchestration endpoint's native
 * …/stacks/{name}/{id}/resources/{res}/signal, or the cloudformation endpoint's pre-signed
 * …/signal/{arn} whose ARN names the user's project) and has nothing that could make it point elsewhere.
 * Plain functions without I/O, so the rules are tested directly.
 */

export type SignalRefusal =
  | 'not_url'
  | 'scheme'
  | 'userinfo'
  | 'host'
  | 'port'
  | 'traversal'
  | 'encoded_separator'
  | 'fragment'
  | 'query'
  | 'other_project'
  | 'not_signal_path'
  | 'no_endpoint';

export interface SignalEndpoints {
  /** The catalog's orchestration endpoint (…/v1/{project_id}), or null when the catalog has none. */
  orchestration: string | null;
  /** The catalog's cloudformation endpoint (…/v1), or null. */
  cloudformation: string | null;
}

export interface AcceptedSignal {
  ok: true;
  /** native: POST with the user's token; cfn: pre-signed, POST with no token. */
  via: 'native' | 'cfn';
  /** The URL to POST, as parsed and checked. */
  url: string;
  stackName: string;
  stackId: string;
  resource: string;
}

export type SignalCheck = AcceptedSignal | { ok: false; reason: SignalRefusal };

const NATIVE_TAIL = /^\/stacks\/([^/]+)\/([^/]+)\/resources\/([^/]+)\/signal$/;
const CFN_TAIL = /^\/signal\/([^/]+)$/;
const ARN = /^arn:openstack:heat::([^:/]*):stacks\/([^/]+)\/([^/]+)\/resources\/([^/]+)$/;

/** Whether a value is shaped like a Heat signal URL at all (either form), wherever it points. */
export function looksLikeSignalUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const path = value.split(/[?#]/)[0] ?? '';
  return /\/resources\/[^/]+\/signal\/?$/i.test(path) || /\/signal\/arn(:|%3a)/i.test(path);
}

const refuse = (reason: SignalRefusal): SignalCheck => ({ ok: false, reason });

/** The raw path as written (before URL normalisation resolves dot segments). */
function rawPath(raw: string): string {
  const afterScheme = raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  return afterScheme.split(/[?#]/)[0] ?? '';
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** A path segment that decodes to something that could climb or split paths. */
const unsafeSegment = (decoded: string) => decoded === '' || decoded === '.' || decoded === '..' || /[/\\]/.test(decoded);

function parseEndpoint(endpoint: string | null): URL | null {
  if (!endpoint) return null;
  try {
    return new URL(endpoint);
  } catch {
    return null;
  }
}

/** Checks the parts every signal URL shares with its endpoint: scheme, credentials, host and port. */
function checkOrigin(url: URL, endpoint: URL): SignalRefusal | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
  if (url.username || url.password) return 'userinfo';
  if (url.protocol !== endpoint.protocol) return 'scheme';
  if (url.hostname !== endpoint.hostname) return 'host';
  if (url.port !== endpoint.port) return 'port';
  return null;
}

export function checkSignalUrl(raw: string, endpoints: SignalEndpoints, projectId: string): SignalCheck {
  if (typeof raw !== 'string' || raw.length > 4096 || /[\s\\\u0000-\u001f\u007f]/.test(raw)) return refuse('not_url');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('not_url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('scheme');
  if (url.username || url.password || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(raw)) return refuse('userinfo');
  const written = rawPath(raw);
  if (/(^|\/)\.\.?(\/|$)/.test(written) || /%2e/i.test(written)) return refuse('traversal');
  if (url.hash || raw.includes('#')) return refuse('fragment');

  const native = parseEndpoint(endpoints.orchestration);
  const cfn = parseEndpoint(endpoints.cloudformation);
  if (!native && !cfn) return refuse('no_endpoint');
  const nativePrefix = native ? native.pathname.replace(/\/+$/, '') : null;
  const cfnPrefix = cfn ? cfn.pathname.replace(/\/+$/, '') : null;

  if (cfn && cfnPrefix !== null && url.pathname.startsWith(`${cfnPrefix}/signal/`)) {
    const origin = checkOrigin(url, cfn);
    if (origin) return refuse(origin);
    const tail = CFN_TAIL.exec(url.pathname.slice(cfnPrefix.length));
    if (!tail) return refuse('not_signal_path');
    const arn = decodeSegment(tail[1]!);
    const parts = arn === null ? null : ARN.exec(arn);
    if (!parts) return refuse('not_signal_path');
    if (/%/.test(arn!)) return refuse('encoded_separator');
    const [, tenant, stackName, stackId, resource] = parts as unknown as [string, string, string, string, string];
    if ([stackName, stackId, resource].some(unsafeSegment)) return refuse('traversal');
    if (tenant !== projectId) return refuse('other_project');
    return { ok: true, via: 'cfn', url: url.href, stackName, stackId, resource };
  }

  if (!native || nativePrefix === null) return refuse(cfn ? 'not_signal_path' : 'no_endpoint');
  const origin = checkOrigin(url, native);
  if (origin) return refuse(origin);
  if (!url.pathname.startsWith(`${nativePrefix}/`)) {
    // Same host, another project's endpoint (…/v1/{other}/stacks/…) or another service.
    const base = nativePrefix.replace(/\/[^/]*$/, '');
    return refuse(url.pathname.startsWith(`${base}/`) && NATIVE_TAIL.test(url.pathname.slice(base.length).replace(/^\/[^/]+/, '')) ? 'other_project' : 'not_signal_path');
  }
  if (url.search) return refuse('query');
  const tail = NATIVE_TAIL.exec(url.pathname.slice(nativePrefix.length));
  if (!tail) return refuse('not_signal_path');
  const decoded = tail.slice(1, 4).map(decodeSegment);
  if (decoded.some((d) => d === null)) return refuse('not_url');
  if (tail.slice(1, 4).some((s) => /%2f|%5c/i.test(s!)) || (decoded as string[]).some((d) => d.includes('%'))) return refuse('encoded_separator');
  if ((decoded as string[]).some(unsafeSegment)) return refuse('traversal');
  const [stackName, stackId, resource] = decoded as [string, string, string];
  return { ok: true, via: 'native', url: url.href, stackName, stackId, resource };
}
