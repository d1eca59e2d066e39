import 'server-only';

import { type ServiceClient, serviceClient } from '../service-client';

/**
 * Zenith speaks Nova at microversion 2.79: flavors embedded in servers (2.47), descriptions (2.19), tags
 * (2.26), locked reasons (2.73). A cloud older than that answers 406 and the page says so.
 */
export const NOVA_MICROVERSION = '2.79';

export function novaClient(baseUrl: string, token: string): ServiceClient {
  return serviceClient({ service: 'compute', baseUrl, token, microversion: `compute ${NOVA_MICROVERSION}` });
}
