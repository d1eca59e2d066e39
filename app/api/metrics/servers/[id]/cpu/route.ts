import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadServerCpu } from '@/lib/bff/metrics';
import { resourceIdSchema, sinceSchema } from '@/lib/validation/metrics';

export const GET = sessionRoute(async (ctx, request, params) => {
  const id = resourceIdSchema.parse(params.id);
  const since = sinceSchema.parse(request.nextUrl.searchParams.get('since') ?? undefined);
  return noStoreJson(await loadServerCpu(ctx, id, since));
});
