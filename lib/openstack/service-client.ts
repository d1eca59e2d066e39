import 'server-only';

import { type OpenStackRequest, type OpenStackResponse, openstackRequest } from './http';

/**
 * A service bound to one endpoint and token: every lib/openstack module builds its calls on this, so
 * URLs, microversions and errors are handled in one place.
 */
export interface ServiceClient {
  service: string;
  baseUrl: string;
  call<T>(path: string, init?: Omit<OpenStackRequest, 'service' | 'url' | 'token' | 'microversion'>): Promise<OpenStackResponse<T>>;
}

export function serviceClient(options: { service: string; baseUrl: string; token: string; microversion?: string }): ServiceClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  return {
    service: options.service,
    baseUrl,
    call<T>(path: string, init: Omit<OpenStackRequest, 'service' | 'url' | 'token' | 'microversion'> = {}) {
      return openstackRequest<T>({
        ...init,
        service: options.service,
        url: `${baseUrl}${path}`,
        token: options.token,
        microversion: options.microversion,
      });
    },
  };
}

/** Query strings with repeated keys and no empty values, as the OpenStack list APIs take them. */
export function query(params: Record<string, string | number | boolean | null | undefined | (string | number)[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
