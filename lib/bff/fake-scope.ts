import type { ScopedContext } from './guard';

/** A ScopedContext for unit tests of lib/bff modules: endpoints point at a fake service. */
export function fakeScope(baseUrl: string, options: { isAdmin?: boolean; projectId?: string } = {}): ScopedContext {
  const paths: Record<string, string> = { compute: '/compute/v2.1', image: '/image', 'block-storage': '/volume/v3', network: '/networking' };
  const project = { id: options.projectId ?? 'p-demo', name: 'demo', domainId: 'default', domainName: 'Default' };
  return {
    token: 'tok',
    project,
    user: { id: 'u-demo', name: 'demo', domainId: 'default', domainName: 'Default' },
    region: 'RegionOne',
    isAdmin: options.isAdmin ?? false,
    endpoint: (type: string) => `${baseUrl}${paths[type] ?? `/${type}`}`,
  } as unknown as ScopedContext;
}
