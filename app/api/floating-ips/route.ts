import { allocateFloatingIp, loadFloatingIps, releaseFloatingIps } from '@/lib/bff/floating-ips';
import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { allocateFloatingIpSchema, releaseFloatingIpsSchema } from '@/lib/validation/floating-ips';

export const GET = sessionRoute(async (ctx, request) =>
  noStoreJson(await loadFloatingIps(ctx, { allProjects: request.nextUrl.searchParams.get('all') === '1' })),
);

export const POST = sessionRoute(async (ctx, request) =>
  noStoreJson({ floatingIp: await allocateFloatingIp(ctx, allocateFloatingIpSchema.parse(await readJson(request))) }, { status: 201 }),
);

/** Releases the addresses named in the body ({ids}); each one's outcome is in the answer. */
export const DELETE = sessionRoute(async (ctx, request) => {
  const { ids } = releaseFloatingIpsSchema.parse(await readJson(request));
  return noStoreJson(await releaseFloatingIps(ctx, ids));
});
