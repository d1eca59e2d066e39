import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { attachToServer, detachFromServer } from '@/lib/bff/volumes';
import { attachVolumeSchema, detachVolumeSchema } from '@/lib/validation/volumes';

export const POST = sessionRoute(async (ctx, request, params) => {
  const { serverId } = attachVolumeSchema.parse(await readJson(request));
  return noStoreJson(await attachToServer(ctx, params.id ?? '', serverId), { status: 202 });
});

export const DELETE = sessionRoute(async (ctx, request, params) => {
  const { serverId } = detachVolumeSchema.parse(await readJson(request));
  await detachFromServer(ctx, params.id ?? '', serverId);
  return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});
