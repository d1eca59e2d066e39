import 'server-only';

import { openstackRequest } from './http';

/** Version discovery, as keystoneauth does it: the unversioned root of an endpoint lists its versions. */
export interface ApiVersion {
  id: string;
  status: string;
  /** Highest microversion, when the service has microversions. */
  maxVersion: string | null;
  minVersion: string | null;
}

/** Strips a trailing project id and version segment: /heat-api/v1/<project> → /heat-api. */
export function discoveryUrl(endpointUrl: string, projectId: string): string {
  const url = new URL(endpointUrl);
  let path = url.pathname.replace(/\/+$/, '');
  if (projectId && path.endsWith(`/${projectId}`)) path = path.slice(0, -projectId.length - 1);
  path = path.replace(/\/v\d+(\.\d+)?$/, '');
  url.pathname = `${path}/`;
  return url.toString();
}

export async function discoverVersions(service: string, url: string, timeoutMs = 3_000): Promise<ApiVersion[]> {
  const response = await openstackRequest<unknown>({ service, url, accept: [300], timeoutMs });
  return parseVersions(response.body);
}

export function parseVersions(body: unknown): ApiVersion[] {
  const doc = (body ?? {}) as { versions?: unknown; version?: unknown };
  const raw = Array.isArray(doc.versions)
    ? doc.versions
    : Array.isArray((doc.versions as { values?: unknown } | undefined)?.values)
      ? (doc.versions as { values: unknown[] }).values
      : doc.version
        ? [doc.version]
        : [];
  return raw
    .filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string')
    .map((v) => ({
      id: String(v.id),
      status: String(v.status ?? ''),
      maxVersion: typeof v.version === 'string' && v.version ? v.version : null,
      minVersion: typeof v.min_version === 'string' && v.min_version ? v.min_version : null,
    }));
}

/** The version a client would pick: the CURRENT (or stable) one, else the first. */
export function currentVersion(versions: ApiVersion[]): ApiVersion | null {
  return versions.find((v) => /^(current|stable)$/i.test(v.status)) ?? versions[0] ?? null;
}
