import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { loadEvents } from '@/lib/bff/stack-detail';
import { eventPageSchema } from '@/lib/bff/stack-detail-queries';

export const GET = sessionRoute(async (ctx, request, params) => {
  const search = request.nextUrl.searchParams;
  const page = eventPageSchema.parse({
    limit: search.get('limit') ?? undefined,
    marker: search.get('marker') || undefined,
    resource: search.get('resource') || undefined,
  });
  return noStoreJson(await loadEvents(ctx, params.id ?? '', page));
});
