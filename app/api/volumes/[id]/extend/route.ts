import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { growVolume } from '@/lib/bff/volumes';
import { extendVolumeSchema } from '@/lib/validation/volumes';

export const POST = sessionRoute(async (ctx, request, params) => {
  const { newSizeGb } = extendVolumeSchema.parse(await readJson(request));
  await growVolume(ctx, params.id ?? '', newSizeGb);
  return noStoreJson({ newSizeGb }, { status: 202 });
});
