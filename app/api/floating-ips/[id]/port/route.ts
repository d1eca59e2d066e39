import { associateFloatingIp, disassociateFloatingIp } from '@/lib/bff/floating-ips';
import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { associateFloatingIpSchema } from '@/lib/validation/floating-ips';

/** The port a floating IP maps to: PUT associates, DELETE disassociates. */
export const PUT = sessionRoute(async (ctx, request, params) =>
  noStoreJson({ floatingIp: await associateFloatingIp(ctx, params.id ?? '', associateFloatingIpSchema.parse(await readJson(request))) }),
);

export const DELETE = sessionRoute(async (ctx, _request, params) => noStoreJson({ floatingIp: await disassociateFloatingIp(ctx, params.id ?? '') }));
