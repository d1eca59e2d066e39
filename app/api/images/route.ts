import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { createImageFromRequest, loadImages } from '@/lib/bff/images';
import { readJson } from '@/lib/bff/request';
import { createImageSchema, imageListFilterSchema } from '@/lib/validation/images';

export const GET = sessionRoute(async (ctx, request) => {
  const { visibility } = imageListFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const marker = request.nextUrl.searchParams.get('marker') || undefined;
  return noStoreJson(await loadImages(ctx, { visibility, marker }));
});

export const POST = sessionRoute(async (ctx, request) =>
  noStoreJson(await createImageFromRequest(ctx, createImageSchema.parse(await readJson(request))), { status: 201 }),
);
