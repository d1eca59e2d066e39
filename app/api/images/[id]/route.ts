import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadImage, removeImage, updateImageFromRequest } from '@/lib/bff/images';
import { readJson } from '@/lib/bff/request';
import { updateImageSchema } from '@/lib/validation/images';

export const GET = sessionRoute(async (ctx, _request, params) => noStoreJson(await loadImage(ctx, params.id ?? '')));

export const PATCH = sessionRoute(async (ctx, request, params) =>
  noStoreJson(await updateImageFromRequest(ctx, params.id ?? '', updateImageSchema.parse(await readJson(request)))),
);

export const DELETE = sessionRoute(async (ctx, _request, params) => {
  await removeImage(ctx, params.id ?? '');
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
