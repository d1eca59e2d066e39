import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { readJson } from '@/lib/bff/request';
import { switchRegion } from '@/lib/bff/scope';
import { switchRegionSchema } from '@/lib/validation/login';

export const POST = sessionRoute(async (ctx, request) => {
  const { region } = switchRegionSchema.parse(await readJson(request));
  await switchRegion(ctx, region);
  return noStoreJson({ region });
});
