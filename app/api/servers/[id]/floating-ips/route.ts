import { addServerFloatingIp, loadServerFloatingIps } from '@/lib/bff/floating-ips';
import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { serverFloatingIpSchema } from '@/lib/validation/floating-ips';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadServerFloatingIps(ctx, params.id ?? '')));

/** Associates an existing address with one of the instance's ports, or allocates one onto it. */
export const POST = sessionRoute(async (ctx, request, params) =>
  noStoreJson({ floatingIp: await addServerFloatingIp(ctx, params.id ?? '', serverFloatingIpSchema.parse(await readJson(request))) }, { status: 201 }),
);
