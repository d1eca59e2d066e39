import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadStackMetrics } from '@/lib/bff/metrics-group';
import { resourceIdSchema, sinceSchema } from '@/lib/validation/metrics';

export const GET = sessionRoute(async (ctx, request, params) => {
  const id = resourceIdSchema.parse(params.id);
  const since = sinceSchema.parse(request.nextUrl.searchParams.get('since') ?? undefined);
  return noStoreJson(await loadStackMetrics(ctx, id, since));
});
