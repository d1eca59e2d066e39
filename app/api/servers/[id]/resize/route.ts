import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { resizeInstance } from '@/lib/bff/servers';
import { resizeSchema } from '@/lib/validation/servers';

export const POST = sessionRoute(async (ctx, request, params) => {
  const { flavorId } = resizeSchema.parse(await readJson(request));
  await resizeInstance(ctx, params.id ?? '', flavorId);
  return noStoreJson({ accepted: 'resize' }, { status: 202 });
});
