import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadResources } from '@/lib/bff/stack-detail';
import { resourceDepthSchema } from '@/lib/bff/stack-detail-queries';

export const GET = sessionRoute(async (ctx, request, params) => {
  const depth = resourceDepthSchema.parse(request.nextUrl.searchParams.get('depth') ?? undefined);
  return noStoreJson(await loadResources(ctx, params.id ?? '', depth));
});
