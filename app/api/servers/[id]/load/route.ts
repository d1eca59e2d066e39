import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { setServerLoad } from '@/lib/bff/load';
import { readJson } from '@/lib/bff/request';
import { loadRequestSchema, resourceIdSchema } from '@/lib/validation/metrics';

export const POST = sessionRoute(async (ctx, request, params) => {
  const id = resourceIdSchema.parse(params.id);
  const { cpuPercent } = loadRequestSchema.parse(await readJson(request));
  return noStoreJson(await setServerLoad(ctx, id, cpuPercent));
});
